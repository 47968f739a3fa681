// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Virtual time of the emulation: signed 64-bit nanoseconds since the start of
// the run (about 292 years of range). Integer time keeps the event order exact:
// a double would make "a + b" depend on evaluation order and break determinism.
#include <cmath>
#include <cstdint>
#include <string>

namespace rs::sim {

using SimTime = std::int64_t;

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;

constexpr SimTime nanoseconds(std::int64_t n) { return n; }
constexpr SimTime microseconds(std::int64_t us) { return us * kMicrosecond; }
constexpr SimTime milliseconds(std::int64_t ms) { return ms * kMillisecond; }
constexpr SimTime seconds(std::int64_t s) { return s * kSecond; }
// Rounds to the nearest nanosecond (half away from zero), for figures read from
// scenario files in seconds or microseconds.
inline SimTime fromSeconds(double s) { return static_cast<SimTime>(std::llround(s * 1e9)); }
inline SimTime fromMicroseconds(double us) { return static_cast<SimTime>(std::llround(us * 1e3)); }
constexpr double toSeconds(SimTime t) { return static_cast<double>(t) / 1e9; }
constexpr double toMicroseconds(SimTime t) { return static_cast<double>(t) / 1e3; }

// "12.345678901 s": fixed nine decimals so traces line up and compare as text.
std::string formatSimTime(SimTime t);

}  // namespace rs::sim
