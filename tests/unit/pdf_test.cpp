// Letters read back as text: what a family's name is written as must be what pdftotext finds, in
// every script, and a long letter runs on to further pages rather than off the first.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "web/kernel/pdf.hpp"

namespace {

using waypoint::web::PdfParagraph;
using waypoint::web::PdfSection;

struct ReadBack {
  std::string text;
  int pages = 0;
};

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

ReadBack read_back(const std::string& pdf) {
  // Each test runs as its own process beside the others (CTest in parallel): a file of its own.
  static int made = 0;
  const std::string path =
      ::testing::TempDir() + "waypoint_pdf_" + std::to_string(getpid()) + "_" + std::to_string(++made) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  ReadBack back{run("pdftotext -enc UTF-8 '" + path + "' -"), 0};
  const auto info = run("pdfinfo '" + path + "'");
  if (const auto at = info.find("Pages:"); at != std::string::npos) back.pages = std::stoi(info.substr(at + 6));
  std::remove(path.c_str());
  return back;
}

TEST(Pdf, NamesInEveryScriptReadBackExactly) {
  const auto pdf = waypoint::web::render_sections_pdf(
      "Notice of a direction to attend education off-site",
      {{"", {"To: Łukasz Wiśniewski", "Ștefan Popescu", "محمد", "রহমান", "Zoë Brontë, 12 Mill Lane"}},
       {"Reasons", {"Social, emotional and mental health needs — “quoted”"}}});
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  const auto back = read_back(pdf);
  for (const char* want :
       {"Notice of a direction to attend education off-site", "To: Łukasz Wiśniewski", "Ștefan Popescu", "محمد",
        "রহমান", "Zoë Brontë, 12 Mill Lane", "Social, emotional and mental health needs — “quoted”"})
    EXPECT_NE(back.text.find(want), std::string::npos) << want << " in\n" << back.text;
  EXPECT_EQ(back.pages, 1);
}

TEST(Pdf, LongLettersWrapAndRunOnToMorePages) {
  std::vector<PdfParagraph> paragraphs;
  std::string long_line;
  for (int i = 0; i < 40; ++i) long_line += "attendance ";
  for (int i = 0; i < 60; ++i) paragraphs.push_back({"Line " + std::to_string(i) + " " + long_line});
  const auto back = read_back(waypoint::web::render_pdf("Long", paragraphs));
  EXPECT_GE(back.pages, 3);
  EXPECT_NE(back.text.find("Line 0 "), std::string::npos);
  EXPECT_NE(back.text.find("Line 59 "), std::string::npos);
  // Wrapped, not run off the page: no line of the read-back text holds all forty words.
  EXPECT_EQ(back.text.find(long_line), std::string::npos);
}

TEST(Pdf, TextThatIsNotUtf8StillPrints) {
  const auto back = read_back(waypoint::web::render_pdf("Bytes", {{std::string("Before \xff\xfe after")}}));
  EXPECT_NE(back.text.find("Before"), std::string::npos);
  EXPECT_NE(back.text.find("after"), std::string::npos);
}

}  // namespace
