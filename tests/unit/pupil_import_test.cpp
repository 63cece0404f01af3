#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/pupils/pupil_import.hpp"
#include "web/pupils/ctf_reader.hpp"

using namespace waypoint::domain;

namespace {

const std::chrono::year_month_day kImportedOn{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}};

std::string fixture(const char* name) {
  std::ifstream in(std::string(WAYPOINT_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(PupilImport, CsvColumnsByNameInAnyOrderWithEnglishDates) {
  const auto csv = read_pupil_csv(
      "Surname,Forename,UPN,DOB,Gender,Needs,Looked after\r\n"
      "Okoro,Tobi,K999400124031,14/10/2012,m,EHCP; SEMH,yes\r\n"
      ",,,,,,\r\n"
      "Byrne,Niamh,K999400124031,2013-02-01,F,,\r\n"
      "Lee,Sam,Z999400124032,2013-02-30,F,,\r\n");
  ASSERT_TRUE(csv.problem.empty());
  ASSERT_EQ(csv.rows.size(), 3u);  // the blank line is skipped
  const auto checked = check_pupils(csv.rows, kImportedOn);
  ASSERT_EQ(checked.accepted.size(), 1u);
  EXPECT_EQ(checked.accepted[0].date_of_birth, "2012-10-14");
  EXPECT_EQ(checked.accepted[0].gender, "M");
  EXPECT_EQ(checked.accepted[0].needs, (std::vector<std::string>{"ehc_plan", "semh"}));
  EXPECT_TRUE(checked.accepted[0].looked_after);
  ASSERT_EQ(checked.rejected.size(), 2u);
  EXPECT_EQ(checked.rejected[0].line, 4);
  EXPECT_EQ(checked.rejected[0].reason, "UPN K999400124031 appears earlier in the file");
  EXPECT_EQ(checked.rejected[1].line, 5);
  EXPECT_NE(checked.rejected[1].reason.find("Date of birth must be a real date"), std::string::npos);
}

TEST(PupilImport, ACsvWithoutTheNamedColumnsIsRefusedWhole) {
  EXPECT_FALSE(read_pupil_csv("Name,Birthday\nTobi,2012-10-14\n").problem.empty());
  EXPECT_FALSE(read_pupil_csv("").problem.empty());
}

TEST(PupilImport, CommonTransferFileGivesEachPupilWithNeedsAndCare) {
  const auto rows = waypoint::web::read_ctf(fixture("ctf-pupils.xml"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].needs, "ehc_plan");
  EXPECT_EQ(rows[0].looked_after, "yes");
  EXPECT_EQ(rows[2].gender, "F");  // from <Sex>
  EXPECT_EQ(rows[2].surname, "Sh\xC3\xA9ridan");
  const auto checked = check_pupils(rows, kImportedOn);
  ASSERT_EQ(checked.accepted.size(), 2u);
  ASSERT_EQ(checked.rejected.size(), 1u);
  EXPECT_EQ(checked.rejected[0].line, 2);
  EXPECT_EQ(checked.accepted[1].needs, std::vector<std::string>{"sen_support"});
}

TEST(PupilImport, BrokenOrForeignXmlIsRefusedWithAMessage) {
  EXPECT_THROW(waypoint::web::read_ctf("<CTfile><CTFpupilData><Pupil>"), waypoint::web::CtfError);
  EXPECT_THROW(waypoint::web::read_ctf("<html><body/></html>"), waypoint::web::CtfError);
  // An external entity is not fetched: the file is refused or the entity left empty, never read.
  const std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<CTfile><CTFpupilData><Pupil><UPN>&x;</UPN></Pupil></CTFpupilData></CTfile>";
  try {
    const auto rows = waypoint::web::read_ctf(xxe);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].upn.find("root"), std::string::npos);
  } catch (const waypoint::web::CtfError&) {
  }
}
