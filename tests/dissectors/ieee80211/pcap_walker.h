// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only: a minimal classic-pcap record walker and the offset of the 802.11
// header behind the radio headers of the fixtures (radiotap, Prism), so the
// 802.11 suites do not depend on capture/ or the radiotap dissector.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::test {

struct WlanRecord {
  std::uint32_t number = 0;  // 1-based, like tshark's frame.number
  Bytes data;
};

struct WlanCapture {
  std::uint32_t linkType = 0;
  std::vector<WlanRecord> records;
  std::string error;  // non-empty when the file could not be read completely
};

WlanCapture readWlanPcap(const std::string& path);
// Offset of the 802.11 MAC header for link types 105 (0), 127 (radiotap
// it_len) and 119 (Prism msglen); SIZE_MAX when the record is too short or the
// link type is not an 802.11 one.
std::size_t ieee80211Offset(std::uint32_t linkType, ByteView record);

}  // namespace rs::test
