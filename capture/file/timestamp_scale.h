// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Converts timestamps counted in an interface's units into nanoseconds. pcapng
// if_tsresol (draft-ietf-opsawg-pcapng §4.2): bit 7 clear = units of 10^-n s,
// bit 7 set = units of 2^-n s, n = low 7 bits; default 6 (microseconds).
// The conversion is computed once per interface so the per-frame cost is one
// multiply, divide or 128-bit multiply-shift. Values that do not fit wrap (corrupt
// input gives a wrong time, never undefined behaviour).
#include <cstdint>

namespace rs {

class TimestampScale {
 public:
  static TimestampScale fromTsresol(std::uint8_t tsresol);

  std::int64_t toNanoseconds(std::uint64_t units) const {
    switch (kind_) {
      case Kind::Multiply: return static_cast<std::int64_t>(units * factor_);
      case Kind::Divide: return static_cast<std::int64_t>(units / factor_);
      case Kind::BinaryFraction: {
        // floor(units * 10^9 / 2^n), the same rounding tshark applies.
        __extension__ using U128 = unsigned __int128;
        return static_cast<std::int64_t>((static_cast<U128>(units) * 1000000000u) >> shift_);
      }
      case Kind::Zero: return 0;
    }
    return 0;
  }

  std::uint8_t tsresol() const { return tsresol_; }

 private:
  enum class Kind : std::uint8_t { Multiply, Divide, BinaryFraction, Zero };
  Kind kind_ = Kind::Multiply;
  std::uint8_t shift_ = 0;
  std::uint8_t tsresol_ = 6;
  std::uint64_t factor_ = 1000;
};

}  // namespace rs
