#include <gtest/gtest.h>

#include "domain/kernel/csv.hpp"

using namespace waypoint::domain;

TEST(Csv, QuotedFieldsCommasQuotesAndLineBreaks) {
  const auto rows = parse_csv(
      "URN,EstablishmentName\r\n100001,\"Smith, Jones \"\"& Co\"\"\"\r\n100002,\"Two\nlines\"\n\n100003,Plain");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"100001", "Smith, Jones \"& Co\""}));
  EXPECT_EQ(rows[2].fields[1], "Two\nlines");
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 6);  // the blank line is skipped but counted
  EXPECT_EQ(rows[3].fields[1], "Plain");
}

TEST(Csv, EmptyFieldsAndByteOrderMark) {
  const auto rows = parse_csv(
      "\xEF\xBB\xBF"
      "a,,c\n,,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"", "", ""}));
}

TEST(Csv, WritingQuotesWhatNeedsItAndDefusesFormulas) {
  EXPECT_EQ(csv_row({"plain", "a,b", "say \"hi\"", "=SUM(A1)"}), "plain,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1)\r\n");
  EXPECT_EQ(parse_csv(csv_row({"x,y", "z\"", "line\nbreak"}))[0].fields,
            (std::vector<std::string>{"x,y", "z\"", "line\nbreak"}));
}

TEST(Csv, Windows1252BecomesUtf8AndUtf8IsLeftAlone) {
  EXPECT_EQ(windows1252_to_utf8("St Ann\x92s \x96 Caf\xE9"), "St Ann\u2019s \u2013 Caf\u00e9");
  EXPECT_EQ(windows1252_to_utf8("Caf\u00e9 \u2013 ok"), "Caf\u00e9 \u2013 ok");
  EXPECT_EQ(windows1252_to_utf8("\x81"), "\uFFFD");
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_FALSE(is_valid_utf8("\xE9t\xE9"));
}
