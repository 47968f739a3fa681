// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The parts of an 802.11 MAC header that CCMP and TKIP need (IEEE 802.11-2016
// 9.2.3): header length, addresses, sequence control, QoS TID. Read with
// bounds checks from untrusted bytes.
#include <cstdint>
#include <optional>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

struct MpduHeader {
  std::uint16_t frameControl = 0;  // host order (read little-endian)
  std::size_t length = 0;          // MAC header octets, including QoS Control and HT Control
  bool management = false;
  bool data = false;
  bool qos = false;                // QoS Control field present
  bool fourAddress = false;        // To DS and From DS both set (data frames)
  bool toDs = false;
  bool fromDs = false;
  bool isProtected = false;
  bool moreFragments = false;
  std::uint8_t tid = 0;            // from QoS Control (0 when absent)
  std::uint16_t sequenceControl = 0;
  MacAddress a1, a2, a3, a4;

  std::uint8_t fragmentNumber() const { return static_cast<std::uint8_t>(sequenceControl & 0x0f); }
};

// Parses the header at the start of `mpdu`. Control and extension frames carry no
// protected payload and are rejected (Unsupported); short input is Malformed.
Result<MpduHeader> parseMpduHeader(ByteView mpdu);

}  // namespace rs::crypto
