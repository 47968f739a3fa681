// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Boolean sub-fields of a flags word, rendered as tshark renders FT_BOOLEAN
// bits in -T json ("1"/"0"). Shared by the radiotap and PPI describers.
#include <cstddef>
#include <cstdint>
#include <span>

#include "dissectors/common/field.h"

namespace rs {

struct FlagBit {
  const char* name;   // "radiotap.flags.fcs"
  const char* label;  // "FCS at end"
  std::uint32_t mask;
};

// Adds one child per bit of `bits` to `parent`.
void addFlagBits(Field& parent, std::span<const FlagBit> bits, std::uint32_t value, std::size_t offset,
                 std::size_t length);

// The 16-bit channel flags shared by radiotap Channel and PPI 802.11-Common,
// under the prefix "radiotap.channel.flags" or "ppi.80211-common.chan.flags".
std::span<const FlagBit> radiotapChannelFlagBits();
std::span<const FlagBit> ppiChannelFlagBits();

}  // namespace rs
