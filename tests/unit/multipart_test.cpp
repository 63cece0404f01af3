#include <gtest/gtest.h>

#include "web/kernel/multipart.hpp"

using namespace waypoint::web;

TEST(Multipart, FieldsAndFilesIncludingBinaryContent) {
  static const char raw[] = "a\0b\r\n--not-the-boundary";
  const std::string binary(raw, sizeof raw - 1);  // keeps the NUL byte inside
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc123\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\me\\\\gias.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n" +
      binary + "\r\n--XyZ--\r\n";
  Request r;
  ASSERT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
  ASSERT_TRUE(parse_multipart(body, "XyZ", r));
  EXPECT_EQ(r.field("csrf_token"), "abc123");
  ASSERT_NE(r.file("file"), nullptr);
  EXPECT_EQ(r.file("file")->filename, "gias.csv");
  EXPECT_EQ(r.file("file")->content_type, "text/csv");
  EXPECT_EQ(r.file("file")->data, binary);
}

TEST(Multipart, BrokenBodiesAreRefusedAndEmptyFileInputsAreNoFile) {
  Request r;
  EXPECT_FALSE(parse_multipart("no delimiter here", "XyZ", r));
  EXPECT_FALSE(parse_multipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "XyZ", r));
  Request empty;
  ASSERT_TRUE(parse_multipart(
      "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--B--\r\n", "B", empty));
  EXPECT_EQ(empty.file("file"), nullptr);
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded"));
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"quoted b\""), "quoted b");
}
