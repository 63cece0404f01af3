#include <gtest/gtest.h>

#include "domain/kernel/calendar_date.hpp"
#include "domain/placements/placement.hpp"
#include "domain/returns/ap_list.hpp"
#include "domain/returns/school_census.hpp"
#include "sample_calendar.hpp"

using namespace waypoint::domain;

namespace {

CensusPlacement placement(std::int64_t id, const char* started, const char* ended = nullptr) {
  CensusPlacement p;
  p.placement_id = id;
  p.pupil_id = 100 + id;
  p.pupil_name = "Pupil " + std::to_string(id);
  p.upn = "A123456789012";
  p.provider_name = "Bridgeway";
  p.provider_kind = "state_ap";
  p.urn = "149101";
  p.reason = "semh";
  p.started = d(started);
  if (ended) p.ended = d(ended);
  p.sessions_a_week = 6;
  return p;
}

std::vector<std::string> items_of(const SchoolCensusReturn& r, std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& p : r.problems)
    if (p.placement_id == id) out.push_back(p.item + (p.error ? "" : " (query)"));
  return out;
}

const CensusRow* row_of(const SchoolCensusReturn& r, std::int64_t id) {
  for (const auto& x : r.rows)
    if (x.placement_id == id) return &x;
  return nullptr;
}

}  // namespace

TEST(SchoolCensus, CensusDaysAreTheFirstThursdayInOctoberAndTheThirdInJanuaryAndMay) {
  const auto autumn = census_period(CensusTerm::Autumn, 2026);
  EXPECT_EQ(format_date(autumn.census_day), "2026-10-01");  // 1 October 2026 is itself a Thursday
  EXPECT_EQ(format_date(autumn.first_day), "2026-05-22");   // the day after the summer 2026 census
  const auto spring = census_period(CensusTerm::Spring, 2026);
  EXPECT_EQ(format_date(spring.census_day), "2027-01-21");
  EXPECT_EQ(format_date(spring.first_day), "2026-10-02");
  EXPECT_EQ(spring.name(), "Spring 2027");
  const auto summer = census_period(CensusTerm::Summer, 2026);
  EXPECT_EQ(format_date(summer.census_day), "2027-05-20");
  EXPECT_EQ(format_date(summer.first_day), "2027-01-22");
  // A leap year moves May's Thursdays: 18 May 2028; January 2028 starts on a Saturday.
  EXPECT_EQ(format_date(census_period(CensusTerm::Summer, 2027).census_day), "2028-05-18");
  EXPECT_EQ(format_date(census_period(CensusTerm::Spring, 2027).census_day), "2028-01-20");
  EXPECT_EQ(parse_census_term("spring"), CensusTerm::Spring);
  EXPECT_FALSE(parse_census_term("Spring"));
  EXPECT_FALSE(parse_census_term("winter"));
}

TEST(SchoolCensus, TheCensusDueIsTheNextOnOrAfterToday) {
  EXPECT_EQ(census_due(d("2026-09-01")).name(), "Autumn 2026");
  EXPECT_EQ(census_due(d("2026-10-01")).name(), "Autumn 2026");  // the census day itself
  EXPECT_EQ(census_due(d("2026-10-02")).name(), "Spring 2027");
  EXPECT_EQ(census_due(d("2027-01-21")).name(), "Spring 2027");
  EXPECT_EQ(census_due(d("2027-05-20")).name(), "Summer 2027");
  EXPECT_EQ(census_due(d("2027-05-21")).name(), "Autumn 2027");  // the summer holiday prepares autumn's
  EXPECT_EQ(census_due(d("2027-08-31")).name(), "Autumn 2027");
  EXPECT_EQ(census_due(d("2028-02-29")).name(), "Summer 2028");
}

TEST(SchoolCensus, APlacementIsInTheCensusWhenItRanOnAnyDayOfThePeriod) {
  const auto period = census_period(CensusTerm::Spring, 2026);  // 2 October 2026 to 21 January 2027
  const auto r = school_census_return(period, {
                                                  placement(1, "2027-01-21"),                // starts on census day
                                                  placement(2, "2027-01-22"),                // the day after
                                                  placement(3, "2026-06-01", "2026-10-01"),  // ended the day before
                                                  placement(4, "2026-06-01", "2026-10-02"),  // ended on the first day
                                                  placement(5, "2026-11-02", "2027-01-21"),  // ended on census day
                                                  placement(6, "2026-11-02", "2027-01-22"),  // ended after it
                                              });
  std::vector<std::int64_t> ids;
  for (const auto& x : r.rows) ids.push_back(x.placement_id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 4, 5, 6}));
  EXPECT_EQ(row_of(r, 4)->leaving_date, "2026-10-02");
  EXPECT_EQ(row_of(r, 5)->leaving_date, "2027-01-21");
  EXPECT_EQ(row_of(r, 6)->leaving_date, "") << "still there on census day";
  EXPECT_EQ(row_of(r, 1)->entry_date, "2027-01-21");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_FALSE(r.has_errors());
}

