#include <gtest/gtest.h>

#include "field_names.hpp"

#include "domain/kernel/calendar_date.hpp"
#include "domain/providers/provider_profile.hpp"

using namespace waypoint::domain;

namespace {

const auto kCheckedOn = *parse_date("2026-11-23");

ProviderProfile valid(ProviderKind kind) {
  ProviderProfile p;
  p.name = "Bridgeway";
  p.kind = kind;
  p.contact_name = "Sam Taylor";
  p.contact_email = "sam@bridgeway.example";
  const auto& info = provider_kind_info(kind);
  if (info.needs_urn) p.urn = "149101";
  if (info.needs_ukprn) p.ukprn = "10049102";
  return p;
}

}  // namespace

TEST(ProviderProfile, EveryKindValidWithItsIdentifiers) {
  for (const auto& k : directory_kinds())
    EXPECT_TRUE(provider_profile_problems(valid(k.kind), kCheckedOn).empty()) << k.code;
}

TEST(ProviderProfile, ASchoolsOwnUnitBelongsToItsSchoolAndNothingElseDoes) {
  auto unit = valid(ProviderKind::SchoolUnit);
  EXPECT_EQ(fields(provider_profile_problems(unit, kCheckedOn)), std::vector<std::string>{"kind"});  // whose?
  unit.unit_of_school = 10;
  EXPECT_TRUE(provider_profile_problems(unit, kCheckedOn).empty());
  auto tutor = valid(ProviderKind::Tutor);
  tutor.unit_of_school = 10;  // a unit turned into a tutor by the directory's form
  EXPECT_EQ(fields(provider_profile_problems(tutor, kCheckedOn)), std::vector<std::string>{"kind"});
}

TEST(ProviderProfile, IdentifiersRequiredWhereTheKindNeedsThem) {
  auto school = valid(ProviderKind::StateApSchool);
  school.urn.reset();
  EXPECT_EQ(fields(provider_profile_problems(school, kCheckedOn)), std::vector<std::string>{"urn"});
  auto college = valid(ProviderKind::FeCollege);
  college.ukprn = "2004910";
  EXPECT_EQ(fields(provider_profile_problems(college, kCheckedOn)), std::vector<std::string>{"ukprn"});
  auto tutor = valid(ProviderKind::Tutor);  // needs neither, but a given one must be well formed
  tutor.urn = "12";
  EXPECT_EQ(fields(provider_profile_problems(tutor, kCheckedOn)), std::vector<std::string>{"urn"});
}

TEST(ProviderProfile, OfstedAgesCapacityAndCost) {
  auto p = valid(ProviderKind::Unregistered);
  p.ofsted_judgement = "good";
  EXPECT_EQ(fields(provider_profile_problems(p, kCheckedOn)), std::vector<std::string>{"ofsted_date"});
  p.ofsted_date = "2026-11-24";  // tomorrow
  EXPECT_EQ(fields(provider_profile_problems(p, kCheckedOn)), std::vector<std::string>{"ofsted_date"});
  p.ofsted_date = "2026-11-23";
  EXPECT_TRUE(provider_profile_problems(p, kCheckedOn).empty());
  p.age_from = 14;
  p.age_to = 11;
  EXPECT_EQ(fields(provider_profile_problems(p, kCheckedOn)), std::vector<std::string>{"age_to"});
  p.age_to = 16;
  p.capacity = -1;
  p.cost_pence = 12000;
  EXPECT_EQ(fields(provider_profile_problems(p, kCheckedOn)), (std::vector<std::string>{"capacity", "cost_unit"}));
}

TEST(ProviderProfile, Postcodes) {
  struct Case {
    const char* raw;
    const char* normalised;
  };
  const Case cases[] = {
      {"sw1a 1aa", "SW1A 1AA"}, {"EX1 1AA", "EX1 1AA"},   {"m11ae", "M1 1AE"},
      {"B33 8TH", "B33 8TH"},   {"CR2 6XH", "CR2 6XH"},   {"DN55 1PT", "DN55 1PT"},
      {"W1A 0AX", "W1A 0AX"},   {"EC1A 1BB", "EC1A 1BB"}, {"", nullptr},
      {"12345", nullptr},       {"SW1A", nullptr},        {"SW1A 1A1", nullptr},
      {"ABC1 1AA", nullptr},    {"1A 1AA", nullptr},
  };
  for (const auto& c : cases) {
    const auto got = normalise_postcode(c.raw);
    if (c.normalised) {
      EXPECT_EQ(got, std::string(c.normalised)) << c.raw;
    } else {
      EXPECT_FALSE(got) << c.raw;
    }
  }
}

TEST(ProviderProfile, SplitList) {
  EXPECT_EQ(split_list(" English, maths ,,English, science "),
            (std::vector<std::string>{"English", "maths", "science"}));
  EXPECT_TRUE(split_list("  ").empty());
}

TEST(ProviderProfile, ChangedFieldsNameWhatDifferedAndIgnoreTheOrderOfLists) {
  ProviderProfile before;
  before.name = "Northgate College";
  before.qualifications = {"BTEC", "Functional Skills"};
  before.capacity = 20;
  auto after = before;
  after.qualifications = {"Functional Skills", "BTEC"};
  EXPECT_TRUE(changed_fields(before, after).empty());
  after.capacity = 25;
  after.contact_phone = "01392 000999";
  after.qualifications.push_back("GCSE");
  EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"Contact phone", "Qualifications", "Places"}));
}
