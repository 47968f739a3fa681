// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Prism monitor-mode header (LINKTYPE_IEEE802_11_PRISM = 119) written by
// old Linux wlan-ng/madwifi drivers: a 144-octet message in host byte order —
// message code, message length, device name, then ten "DID" items (id, status,
// length, 32-bit data) for host time, MAC time, channel, RSSI, SQ, signal,
// noise, rate, TX flag and frame length. Some drivers write an AVS header
// (magic 0x8021100x, big-endian) under the same link type instead.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs {

inline constexpr std::size_t kPrismHeaderLength = 144;

struct PrismItem {
  std::uint32_t did = 0;
  std::uint16_t status = 0;
  std::uint16_t length = 0;
  std::uint32_t data = 0;
  std::size_t offset = 0;
};

struct PrismHeader {
  bool avs = false;            // an AVS header stood where Prism was expected
  bool bigEndian = false;
  std::uint32_t msgcode = 0;
  std::uint32_t msglen = 0;    // the 802.11 frame starts here
  std::string deviceName;
  std::vector<PrismItem> items;

  // Values of the standard items when present (status 0 = value supplied).
  std::optional<std::uint32_t> item(std::uint16_t id) const;
};

// Item ids (the upper 16 bits of a DID, whose lower half is the message code).
namespace prism_item {
inline constexpr std::uint16_t kHostTime = 1, kMacTime = 2, kChannel = 3, kRssi = 4, kSq = 5, kSignal = 6,
                               kNoise = 7, kRate = 8, kIsTx = 9, kFrameLength = 10;
}

// nullopt when the frame is shorter than the header it announces.
std::optional<PrismHeader> parsePrism(ByteView frame);
// A Prism header with the given channel, signal and rate (500 kb/s units), little-endian.
Bytes buildPrism(const std::string& deviceName, std::uint32_t channel, std::uint32_t signal, std::uint32_t rate,
                 std::uint32_t frameLength);

}  // namespace rs