TEST(SchoolCensus, ExactlyOneOfUrnUkprnAndSettingTypeIdentifiesTheProvider) {
  const auto period = census_period(CensusTerm::Autumn, 2026);
  auto with = [](std::int64_t id, const char* kind, const char* urn, const char* ukprn) {
    auto p = placement(id, "2026-09-07");
    p.provider_kind = kind;
    p.urn = urn;
    p.ukprn = ukprn;
    return p;
  };
  const auto r = school_census_return(
      period, {with(1, "state_ap", "149101", ""), with(2, "fe_college", "", "10012345"), with(3, "fe_college", "", ""),
               with(4, "tutor", "", ""), with(5, "work_based", "", ""), with(6, "unregistered", "", ""),
               with(7, "online", "", ""), with(8, "ap_academy", "", ""), with(9, "state_ap", "12345", ""),
               with(10, "fe_college", "", "20012345"), with(11, "independent_school", "149102", "10012346")});
  auto ids = [&](std::int64_t id) {
    const auto* x = row_of(r, id);
    return x->urn + "|" + x->ukprn + "|" + x->setting_type;
  };
  EXPECT_EQ(ids(1), "149101||");
  EXPECT_EQ(ids(2), "|10012345|");
  EXPECT_EQ(ids(3), "||NFE");
  EXPECT_EQ(ids(4), "||OOT");
  EXPECT_EQ(ids(5), "||WBP");
  EXPECT_EQ(ids(6), "||OTH");
  EXPECT_EQ(ids(7), "||OTH");
  EXPECT_EQ(ids(8), "||") << "a school has a URN: none is made up";
  EXPECT_EQ(items_of(r, 8), std::vector<std::string>{"AP URN"});
  EXPECT_EQ(items_of(r, 9), std::vector<std::string>{"AP URN"});
  EXPECT_EQ(items_of(r, 10), std::vector<std::string>{"AP UKPRN"});
  EXPECT_EQ(ids(11), "149102||") << "the URN, never two of the three";
  EXPECT_TRUE(items_of(r, 11).empty());
  EXPECT_TRUE(r.has_errors());
}

TEST(SchoolCensus, ChecksNameThePlacementAndTheItem) {
  const auto period = census_period(CensusTerm::Autumn, 2026);
  auto temporary = placement(1, "2026-09-07");
  temporary.upn = "W99940012403A";  // a temporary UPN: ends in a letter, its check letter right
  auto wrong = placement(2, "2026-09-07");
  wrong.upn = "B123456789012";  // the check letter is A
  auto awaiting = placement(3, "2026-09-07");
  awaiting.reason = "awaiting_specialist_place";
  auto awaiting_with_plan = awaiting;
  awaiting_with_plan.placement_id = 4;
  awaiting_with_plan.pupil_has_ehc_plan = true;
  auto none = placement(5, "2026-09-07");
  none.sessions_a_week = 0;
  auto full = placement(6, "2026-09-07");
  full.sessions_a_week = 10;
  auto nine = placement(7, "2026-09-07");
  nine.sessions_a_week = 9;
  auto eleven = placement(8, "2026-09-07");
  eleven.sessions_a_week = 11;
  auto unknown = placement(9, "2026-09-07");
  unknown.reason = "boredom";
  auto backwards = placement(10, "2026-09-07", "2026-09-01");
  const auto r = school_census_return(
      period, {temporary, wrong, awaiting, awaiting_with_plan, none, full, nine, eleven, unknown, backwards});
  EXPECT_EQ(items_of(r, 1), std::vector<std::string>{"UPN (query)"});
  EXPECT_TRUE(row_of(r, 1)->temporary_upn);
  EXPECT_FALSE(row_of(r, 2)->temporary_upn);
  EXPECT_EQ(items_of(r, 2), std::vector<std::string>{"UPN"});
  EXPECT_EQ(items_of(r, 3), std::vector<std::string>{"Primary reason"});
  EXPECT_EQ(row_of(r, 3)->reason, "ASP");
  EXPECT_TRUE(items_of(r, 4).empty());
  EXPECT_EQ(items_of(r, 5), std::vector<std::string>{"Sessions per week"});
  EXPECT_EQ(row_of(r, 6)->attendance_pattern, "FT");
  EXPECT_TRUE(items_of(r, 6).empty());
  EXPECT_EQ(row_of(r, 7)->attendance_pattern, "PT");
  EXPECT_EQ(items_of(r, 8), std::vector<std::string>{"Sessions per week"});
  EXPECT_EQ(items_of(r, 9), std::vector<std::string>{"Primary reason"});
  EXPECT_EQ(items_of(r, 10), std::vector<std::string>{"Leaving date"});
  for (const auto& p : r.problems) EXPECT_EQ(p.pupil_name, "Pupil " + std::to_string(p.placement_id));
}

