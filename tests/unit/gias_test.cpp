#include <gtest/gtest.h>

#include "domain/providers/gias.hpp"

using namespace waypoint::domain;

namespace {

// A few columns of a real extract's header, in GIAS's own order and spelling.
const std::string kHeader =
    "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),"
    "EstablishmentStatus (name),UKPRN,Street,Town,Postcode\r\n";

}  // namespace

TEST(Gias, GoodRowsAreReadAndEachBadRowIsReportedWithItsReason) {
  const std::string file = kHeader +
                           "149201,878,Devon,1100,Exe Valley Pupil Referral Unit,Pupil referral unit,Open,10049201,"
                           "1 Quay Hill,Exeter,ex2 4an\r\n"
                           "149202,878,Devon,1101,Moor View Academy,Academy alternative provision sponsor led,"
                           "\"Open, but proposed to close\",,Moor Lane,Okehampton,EX20 1AA\r\n"
                           "149203,878,Devon,2001,Hilltop Primary,Community school,Open,,,,EX1 1AA\r\n"
                           "149204,878,Devon,1102,Old Mill PRU,Pupil referral unit,Closed,,,,EX1 1AB\r\n"
                           "14920,878,Devon,1103,Short URN,Pupil referral unit,Open,,,,EX1 1AC\r\n"
                           ",878,Devon,1104,No URN,Pupil referral unit,Open,,,,EX1 1AD\r\n"
                           "149207,878,Devon,1105,Bad Postcode PRU,Pupil referral unit,Open,,,,NOWHERE\r\n"
                           "149208,878,Devon,1106,Bad UKPRN College,Further education,Open,999,,,EX1 1AE\r\n";
  const auto x = read_gias_extract(file);
  ASSERT_FALSE(x.problem);
  ASSERT_EQ(x.establishments.size(), 2u);
  EXPECT_EQ(x.establishments[0].urn, "149201");
  EXPECT_EQ(x.establishments[0].kind, ProviderKind::StateApSchool);
  EXPECT_EQ(x.establishments[0].ukprn, "10049201");
  EXPECT_EQ(x.establishments[0].postcode, "EX2 4AN");
  EXPECT_EQ(x.establishments[0].local_authority, "Devon");
  EXPECT_EQ(x.establishments[1].kind, ProviderKind::ApAcademy);
  ASSERT_EQ(x.skipped.size(), 6u);
  EXPECT_EQ(x.skipped[0].line, 4);
  EXPECT_EQ(x.skipped[0].reason, "\"Community school\" is not a kind of alternative provision the directory lists");
  EXPECT_EQ(x.skipped[1].reason, "Status is \"Closed\", not open");
  EXPECT_NE(x.skipped[2].reason.find("URN must be 6 digits"), std::string::npos);
  EXPECT_EQ(x.skipped[3].reason, "No URN");
  EXPECT_EQ(x.skipped[4].reason, "Postcode \"NOWHERE\" is not a real postcode");
  EXPECT_NE(x.skipped[5].reason.find("UKPRN"), std::string::npos);
}

TEST(Gias, Windows1252NamesArriveAsUtf8) {
  const auto x =
      read_gias_extract(kHeader + "149210,878,Devon,1,St Ann\x92s Centre,Pupil referral unit,Open,,,,EX1 1AA\r\n");
  ASSERT_EQ(x.establishments.size(), 1u);
  EXPECT_EQ(x.establishments[0].name, "St Ann\u2019s Centre");
}

TEST(Gias, AFileWithoutTheColumnsIsRefusedWhole) {
  EXPECT_TRUE(read_gias_extract("").problem);
  const auto x = read_gias_extract("Name,Type\r\nA,B\r\n");
  ASSERT_TRUE(x.problem);
  EXPECT_NE(x.problem->find("URN"), std::string::npos);
}
