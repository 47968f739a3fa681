// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IEEE 802.11 frame check sequence (IEEE 802.11-2016 9.2.4.8): CRC-32 with the
// IEEE 802.3 generator, transmitted least significant byte first.
#include <cstdint>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs {

std::uint32_t ieee80211Fcs(ByteView mpdu);

// Describes the 4 FCS bytes at `fcsOffset` of `frame` (wlan.fcs, wlan.fcs.status)
// under `layer`; the MPDU it covers is frame[mpduOffset, fcsOffset).
void describeFcs(ByteView frame, std::size_t mpduOffset, std::size_t fcsOffset, bool flaggedBad, Field& layer);

}  // namespace rs
