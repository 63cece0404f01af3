#pragma once
// A small PDF writer for printed letters: paragraphs of Helvetica on A4, wrapped and paged. Enough
// for notices to parents; text stays text, so it can be read back (pdftotext) and by screen readers.
#include <string>
#include <vector>

namespace waypoint::web {

struct PdfParagraph {
  std::string text;  // UTF-8; characters outside Windows-1252 print as '?'
  double size = 11;
  bool bold = false;
  double space_before = 6;  // points above the paragraph
};

std::string render_pdf(const std::string& title, const std::vector<PdfParagraph>& paragraphs);

// A letter in sections: a heading (none for the opening lines) and its lines, printed the same way
// on a page and in a PDF.
struct PdfSection {
  std::string heading;
  std::vector<std::string> lines;
};
std::string render_sections_pdf(const std::string& title, const std::vector<PdfSection>& sections);

}  // namespace waypoint::web
