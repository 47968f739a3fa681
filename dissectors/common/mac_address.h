// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"

namespace rs {

// An IEEE 802 48-bit address, stored in transmission order.
struct MacAddress {
  std::array<std::uint8_t, 6> octets{};

  static MacAddress fromView(ByteView v) {  // caller guarantees 6 bytes
    MacAddress m;
    for (std::size_t i = 0; i < 6; ++i) m.octets[i] = v[i];
    return m;
  }
  static std::optional<MacAddress> parse(std::string_view text);
  static MacAddress broadcast() { return MacAddress{{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}}; }

  bool isGroup() const { return octets[0] & 0x01; }
  bool isBroadcast() const { return *this == broadcast(); }
  std::uint64_t toU64() const {
    std::uint64_t v = 0;
    for (auto o : octets) v = (v << 8) | o;
    return v;
  }
  std::string toString() const { return toColonHex(octets); }
  ByteView view() const { return octets; }
  auto operator<=>(const MacAddress&) const = default;
};

// For unordered containers keyed by address (the per-frame lookups of the analyses).
struct MacAddressHash {
  std::size_t operator()(const MacAddress& m) const noexcept {
    std::uint64_t v = 0;
    for (std::uint8_t b : m.octets) v = (v << 8) | b;
    return static_cast<std::size_t>(v * 0x9e3779b97f4a7c15ull);  // Fibonacci hashing spreads the OUI-heavy bits
  }
};

}  // namespace rs
