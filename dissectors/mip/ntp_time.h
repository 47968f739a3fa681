// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 64-bit NTP timestamp (RFC 5905 6: seconds since 1900 then a 32-bit
// fraction) that Mobile IPv4 uses as its Identification with timestamp replay
// protection (RFC 3344 5.7), rendered the way Wireshark renders an
// FT_ABSOLUTE_TIME in UTC.
#include <cstdint>
#include <string>

namespace rs::mip {

// Seconds between 1900-01-01 (NTP era 0) and 1970-01-01.
inline constexpr std::int64_t kNtpToUnixSeconds = 2208988800;

struct UnixTime {
  std::int64_t seconds = 0;
  std::uint32_t nanoseconds = 0;
};

// NTP to Unix time. Seconds with the top bit clear belong to era 1 (after
// 2036-02-07, RFC 4330 3), as Wireshark reads them; an all-zero value
// (seconds 0 and a fraction below one nanosecond) is Wireshark's "not set" and
// maps to the Unix epoch.
UnixTime ntpToUnix(std::uint64_t ntp);
// Unix time to NTP (era of the result chosen as above); fraction rounded down.
std::uint64_t unixToNtp(std::int64_t seconds, std::uint32_t nanoseconds);

// "Dec 16, 2024 20:55:16.500000000 UTC" (day padded with a space, nine fraction digits).
std::string ntpTimeString(std::uint64_t ntp);

}  // namespace rs::mip
