// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/radiotap/fcs.h"

#include <array>

#include <fmt/format.h>

namespace rs {
namespace {

// Reflected table for the generator 0x04C11DB7 (reversed 0xEDB88320).
constexpr std::array<std::uint32_t, 256> makeTable() {
  std::array<std::uint32_t, 256> t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}
constexpr auto kTable = makeTable();

}  // namespace

std::uint32_t ieee80211Fcs(ByteView mpdu) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::uint8_t byte : mpdu) crc = kTable[(crc ^ byte) & 0xff] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void describeFcs(ByteView frame, std::size_t mpduOffset, std::size_t fcsOffset, bool flaggedBad, Field& layer) {
  const auto* p = frame.data() + fcsOffset;
  const std::uint32_t sent = std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) |
                             (std::uint32_t{p[3]} << 24);
  const std::uint32_t computed = ieee80211Fcs(frame.subspan(mpduOffset, fcsOffset - mpduOffset));
  const bool good = sent == computed;
  Field& fcs = layer.addUint("wlan.fcs", fmt::format("Frame check sequence: {} [{}]", hexString(sent, 8),
                                                     good ? "correct" : "incorrect, should be " + hexString(computed, 8)),
                             sent, fcsOffset, 4, 8);
  // Wireshark's checksum status values: 0 bad, 1 good.
  fcs.addUint("wlan.fcs.status", fmt::format("[FCS Status: {}]", good ? "Good" : "Bad"), good ? 1 : 0, fcsOffset, 4);
  if (!good) fcs.expert = "Bad FCS" + std::string(flaggedBad ? " (the capture header flags it too)" : "");
  else if (flaggedBad) fcs.expert = "The capture header flags a bad FCS, but it matches the frame";
}

}  // namespace rs
