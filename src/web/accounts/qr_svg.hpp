#pragma once
#include <string>

namespace waypoint::web {

// `text` as a QR code drawn in SVG (libqrencode), named for screen readers as the authenticator key
// it holds (the key itself is printed beside it).
std::string qr_svg(const std::string& text);

}  // namespace waypoint::web
