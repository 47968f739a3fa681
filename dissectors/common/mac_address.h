// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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
    std::memcpy(m.octets.data(), v.data(), 6);
    return m;
  }
  static std::optional<MacAddress> parse(std::string_view text);
  static MacAddress broadcast() { return MacAddress{{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}}; }

  bool isGroup() const { return octets[0] & 0x01; }
  bool isBroadcast() const { return *this == broadcast(); }
  // The address as a 48-bit big-endian integer (transmission order: 02:00:00:00:00:01 is 0x020000000001).
  std::uint64_t toU64() const {
    if constexpr (std::endian::native == std::endian::little) {
      // One load and a byte swap: the analyses hash and compare addresses for every frame.
      std::uint64_t v = 0;
      std::memcpy(&v, octets.data(), 6);
      return __builtin_bswap64(v) >> 16;  // GCC and Clang (std::byteswap is C++23)
    } else {
      std::uint64_t v = 0;
      for (auto o : octets) v = (v << 8) | o;
      return v;
    }
  }
  std::string toString() const { return toColonHex(octets); }
  ByteView view() const { return octets; }
  // Ordered as the octets compare (lexicographically), which std::map keys rely on.
  auto operator<=>(const MacAddress&) const = default;
  // Equality by two plain loads instead of the memcmp call the defaulted one compiles to (a per-frame cost).
  bool operator==(const MacAddress& o) const {
    std::uint32_t a = 0, b = 0;
    std::uint16_t c = 0, d = 0;
    std::memcpy(&a, octets.data(), 4);
    std::memcpy(&b, o.octets.data(), 4);
    std::memcpy(&c, octets.data() + 4, 2);
    std::memcpy(&d, o.octets.data() + 4, 2);
    return a == b && c == d;
  }
};

// For unordered containers keyed by address (the per-frame lookups of the analyses).
struct MacAddressHash {
  std::size_t operator()(const MacAddress& m) const noexcept {
    return static_cast<std::size_t>(m.toU64() * 0x9e3779b97f4a7c15ull);  // Fibonacci hashing spreads the OUI-heavy bits
  }
};

}  // namespace rs
