// SPDX-License-Identifier: GPL-3.0-or-later
// The indexing pass reads millions of headers per second: this walks the
// first presence word only up to the dBm antenna signal (bit 5), with no
// allocation and no field tree. Fields before bit 5 have fixed layouts
// (radiotap_layout.h), so their offsets are computed, not decoded.
#include "dissectors/radiotap/radiotap.h"
#include "dissectors/radiotap/radiotap_layout.h"

namespace rs {
namespace {

inline std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
inline std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16) |
         (std::uint32_t{p[3]} << 24);
}

}  // namespace

bool radiotapQuickInfo(ByteView frame, RadiotapQuick& out) {
  out = RadiotapQuick{};
  if (frame.size() < 8 || frame[0] != 0) return false;
  const std::uint8_t* p = frame.data();
  const std::size_t len = le16(p + 2);
  if (len < 8 || len > frame.size()) return false;
  out.headerLength = static_cast<std::uint16_t>(len);

  // Skip the chained presence words to find where the fields start.
  const std::uint32_t first = le32(p + 4);
  std::size_t off = 8;
  for (std::uint32_t w = first; w & 0x80000000u; off += 4) {
    if (off + 4 > len) return false;
    w = le32(p + off);
  }

  // Bits 0..5 in order; stop after the last one this summary needs.
  std::uint32_t pending = first & ((2u << radiotap_bit::kDbmAntSignal) - 1);
  for (unsigned bit = 0; pending != 0; ++bit) {
    if (!(pending & (1u << bit))) continue;
    pending &= ~(1u << bit);
    const auto& l = radiotap_layout::kLayout[bit];
    off = radiotap_layout::alignUp(off, l.alignment);
    if (off + l.size > len) return false;
    switch (bit) {
      case radiotap_bit::kFlags: out.fcsAtEnd = p[off] & radiotap_flag::kFcsAtEnd; break;
      case radiotap_bit::kChannel:
        out.frequency = le16(p + off);
        out.hasFrequency = true;
        break;
      case radiotap_bit::kDbmAntSignal:
        out.dbmSignal = static_cast<std::int8_t>(p[off]);
        out.hasSignal = true;
        break;
      default: break;
    }
    off += l.size;
  }
  return true;
}

}  // namespace rs