TEST(SchoolCensus, EveryPlacementReasonHasACensusCode) {
  for (const auto& r : placement_reasons()) EXPECT_FALSE(census_reason_code(r.code).empty()) << r.code;
  EXPECT_EQ(census_reason_code("permanent_exclusion"), "PEX");
  EXPECT_EQ(census_reason_code("nonsense"), "");
}

TEST(ApList, ProvidersByNameWithTheirPupilsByReasonAndThoseThereNowFirst) {
  auto p = [](std::int64_t id, std::int64_t pupil, std::int64_t provider, const char* name, const char* reason,
              const char* ended = nullptr) {
    ApListPlacement x;
    x.placement_id = id;
    x.pupil_id = pupil;
    x.provider_id = provider;
    x.pupil_name = name;
    x.provider_name = provider == 1 ? "Zest Tutors" : "Bridgeway";
    x.provider_kind = provider == 1 ? "tutor" : "state_ap";
    x.urn = provider == 1 ? "" : "149101";
    x.reason = reason;
    x.started = d("2026-09-07");
    if (ended) x.ended = d(ended);
    x.minutes_a_week = 600;
    return x;
  };
  const auto list =
      ap_list({p(1, 10, 1, "Amy", "semh"), p(2, 11, 2, "Ben", "semh", "2026-11-29"), p(3, 12, 2, "Cat", "semh"),
               p(4, 11, 2, "Ben", "suspension"), p(5, 13, 2, "Dan", "semh", "2026-11-30")},
              d("2026-11-30"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "Bridgeway");
  EXPECT_EQ(list[0].registration, "Registered school (URN 149101)");
  EXPECT_EQ(list[1].registration, "Not registered with the Department for Education");
  // Ben's first placement ended yesterday; his second runs; Dan's ends today, so he is there today.
  EXPECT_EQ(list[0].pupils_now, 3);
  std::vector<std::string> order;
  for (const auto& x : list[0].placements) order.push_back(x.pupil_name + (x.ended ? " (ended)" : ""));
  EXPECT_EQ(order, (std::vector<std::string>{"Ben", "Cat", "Dan (ended)", "Ben (ended)"}));
  ASSERT_EQ(list[0].by_reason.size(), 2u);
  EXPECT_EQ(list[0].by_reason[0].reason, "suspension");  // the order of placement_reasons()
  EXPECT_EQ(list[0].by_reason[0].pupils, 1);
  EXPECT_EQ(list[0].by_reason[1].pupils, 3) << "Ben, Cat and Dan: each pupil once";
  EXPECT_EQ(registration_status("ap_academy", "", ""), "Registered school (URN not recorded)");
  EXPECT_EQ(registration_status("fe_college", "", "10012345"), "Further education college (UKPRN 10012345)");
}

TEST(ApCensus, TheJanuaryCensusCoversTheYearUpToItsDay) {
  const auto p = ap_census_period(2027);
  EXPECT_EQ(format_date(p.census_day), "2027-01-21");
  EXPECT_EQ(format_date(p.first_day), "2026-01-16");  // the day after 15 January 2026, the third Thursday
  EXPECT_EQ(format_date(ap_census_period(2028).first_day), "2027-01-22");
  EXPECT_EQ(ap_census_items().front(), "UPN");
  EXPECT_EQ(ap_census_items()[4], "Sex");
  EXPECT_EQ(ap_census_items().size(), census_items().size() + 4);
  EXPECT_EQ(format_date(ap_census_due(d("2027-01-21")).census_day), "2027-01-21");  // on census day
  EXPECT_EQ(format_date(ap_census_due(d("2027-01-22")).census_day), "2028-01-20");  // the day after
  EXPECT_EQ(format_date(ap_census_due(d("2026-12-31")).census_day), "2027-01-21");
}

TEST(ApCensus, OneRowAChildTheirLatestPlacementWithTheirDetails) {
  const auto period = ap_census_period(2027);
  auto first = placement(1, "2026-03-02", "2026-07-17");
  auto second = placement(2, "2026-09-07");
  second.pupil_id = first.pupil_id;
  auto other = placement(3, "2026-02-02", "2026-05-01");
  other.gender = "";
  for (auto* p : {&first, &second}) {
    p->family_name = "Walker";
    p->given_name = "Aisha";
    p->date_of_birth = "2012-03-14";
    p->gender = "F";
  }
  auto before = placement(4, "2025-09-01", "2026-01-15");  // ended the day the previous census was taken
  const auto r = ap_census_return(period, {first, second, other, before});
  std::vector<std::int64_t> ids;
  for (const auto& x : r.rows) ids.push_back(x.placement_id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(row_of(r, 2)->family_name, "Walker");
  EXPECT_EQ(row_of(r, 2)->gender, "F");
  EXPECT_EQ(items_of(r, 3), std::vector<std::string>{"Sex"});
  EXPECT_TRUE(items_of(r, 2).empty());
}
