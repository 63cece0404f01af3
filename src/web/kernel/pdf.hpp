#pragma once
// Printed letters: paragraphs on A4, wrapped and paged by Pango and drawn by Cairo with embedded
// Noto fonts, so a name in any script (right-to-left and shaped ones included) prints as written;
// text stays text, so it can be read back (pdftotext) and by screen readers.
#include <string>
#include <vector>

namespace waypoint::web {

struct PdfParagraph {
  std::string text;  // UTF-8; a newline starts a new line within the paragraph
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
