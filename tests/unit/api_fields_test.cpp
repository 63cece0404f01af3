// What an API request may name, read from the published description: fields it does not take are
// refused at any depth, and what the description leaves open is left to the route.
#include "web/kernel/api_fields.hpp"

#include <gtest/gtest.h>

#include <string>

#include "store/kernel/embedded.hpp"

using waypoint::web::ApiFields;

namespace {

const char* kDescription = R"({
  "servers": [{"url": "/api/v1"}],
  "paths": {
    "/things/{id}": {
      "put": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
      "get": {}
    },
    "/things/{id}/agree": {"post": {}},
    "/things/import": {"post": {"requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}}}
  },
  "components": {"schemas": {
    "Thing": {"allOf": [
      {"type": "object", "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}},
      {"type": "object", "properties": {
        "parts": {"type": "array", "items": {"type": "object", "properties": {"size": {"type": "integer"}}}},
        "minutes_by_day": {"type": "object", "additionalProperties": {"type": "integer"}},
        "extra": {"type": "object"}
      }}
    ]}
  }}
})";

std::string refused(const waypoint::domain::FieldErrors& errors) {
  std::string out;
  for (const auto& e : errors) out += e.field + " ";
  return out;
}

}  // namespace

TEST(ApiFields, RefusesEachFieldTheOperationDoesNotTakeByItsPath) {
  const ApiFields api(kDescription);
  // The route's parameter may be named otherwise than the description's.
  const auto put = [&](const char* body) { return refused(api.problems("PUT", "/api/v1/things/{thing}", body)); };
  EXPECT_EQ(put(R"({"name": "a", "tags": ["x"], "parts": [{"size": 1}]})"), "");
  EXPECT_EQ(put(R"({"name": "a", "colour": "red", "parts": [{"size": 1}, {"size": 2, "weight": 3}]})"),
            "colour parts[1].weight ");
  const auto errors = api.problems("PUT", "/api/v1/things/{id}", R"({"nmae": "a"})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "\"nmae\" is not a field this request takes");
  // Objects keyed by the caller, and objects the description leaves open, are not checked.
  EXPECT_EQ(put(R"({"minutes_by_day": {"monday": 60}, "extra": {"anything": 1}})"), "");
  // Values of another type are the route's to name, with the rest of what is wrong.
  EXPECT_EQ(put(R"({"parts": "big", "tags": [{"colour": "red"}], "name": {"first": "a"}})"), "");
}

TEST(ApiFields, AnOperationWithoutABodyTakesNoFieldAndOthersAreLeftToTheirRoutes) {
  const ApiFields api(kDescription);
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/things/{id}/agree", R"({"reason": "x"})")), "reason ");
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/things/{id}/agree", "")), "");
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/things/{id}/agree", " {} ")), "");
  // Not JSON, not an object, not JSON by the description, or not described: nothing to say here.
  EXPECT_EQ(refused(api.problems("PUT", "/api/v1/things/{id}", "not json")), "");
  EXPECT_EQ(refused(api.problems("PUT", "/api/v1/things/{id}", "[1, 2]")), "");
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/things/import", R"({"a": 1})")), "");
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/other", R"({"a": 1})")), "");
  EXPECT_EQ(refused(api.problems("PUT", "/things/{id}", R"({"colour": 1})")), "");
}

TEST(ApiFields, ThePublishedDescriptionNamesWhatTheRegisterTakes) {
  const ApiFields api(waypoint::store::embedded_file("resources/openapi.json").value_or("{}"));
  EXPECT_EQ(refused(api.problems("POST", "/api/v1/register",
                                 R"({"date": "2026-11-30", "session": "am", "change_reason": "",
                                    "marks": [{"pupil_id": 1, "mark": "late", "minutes_late": 5, "absence_code": ""}]})")),
            "");
  EXPECT_EQ(
      refused(api.problems("POST", "/api/v1/register",
                           R"({"date": "2026-11-30", "marks": [{"pupil_id": 1, "mark": "present", "note": "x"}]})")),
      "marks[0].note ");
}

TEST(ApiFields, ADescriptionThatIsNotJsonIsRefusedAtStart) { EXPECT_THROW(ApiFields("{not json"), std::runtime_error); }
