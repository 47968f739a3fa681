// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/radiotap/flag_fields.h"

#include <fmt/format.h>

namespace rs {

void addFlagBits(Field& parent, std::span<const FlagBit> bits, std::uint32_t value, std::size_t offset,
                 std::size_t length) {
  for (const FlagBit& b : bits) {
    const bool set = (value & b.mask) != 0;
    parent.addUint(b.name, fmt::format("{}: {}", b.label, set ? "True" : "False"), set ? 1 : 0, offset, length);
  }
}

std::span<const FlagBit> radiotapChannelFlagBits() {
  // Wireshark's order: spectrum bits first, then modulation and width.
  static constexpr FlagBit kBits[] = {
      {"radiotap.channel.flags.700mhz", "700 MHz spectrum", 0x0001},
      {"radiotap.channel.flags.800mhz", "800 MHz spectrum", 0x0002},
      {"radiotap.channel.flags.900mhz", "900 MHz spectrum", 0x0004},
      {"radiotap.channel.flags.turbo", "Turbo", 0x0010},
      {"radiotap.channel.flags.cck", "Complementary Code Keying (CCK)", 0x0020},
      {"radiotap.channel.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)", 0x0040},
      {"radiotap.channel.flags.2ghz", "2 GHz spectrum", 0x0080},
      {"radiotap.channel.flags.5ghz", "5 GHz spectrum", 0x0100},
      {"radiotap.channel.flags.passive", "Passive", 0x0200},
      {"radiotap.channel.flags.dynamic", "Dynamic CCK-OFDM", 0x0400},
      {"radiotap.channel.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)", 0x0800},
      {"radiotap.channel.flags.gsm", "GSM (900MHz)", 0x1000},
      {"radiotap.channel.flags.sturbo", "Static Turbo", 0x2000},
      {"radiotap.channel.flags.half", "Half Rate Channel (10MHz Channel Width)", 0x4000},
      {"radiotap.channel.flags.quarter", "Quarter Rate Channel (5MHz Channel Width)", 0x8000},
  };
  return kBits;
}

std::span<const FlagBit> ppiChannelFlagBits() {
  static constexpr FlagBit kBits[] = {
      {"ppi.80211-common.chan.flags.turbo", "Turbo", 0x0010},
      {"ppi.80211-common.chan.flags.cck", "Complementary Code Keying (CCK)", 0x0020},
      {"ppi.80211-common.chan.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)", 0x0040},
      {"ppi.80211-common.chan.flags.2ghz", "2 GHz spectrum", 0x0080},
      {"ppi.80211-common.chan.flags.5ghz", "5 GHz spectrum", 0x0100},
      {"ppi.80211-common.chan.flags.passive", "Passive", 0x0200},
      {"ppi.80211-common.chan.flags.dynamic", "Dynamic CCK-OFDM", 0x0400},
      {"ppi.80211-common.chan.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)", 0x0800},
  };
  return kBits;
}

}  // namespace rs
