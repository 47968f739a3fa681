// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a suite's own layer starts inside a captured frame, so suites for one
// protocol can dissect just their part: the 802.11 header behind a radio header
// (rs::locateIeee80211) and the MSDU behind an 802.11 data header.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs::test {

// Offset of the 802.11 MAC header in `frame` for link types 105, 119 (Prism),
// 127 (radiotap) and 192 (PPI); nullopt for other link types, a broken radio
// header or no MPDU. Dissecting from there to the end of the frame keeps a
// trailing FCS, as these suites always have.
std::optional<std::size_t> ieee80211Offset(std::uint32_t linkType, ByteView frame);

// Offset of the LLC header of an unprotected, unfragmented 802.11 data frame
// with a body; nullopt for anything else. The MAC header length follows from
// the frame control (IEEE 802.11-2016 9.3.2.1): 24, +6 with four addresses,
// +2 for QoS, +4 for HT Control.
std::optional<std::size_t> msduOffset(std::uint32_t linkType, ByteView frame);

// What suites above the MAC compare: the whole frame for Ethernet (1), Linux
// SLL (113) and SLL2 (276); from LLC for an 802.11 data frame (msduOffset);
// nullopt when the payload is out of reach (protected, management, ...).
std::optional<Dissection> dissectAboveMac(std::uint32_t linkType, ByteView frame);

}  // namespace rs::test
