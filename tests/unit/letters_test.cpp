// Who a letter to a child's parents goes to, and how; and the e-mail that says one is waiting.
#include <gtest/gtest.h>

#include "domain/letters/letters.hpp"

namespace {

using namespace waypoint::domain;

PupilContact contact(std::int64_t id, std::string role, std::string name, bool pr, std::string email = "",
                     std::string address = "") {
  PupilContact k;
  k.id = id;
  k.role = std::move(role);
  k.name = std::move(name);
  k.parental_responsibility = pr;
  k.email = std::move(email);
  k.address = std::move(address);
  return k;
}

TEST(Letters, CarersWithAnAccountGetItInWaypointAndOtherParentsByPost) {
  const std::vector<PupilContact> contacts{
      contact(1, "parent", "Chris Walker", true, "Chris.Walker@family.example", "4 Orchard Close"),
      contact(2, "parent", "Sam Walker", true, "", "2 Bridge Street"),
      contact(3, "carer", "Jo Evans", true, "jo@family.example"),
      contact(4, "parent", "Former Partner", false, "", "1 Elm Road"),  // no parental responsibility
      contact(5, "social_worker", "Kim Ashworth", false, "kim@exeshire.example")};
  // Chris's account has his address in another case; Jo's account was made from her invitation.
  const std::vector<CarerAccount> accounts{{7, std::nullopt, "Chris Walker", "chris.walker@family.example"},
                                           {9, 3, "Jo Evans", "jo.evans@elsewhere.example"}};
  const auto to = letter_recipients(contacts, accounts);
  ASSERT_EQ(to.size(), 3u);
  EXPECT_EQ(to[0].name, "Chris Walker");
  EXPECT_EQ(to[0].channel, LetterChannel::Waypoint);
  EXPECT_EQ(to[0].user_id, 7);
  EXPECT_EQ(to[1].name, "Jo Evans");
  EXPECT_EQ(to[1].channel, LetterChannel::Waypoint);
  EXPECT_EQ(to[1].email, "jo.evans@elsewhere.example");
  EXPECT_EQ(to[2].name, "Sam Walker");
  EXPECT_EQ(to[2].channel, LetterChannel::Post);
  EXPECT_EQ(to[2].address, "2 Bridge Street");
  EXPECT_EQ(to[2].contact_id, 2);
  EXPECT_EQ(letter_channel_code(to[2].channel), "post");
}

TEST(Letters, NobodyToWriteToIsNobody) { EXPECT_TRUE(letter_recipients({}, {}).empty()); }

TEST(Letters, TheEmailNamesTheSchoolAndTheLinkButNotTheChild) {
  const auto mail = letter_mail("Chris Walker", "Oakfield Academy", "https://waypoint.example/letters");
  EXPECT_EQ(mail.subject, "Waypoint: a letter from Oakfield Academy");
  EXPECT_NE(mail.body.find("Dear Chris Walker,"), std::string::npos);
  EXPECT_NE(mail.body.find("https://waypoint.example/letters"), std::string::npos);
}

}  // namespace
