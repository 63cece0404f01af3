#include "web/accounts/qr_svg.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace waypoint::web {

std::string qr_svg(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       &QRcode_free);
  if (!code) throw std::runtime_error("could not draw the QR code");
  const int quiet = 4;  // the blank margin readers need
  const int size = code->width + 2 * quiet;
  std::string path;
  for (int y = 0; y < code->width; ++y)
    for (int x = 0; x < code->width; ++x)
      if (code->data[y * code->width + x] & 1)
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  const auto n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
         "\" width=\"200\" height=\"200\" role=\"img\" aria-label=\"QR code of your authenticator key\" "
         "shape-rendering=\"crispEdges\"><rect width=\"" +
         n + "\" height=\"" + n + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#0b0c0c\"/></svg>";
}

}  // namespace waypoint::web
