// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Byte-level vocabulary shared by every dissector: a view type, an owned buffer
// and hex rendering in Wireshark's colon style ("aa:bb:cc").
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rs {

using ByteView = std::span<const std::uint8_t>;
using Bytes = std::vector<std::uint8_t>;

// "aa:bb:cc" — the rendering tshark uses for FT_BYTES and FT_ETHER fields.
std::string toColonHex(ByteView bytes);
// "aabbcc" — compact form for key material and command-line output.
std::string toHex(ByteView bytes);
// Parses hex with optional ':' / '-' / ' ' separators; returns false on any bad digit or odd length.
bool parseHex(std::string_view text, Bytes& out);

inline Bytes toBytes(ByteView v) { return Bytes(v.begin(), v.end()); }
inline ByteView asView(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace rs
