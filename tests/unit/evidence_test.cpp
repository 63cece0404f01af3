#include <gtest/gtest.h>

#include "domain/providers/evidence.hpp"

using namespace waypoint::domain;

TEST(Evidence, TypeComesFromTheContentNotTheName) {
  EXPECT_EQ(sniff_evidence_type("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(sniff_evidence_type(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(sniff_evidence_type("\xFF\xD8\xFF\xE0rest"), "image/jpeg");
  EXPECT_FALSE(sniff_evidence_type("MZ\x90\x00 an executable"));
  EXPECT_FALSE(sniff_evidence_type("<html>not a pdf</html>"));
  EXPECT_FALSE(sniff_evidence_type(""));
}

TEST(Evidence, SizeLimitAtTheExactByte) {
  const std::string at_limit = "%PDF-" + std::string(1024 * 1024 - 5, 'x');
  EXPECT_FALSE(evidence_file_problem("ok.pdf", at_limit, 1024 * 1024));
  EXPECT_EQ(evidence_file_problem("big.pdf", at_limit + "x", 1024 * 1024),
            "The selected file must be smaller than 1 MB");
  EXPECT_EQ(evidence_file_problem("fake.pdf", "just text", 1024), "The selected file must be a PDF, JPG or PNG");
  EXPECT_EQ(evidence_file_problem("empty.pdf", ""), "The selected file is empty");
}

TEST(Evidence, SafeFilenames) {
  EXPECT_EQ(safe_filename("C:\\Users\\me\\DBS \"confirmation\".pdf"), "DBS confirmation.pdf");
  EXPECT_EQ(safe_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_filename("bad\r\nheader.pdf"), "badheader.pdf");
  EXPECT_EQ(safe_filename(".."), "evidence");
}
