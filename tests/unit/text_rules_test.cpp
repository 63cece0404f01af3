#include "domain/kernel/text_rules.hpp"

#include <gtest/gtest.h>

namespace waypoint::domain {
namespace {

TEST(TextRules, EachFieldHasItsLengthFromOneTable) {
  EXPECT_EQ(text_limit_for("given_name").max_characters, 100u);
  EXPECT_TRUE(text_limit_for("given_name").one_line);
  EXPECT_EQ(text_limit_for("name").max_characters, 100u);
  EXPECT_EQ(text_limit_for("contact_phone").max_characters, 30u);
  EXPECT_EQ(text_limit_for("contact_email").max_characters, 254u);
  EXPECT_EQ(text_limit_for("place").max_characters, 200u);  // where a restrictive intervention happened
  EXPECT_TRUE(text_limit_for("place").one_line);
  EXPECT_EQ(text_limit_for("staff").max_characters, 500u);
  EXPECT_FALSE(text_limit_for("led_up_to").one_line);  // what led up to it is long text
  EXPECT_EQ(text_limit_for("notes").max_characters, 10000u);
  EXPECT_FALSE(text_limit_for("what_happened").one_line);
  EXPECT_TRUE(text_limit_for("happened_on").one_line);
}

TEST(TextRules, TheLimitIsInCharactersNotBytes) {
  EXPECT_FALSE(text_problem("given_name", std::string(100, 'a')));
  EXPECT_EQ(text_problem("given_name", std::string(101, 'a')), "Given name must be 100 characters or fewer");
  std::string zofia;
  for (int i = 0; i < 100; ++i) zofia += "\xc5\xbc";  // ż: two bytes, one character
  EXPECT_FALSE(text_problem("given_name", zofia));
  EXPECT_TRUE(text_problem("given_name", zofia + "\xc5\xbc"));
  EXPECT_FALSE(text_problem("notes", std::string(10000, 'n')));
  EXPECT_EQ(text_problem("notes", std::string(10001, 'n')), "Notes must be 10000 characters or fewer");
}

TEST(TextRules, OneLineFieldsRefuseControlCharactersAndLongTextKeepsItsLines) {
  EXPECT_EQ(text_problem("family_name", "Walker\n"), "Family name must be one line, without control characters");
  EXPECT_TRUE(text_problem("family_name", std::string("Wal\0ker", 7)));
  EXPECT_TRUE(text_problem("contact_phone", "01392\t123456"));
  EXPECT_TRUE(text_problem("address", "1 High St\x7f"));
  EXPECT_TRUE(text_problem("address", "1 High St\xc2\x85")) << "C1 control, NEL";
  EXPECT_FALSE(text_problem("what_happened", "Came in late.\r\nSaid he had walked.\tNo coat."));
  EXPECT_EQ(text_problem("what_happened", "bell\x07"), "What happened must not contain control characters");
}

TEST(TextRules, NoFieldMayReverseTheTextAroundIt) {
  EXPECT_EQ(text_problem("given_name",
                         "Aisha\xe2\x80\xae"
                         "gnp.exe"),
            "Given name must not contain characters that change the direction of the text around them");
  EXPECT_TRUE(text_problem("notes", "a \xe2\x81\xa7 isolate"));  // U+2067
  EXPECT_TRUE(text_problem("notes", "a \xe2\x80\x8f mark"));     // U+200F
  EXPECT_FALSE(text_problem("given_name", "\xd8\xb9\xd8\xa7\xd8\xa6\xd8\xb4\xd8\xa9")) << "Arabic letters are fine";
}

TEST(TextRules, TextMustBeUtf8) {
  EXPECT_EQ(text_problem("name", "caf\xe9"), "Name must be text (UTF-8)");
  EXPECT_TRUE(text_problem("name", "\xc0\xaf")) << "an overlong slash";
  EXPECT_TRUE(text_problem("name", "\xed\xa0\x80")) << "a surrogate";
  EXPECT_TRUE(text_problem("name", "ab\xe2\x82")) << "cut short";
  EXPECT_FALSE(text_problem("name", "\xf0\x9f\x99\x82"));
}

TEST(TextRules, PlainTextIsPrintableAsciiLineBreaksAndTabsWhereverTheByteFalls) {
  // Every byte value at every place in text long enough to be read eight bytes at a time, beside
  // neighbours of every kind: the answer is the byte's own.
  for (const char beside : {'a', '\n', '~', ' '}) {
    for (int b = 0; b < 256; ++b) {
      const bool plain = (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t';
      for (std::size_t at = 0; at < 19; ++at) {
        std::string text(19, beside);
        text[at] = static_cast<char>(b);
        ASSERT_EQ(plain_text(text), plain) << "byte " << b << " at " << at << " beside " << int(beside);
      }
    }
  }
  EXPECT_TRUE(plain_text(""));
  EXPECT_TRUE(plain_text(std::string(70000, 'x') + "\r\n\t<p>"));
  EXPECT_FALSE(plain_text(std::string(70000, 'x') + "Zo\xc3\xab"));
}

TEST(TextRules, TextStoredBeforeTheRulesCannotReorderAPage) {
  const std::string replaced = "\xef\xbf\xbd";
  EXPECT_EQ(displayable_text("Aisha Khan"), "Aisha Khan");
  EXPECT_EQ(displayable_text("line one\nline two\tend"), "line one\nline two\tend");
  EXPECT_EQ(displayable_text("Aisha\xe2\x80\xae"
                             "gnp.exe"),
            "Aisha" + replaced + "gnp.exe");  // U+202E
  EXPECT_EQ(displayable_text("a\xe2\x81\xa6"
                             "b\xe2\x81\xa9"),
            "a" + replaced + "b" + replaced);  // U+2066, U+2069
  EXPECT_EQ(displayable_text("bell\x07"), "bell" + replaced);
  EXPECT_EQ(displayable_text("caf\xe9"
                             " ok"),
            "caf" + replaced + " ok")
      << "a byte that is not UTF-8";
  const std::string arabic = "\xd8\xb9\xd8\xa7\xd8\xa6\xd8\xb4\xd8\xa9";
  EXPECT_EQ(displayable_text(arabic), arabic) << "letters of right-to-left scripts are kept";
  EXPECT_EQ(displayable_text("Zo\xc3\xab"), "Zo\xc3\xab");
}

}  // namespace
}  // namespace waypoint::domain
