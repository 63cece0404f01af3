#include "web/kernel/pdf.hpp"

#include <cstdio>
#include <sstream>

namespace waypoint::web {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;  // 2 cm

// UTF-8 to Windows-1252, the encoding of the standard fonts' WinAnsiEncoding.
std::string to_win1252(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = 0;
    std::size_t len = 1;
    if (c < 0x80)
      cp = c;
    else if ((c >> 5) == 0x6)
      cp = c & 0x1F, len = 2;
    else if ((c >> 4) == 0xE)
      cp = c & 0x0F, len = 3;
    else if ((c >> 3) == 0x1E)
      cp = c & 0x07, len = 4;
    for (std::size_t k = 1; k < len && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
      out += static_cast<char>(cp);
    else if (cp == 0x2018 || cp == 0x2019)
      out += static_cast<char>(cp == 0x2018 ? 0x91 : 0x92);
    else if (cp == 0x201C || cp == 0x201D)
      out += static_cast<char>(cp == 0x201C ? 0x93 : 0x94);
    else if (cp == 0x2013)
      out += '\x96';
    else if (cp == 0x2014)
      out += '\x97';
    else if (cp == 0x2022)
      out += '\x95';
    else if (cp == 0x20AC)
      out += '\x80';
    else
      out += '?';
  }
  return out;
}

std::string pdf_string(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Greedy word wrap by an average Helvetica advance (about half an em; a little more for bold),
// erring toward short lines so nothing runs off the page.
std::vector<std::string> wrap(const std::string& text, double size, bool bold) {
  const double advance = size * (bold ? 0.56 : 0.52);
  const auto per_line = static_cast<std::size_t>((kPageWidth - 2 * kMargin) / advance);
  std::vector<std::string> lines;
  std::istringstream paragraph(text);
  for (std::string source_line; std::getline(paragraph, source_line);) {
    std::istringstream words(source_line);
    std::string line;
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + 1 + word.size() > per_line) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::string render_pdf(const std::string& title, const std::vector<PdfParagraph>& paragraphs) {
  std::vector<std::string> pages(1);
  double y = kPageHeight - kMargin;
  for (const auto& p : paragraphs) {
    y -= p.space_before;
    for (const auto& line : wrap(to_win1252(p.text), p.size, p.bold)) {
      const double leading = p.size * 1.3;
      if (y - leading < kMargin) {
        pages.emplace_back();
        y = kPageHeight - kMargin;
      }
      y -= leading;
      char position[64];
      std::snprintf(position, sizeof position, "%.2f %.2f Td", kMargin, y);
      pages.back() += "BT /" + std::string(p.bold ? "F2" : "F1") + " " + std::to_string(static_cast<int>(p.size)) +
                      " Tf " + position + " (" + pdf_string(line) + ") Tj ET\n";
    }
  }
  // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 information, then a page and its content each.
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(6 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Title (" + pdf_string(to_win1252(title)) + ") /Producer (Waypoint) >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 3 0 R "
        "/F2 4 0 R >> >> /Contents " +
        std::to_string(7 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" + pages[i] + "endstream");
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const auto xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string render_sections_pdf(const std::string& title, const std::vector<PdfSection>& sections) {
  std::vector<PdfParagraph> paragraphs{{title, 16, true, 0}};
  for (const auto& s : sections) {
    if (!s.heading.empty()) paragraphs.push_back({s.heading, 13, true, 14});
    for (const auto& line : s.lines) paragraphs.push_back({line, 11, false, 5});
  }
  return render_pdf(title, paragraphs);
}

}  // namespace waypoint::web
