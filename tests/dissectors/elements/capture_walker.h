// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only: reads classic pcap files and finds the element lists of 802.11
// frames (management bodies, plaintext EAPOL-Key Key Data) without the MAC
// dissector, so the element tests stand on their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/ieee80211/elements/elements.h"

namespace rs::test {

struct PcapRecord {
  std::uint32_t number = 0;  // 1-based, like frame.number
  Bytes data;
};

struct PcapFile {
  std::uint32_t linkType = 0;
  std::vector<PcapRecord> records;
  std::string error;  // non-empty when the file could not be read completely
};

PcapFile readPcap(const std::string& path);

struct ElementList {
  std::size_t offset = 0;
  std::size_t end = 0;
  bool keyData = false;  // EAPOL-Key Key Data rather than a management body
  ieee80211::ElementSender sender = ieee80211::ElementSender::Unknown;
};

// The element lists in one frame; std::nullopt when the frame carries elements
// this walker cannot locate (action frames, SAE, protected frames), so a
// comparison must skip it.
std::optional<std::vector<ElementList>> locateElementLists(ByteView frame, std::uint32_t linkType);

}  // namespace rs::test
