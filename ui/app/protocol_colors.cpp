// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/protocol_colors.h"

#include <array>
#include <utility>

namespace rs::ui {

namespace {

// Hues that stay apart for the protocols of a roam: management frames, the key handshakes, the
// AAA traffic and the data plane.
constexpr std::array<std::pair<const char*, QRgb>, 9> kHues{{
    {"802.11", 0x4a90d9},   // management and control: blue
    {"EAPOL", 0xe0a030},    // the 4-way and group key handshakes: amber
    {"SEED000", 0xd06020},  // the seed-000 fast re-association: orange
    {"EAP", 0xb070d0},      // EAP-TLS: violet
    {"RADIUS", 0x9060c0},   // the AP-server leg of 802.1X: purple
    {"MobileIP", 0xc05080}, // Mobile IP registration (seed 001): rose
    {"UDP", 0x50b060},      // the voice flow: green
    {"ARP", 0x40b0b0},      // teal
    {"LLC", 0x909090},      // Layer 2 Update and other bare LLC frames: grey
}};
constexpr QRgb kMalformedHue = 0xd03030;
// Share of the hue in the blend: enough to tell rows apart, little enough for text to stay legible.
constexpr double kTint = 0.22;

QColor blend(const QColor& base, QRgb hue) {
  const QColor h(hue);
  return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - kTint) + h.redF() * kTint),
                          static_cast<float>(base.greenF() * (1 - kTint) + h.greenF() * kTint),
                          static_cast<float>(base.blueF() * (1 - kTint) + h.blueF() * kTint));
}

}  // namespace

QColor protocolBackground(const QString& protocol, const QPalette& palette, bool malformed) {
  const QColor base = palette.color(QPalette::Base);
  if (malformed) return blend(base, kMalformedHue);
  for (const auto& [name, hue] : kHues)
    if (protocol.compare(QLatin1String(name), Qt::CaseInsensitive) == 0) return blend(base, hue);
  return {};
}

}  // namespace rs::ui
