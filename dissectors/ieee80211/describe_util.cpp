// SPDX-License-Identifier: GPL-3.0-or-later
#include <bit>

#include <fmt/format.h>

#include "dissectors/ieee80211/describe_internal.h"

namespace rs::ieee80211::detail {

std::uint64_t maskedValue(std::uint64_t raw, std::uint64_t mask) {
  if (mask == 0) return 0;
  return (raw & mask) >> std::countr_zero(mask);
}

Field& addBits(Field& parent, std::string name, std::string_view text, std::uint64_t raw, std::uint64_t mask, int bits,
               std::size_t off, std::size_t len, std::uint8_t hexDigits) {
  return parent.addUint(std::move(name), fmt::format("{} = {}", bitPattern(raw, mask, bits), text),
                        maskedValue(raw, mask), off, len, hexDigits);
}

Field& addMac(Field& parent, std::string name, std::string_view label, ByteView frame, std::size_t off) {
  const ByteView v = frame.subspan(off, 6);
  return parent.addBytes(std::move(name), fmt::format("{}: {}", label, toColonHex(v)), v, off);
}

std::string flagsString(std::uint8_t flags) {
  static constexpr char kLetters[] = "TFMRPmpo";  // bit 0 (To DS) .. bit 7 (Order)
  std::string out(8, '.');
  for (int bit = 0; bit < 8; ++bit)
    if (flags & (1u << bit)) out[static_cast<std::size_t>(7 - bit)] = kLetters[bit];
  return out;
}

bool findSsid(ByteView frame, std::size_t off, std::size_t end, std::string& ssid) {
  // Walks the element list (9.4.2.1: ID, Length, Information) only as far as it is intact.
  while (off + 2 <= end) {
    const std::uint8_t id = frame[off];
    const std::size_t len = frame[off + 1];
    if (off + 2 + len > end) return false;
    if (id == 0) {
      ssid.assign(reinterpret_cast<const char*>(frame.data() + off + 2), len);
      return true;
    }
    off += 2 + len;
  }
  return false;
}

}  // namespace rs::ieee80211::detail
