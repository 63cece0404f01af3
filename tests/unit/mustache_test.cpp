#include "web/kernel/mustache.hpp"

#include "web/kernel/templates.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

using nlohmann::json;
using waypoint::web::mustache::Raw;
using waypoint::web::mustache::Template;

namespace {

std::string render(const char* source, const json& data, const Raw* raw = nullptr) {
  std::string out;
  Template(source).render(data, out, raw);
  return out;
}

}  // namespace

TEST(Mustache, VariablesAreEscapedUnlessTripledAndMissingOnesAreEmpty) {
  const json d = {{"name", "O'Neil & <Sons> \"Ltd\""}, {"count", 0}, {"rate", 2.5}, {"flag", true}};
  EXPECT_EQ(render("{{name}}", d), "O&apos;Neil &amp; &lt;Sons&gt; &quot;Ltd&quot;");
  EXPECT_EQ(render("{{{name}}}|{{&name}}", d), "O'Neil & <Sons> \"Ltd\"|O'Neil & <Sons> \"Ltd\"");
  EXPECT_EQ(render("[{{missing}}][{{count}}][{{rate}}][{{flag}}]", d), "[][0][2.5][]");
}

TEST(Mustache, TextThatCouldReorderThePageIsShownAsReplacementCharacters) {
  const json d = {{"name", "Ann\u202Eevil"}};
  EXPECT_EQ(render("{{name}}", d),
            "Ann\xEF\xBF\xBD"
            "evil");
  // Letters past ASCII are kept, and what must be escaped still is, beside a character replaced.
  const json mixed = {{"name", "Zo\u00eb & <Ann>\u202E'\x01"}};
  EXPECT_EQ(render("{{name}}|{{{name}}}", mixed),
            "Zo\u00eb &amp; &lt;Ann&gt;\xEF\xBF\xBD&apos;\xEF\xBF\xBD|Zo\u00eb & <Ann>\xEF\xBF\xBD'\xEF\xBF\xBD");
  EXPECT_EQ(render("{{name}}", json{{"name", "Zo\u00eb"}}), "Zo\u00eb");
}

TEST(Mustache, SectionsFollowTheValue) {
  const json d = {{"rows", {{{"id", 1}}, {{"id", 2}}}},
                  {"none", json::array()},
                  {"empty", ""},
                  {"zero", 0},
                  {"person", {{"name", "Ann"}}},
                  {"hint", "Use a pencil"},
                  {"tags", {"a", "b"}},
                  {"nothing", nullptr},
                  {"no", false}};
  EXPECT_EQ(render("{{#rows}}<{{id}}>{{/rows}}", d), "<1><2>");
  EXPECT_EQ(render("{{#none}}x{{/none}}{{^none}}none{{/none}}", d), "none");
  EXPECT_EQ(render("{{#empty}}x{{/empty}}{{^empty}}empty is false{{/empty}}", d), "empty is false");
  EXPECT_EQ(render("{{#zero}}zero is true{{/zero}}", d), "zero is true");
  EXPECT_EQ(render("{{#person}}{{name}} of {{hint}}{{/person}}", d), "Ann of Use a pencil");
  EXPECT_EQ(render("{{#hint}}<p>{{hint}}</p>{{/hint}}", d), "<p>Use a pencil</p>");
  EXPECT_EQ(render("{{#tags}}[{{.}}]{{/tags}}", d), "[a][b]");
  EXPECT_EQ(render("{{^nothing}}a{{/nothing}}{{^no}}b{{/no}}{{^missing}}c{{/missing}}", d), "abc");
  EXPECT_EQ(render("{{person.name}}|{{#person.name}}y{{/person.name}}|{{person.age}}|{{hint.x}}", d), "Ann|y||");
}

TEST(Mustache, ANameMissingFromARowIsTheNearestContextsInEveryRow) {
  // The second group has no label of its own and the second row has one: each row still finds the
  // nearest, however the rows before it found theirs.
  const json d = {{"label", "area"},
                  {"groups",
                   {{{"label", "north"}, {"rows", {{{"id", 1}}, {{"id", 2}, {"label", "own"}}, {{"id", 3}}}}},
                    {{"rows", {{{"id", 4}}}}},
                    {{"label", "south"}, {"rows", {{{"id", 5}}}}}}}};
  EXPECT_EQ(render("{{#groups}}{{#rows}}{{id}}:{{label}};{{/rows}}{{/groups}}", d),
            "1:north;2:own;3:north;4:area;5:south;");
  EXPECT_EQ(render("{{#groups}}{{#rows}}{{^label}}{{id}}{{/label}}{{/rows}}|{{/groups}}", d), "|||");
}

