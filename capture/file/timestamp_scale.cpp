// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/timestamp_scale.h"

namespace rs {

namespace {

std::uint64_t powerOfTen(unsigned exponent) {
  std::uint64_t v = 1;
  for (unsigned i = 0; i < exponent; ++i) v *= 10;
  return v;
}

}  // namespace

TimestampScale TimestampScale::fromTsresol(std::uint8_t tsresol) {
  TimestampScale s;
  s.tsresol_ = tsresol;
  const unsigned n = tsresol & 0x7Fu;
  if (tsresol & 0x80u) {
    s.kind_ = Kind::BinaryFraction;
    s.shift_ = static_cast<std::uint8_t>(n);
  } else if (n <= 9) {
    s.kind_ = Kind::Multiply;
    s.factor_ = powerOfTen(9 - n);
  } else if (n - 9 <= 19) {  // 10^19 is the largest power of ten in 64 bits
    s.kind_ = Kind::Divide;
    s.factor_ = powerOfTen(n - 9);
  } else {
    s.kind_ = Kind::Zero;  // a unit below 10^-28 s: every 64-bit count is under 1 ns
  }
  return s;
}

}  // namespace rs
