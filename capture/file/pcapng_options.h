// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The option list that ends most pcapng blocks (draft-ietf-opsawg-pcapng §3.5):
// {code u16, length u16, value padded to 32 bits}..., closed by opt_endofopt (0)
// or by the end of the block body.
#include <cstdint>
#include <string_view>

#include "capture/file/endian_read.h"
#include "dissectors/common/byte_reader.h"

namespace rs {

inline constexpr std::uint16_t kOptEndOfOpt = 0;
inline constexpr std::uint16_t kOptComment = 1;

// Calls visit(code, value) for every option in `options`. Returns false when the
// list is malformed (an option runs past the block); the options before it were visited.
template <typename Visitor>
bool forEachPcapngOption(ByteView options, bool bigEndian, Visitor&& visit) {
  ByteReader r(options);
  while (r.remaining() >= 4) {
    const std::uint16_t code = readU16(r, bigEndian);
    const std::uint16_t length = readU16(r, bigEndian);
    if (code == kOptEndOfOpt) return true;
    const ByteView value = r.bytes(length);
    if (r.failed()) return false;
    visit(code, value);
    r.align(4);  // padding may be missing at the very end of a sloppy block; harmless
  }
  return r.remaining() == 0;
}

// Option text (comments, names) without the NUL terminator some writers add.
inline std::string_view optionText(ByteView value) {
  std::string_view s(reinterpret_cast<const char*>(value.data()), value.size());
  while (!s.empty() && s.back() == '\0') s.remove_suffix(1);
  return s;
}

}  // namespace rs
