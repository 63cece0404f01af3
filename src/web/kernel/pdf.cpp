#include "web/kernel/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace waypoint::web {
namespace {

constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;  // 2 cm

// Noto first: with fontconfig's fallback it covers Latin, Cyrillic, Greek, Arabic, Bengali and the
// other scripts of families' names (Arabic named first, as DejaVu would otherwise take it); DejaVu is
// the fallback every Debian machine has.
constexpr const char* kFamilies = "Noto Sans, Noto Sans Arabic, Noto Sans Bengali, DejaVu Sans";

template <typename T, void (*Free)(T*)>
struct CairoFree {
  void operator()(T* p) const { Free(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, CairoFree<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, CairoFree<cairo_t, cairo_destroy>>;
using Font = std::unique_ptr<PangoFontDescription, CairoFree<PangoFontDescription, pango_font_description_free>>;
void unref_layout(PangoLayout* layout) { g_object_unref(layout); }
using Layout = std::unique_ptr<PangoLayout, CairoFree<PangoLayout, unref_layout>>;
using Iter = std::unique_ptr<PangoLayoutIter, CairoFree<PangoLayoutIter, pango_layout_iter_free>>;

cairo_status_t append_pdf_bytes(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Pango takes only valid UTF-8; anything else is replaced rather than dropping the paragraph.
std::string pango_text(const std::string& text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return text;
  gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out = fixed;
  g_free(fixed);
  return out;
}

// Draws the paragraphs line by line, starting a page when the next line would cross the bottom
// margin, so a long paragraph runs on to the next page rather than off this one.
class PdfPages {
 public:
  explicit PdfPages(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {
    pango_layout_set_width(layout_.get(), static_cast<int>((kPageWidth - 2 * kMargin) * PANGO_SCALE));
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    // Letters are in English: lines start on the left even when one holds only a right-to-left name.
    pango_layout_set_auto_dir(layout_.get(), FALSE);
  }

  void add(const PdfParagraph& p) {
    Font font(pango_font_description_from_string(kFamilies));
    // Absolute size is in the surface's units, which for PDF are points.
    pango_font_description_set_absolute_size(font.get(), p.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), p.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_.get(), font.get());
    pango_layout_set_spacing(layout_.get(), static_cast<int>(p.size * 0.3 * PANGO_SCALE));
    const auto text = pango_text(p.text);
    pango_layout_set_text(layout_.get(), text.c_str(), static_cast<int>(text.size()));

    y_ += p.space_before;
    Iter iter(pango_layout_get_iter(layout_.get()));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      const double height = static_cast<double>(logical.height) / PANGO_SCALE;
      if (y_ + height > kPageHeight - kMargin && y_ > kMargin) {
        cairo_show_page(cr_);
        y_ = kMargin;
      }
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter.get()) - logical.y) / PANGO_SCALE;
      cairo_move_to(cr_, kMargin + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter.get()));
      y_ += height;
    } while (pango_layout_iter_next_line(iter.get()));
  }

 private:
  cairo_t* cr_;
  Layout layout_;
  double y_ = kMargin;
};

}  // namespace

std::string render_pdf(const std::string& title, const std::vector<PdfParagraph>& paragraphs) {
  std::string out;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(append_pdf_bytes, &out, kPageWidth, kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, pango_text(title).c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Waypoint");
    Cairo cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 0.04, 0.05, 0.05);  // GOV.UK text colour
    PdfPages pages(cr.get());
    for (const auto& p : paragraphs) pages.add(p);
    cr.reset();
    cairo_surface_finish(surface.get());  // writes the document's end into out
  }
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