TEST(Mustache, NamesThatBeginAlikeAreToldApart) {
  // Keys that are the beginning of one another, differ only in their last letter or in a letter past
  // ASCII: each name finds its own member and no other.
  const json d = {{"a", "1"},
                  {"ab", "2"},
                  {"abc", "3"},
                  {"abd", "4"},
                  {"b", "5"},
                  {"pupil", "6"},
                  {"pupil_id", "7"},
                  {"pupils", "8"},
                  {"\u00e9l\u00e8ve", "9"},
                  {"row", {{"ab", "inner"}}}};
  EXPECT_EQ(render("{{a}}{{ab}}{{abc}}{{abd}}{{b}}{{pupil}}{{pupil_id}}{{pupils}}{{\u00e9l\u00e8ve}}", d), "123456789");
  EXPECT_EQ(render("[{{abe}}][{{aa}}][{{pupil_}}][{{\u00e9l}}]", d.at("row")), "[][][][]");
  EXPECT_EQ(render("{{#row}}{{ab}}{{abc}}{{a}}{{/row}}", d), "inner31");
}

TEST(Mustache, LinesOfOnlySectionTagsAndCommentsLeaveNoBlankLines) {
  const json d = {{"rows", {"a", "b"}}};
  EXPECT_EQ(render("<ul>\n  {{#rows}}\n  <li>{{.}}</li>\n  {{/rows}}\n  {{! a note }}\n</ul>\n", d),
            "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
  EXPECT_EQ(render("a {{#rows}}{{.}}{{/rows}}\n", d), "a ab\n") << "a tag beside text is not alone";
}

TEST(Mustache, TheLayoutTakesThePageAsItIs) {
  const Raw content{"content", [](std::string& out) { out += "<main>'&'</main>"; }};
  EXPECT_EQ(render("<body>{{{content}}}{{title}}</body>", {{"title", "T"}, {"content", "x"}}, &content),
            "<body><main>'&'</main>T</body>");
  EXPECT_EQ(render("{{content}}|{{#content}}[{{content}}]{{/content}}", {{"content", "x"}}, &content),
            "<main>'&'</main>|[<main>'&'</main>]")
      << "the page is written wherever it is named, escaped or not";
}

TEST(Mustache, MalformedTemplatesAreRefusedNamingTheLine) {
  for (const char* bad : {"{{#a}}\n{{/b}}", "x\n{{/a}}", "{{#a}}", "{{name", "{{> partial}}", "{{=<% %>=}}", "{{}}"}) {
    try {
      Template t(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("on line"), std::string::npos) << e.what();
    }
  }
}

TEST(Templates, PartialsAreWrittenInWhereTheyAreNamedPartialsInsidePartialsToo) {
  const std::map<std::string, std::string, std::less<>> partials{
      {"input", "<input>{{> hint}}"}, {"hint", "<p>hint</p>"}, {"error_message", "!"}};
  using waypoint::web::with_partials;
  EXPECT_EQ(with_partials("a{{> input}}b{{>error_message}}c{{>  hint  }}", partials),
            "a<input><p>hint</p>b!c<p>hint</p>");
  EXPECT_EQ(with_partials("no partials {{name}}", partials), "no partials {{name}}");
  // Not a partial's name: left for the template's parser, which refuses it naming the line.
  EXPECT_EQ(with_partials("{{> Input}} {{>}} {{> input", partials), "{{> Input}} {{>}} {{> input");
  try {
    with_partials("x {{> missing}}", partials);
    FAIL() << "a missing partial was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "no partial named missing");
  }
  const std::map<std::string, std::string, std::less<>> itself{{"loop", "{{> loop}}"}};
  EXPECT_THROW(with_partials("{{> loop}}", itself), std::runtime_error);
}
