// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/mip/ntp_time.h"

#include <fmt/format.h>

#include <chrono>

namespace rs::mip {

UnixTime ntpToUnix(std::uint64_t ntp) {
  const std::uint32_t seconds = static_cast<std::uint32_t>(ntp >> 32);
  const std::uint32_t fraction = static_cast<std::uint32_t>(ntp);
  UnixTime t;
  // fraction / 2^32 seconds, truncated to whole nanoseconds.
  t.nanoseconds = static_cast<std::uint32_t>((std::uint64_t{fraction} * 1000000000u) >> 32);
  if (seconds == 0 && t.nanoseconds == 0) return UnixTime{};
  const std::int64_t era = (seconds & 0x80000000u) ? 0 : (std::int64_t{1} << 32);
  t.seconds = std::int64_t{seconds} + era - kNtpToUnixSeconds;
  return t;
}

std::uint64_t unixToNtp(std::int64_t seconds, std::uint32_t nanoseconds) {
  const std::uint64_t ntpSeconds = static_cast<std::uint64_t>(seconds + kNtpToUnixSeconds) & 0xffffffffu;
  // Smallest fraction whose truncated nanoseconds are `nanoseconds` (so ntpToUnix round-trips).
  const std::uint64_t fraction = ((std::uint64_t{nanoseconds} << 32) + 999999999u) / 1000000000u;
  return (ntpSeconds << 32) | (fraction & 0xffffffffu);
}

std::string ntpTimeString(std::uint64_t ntp) {
  using namespace std::chrono;
  const UnixTime t = ntpToUnix(ntp);
  const sys_seconds at{seconds{t.seconds}};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss clock{at - day};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {:>2}, {} {:02}:{:02}:{:02}.{:09} UTC", kMonths[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count(), t.nanoseconds);
}

}  // namespace rs::mip
