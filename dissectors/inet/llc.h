// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IEEE 802.2 LLC and the SNAP extension (RFC 1042): how 802.11 data frames and
// 802.3 length-framed Ethernet carry an EtherType.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"

namespace rs::inet {

inline constexpr std::uint8_t kSnapSap = 0xaa;
inline constexpr std::uint8_t kLlcUnnumberedInformation = 0x03;

struct LlcHeader {
  std::uint8_t dsap = 0;
  std::uint8_t ssap = 0;
  std::uint16_t control = 0;       // one byte for U frames, two for I/S frames (IEEE 802.2 5.2)
  std::size_t controlLength = 1;
  bool snap = false;               // DSAP = SSAP = 0xaa with UI control: OUI + protocol follow
  std::uint32_t oui = 0;
  std::uint16_t protocolId = 0;    // the EtherType when oui == 0 (RFC 1042)
  std::size_t payloadOffset = 0;   // relative to the LLC header
};

// nullopt when the header (and the SNAP extension it announces) is truncated.
std::optional<LlcHeader> parseLlc(ByteView data);

struct LlcSnap {
  std::uint32_t oui = 0;
  std::uint16_t etherType = 0;
  std::size_t payloadOffset = 8;
};
// Only an LLC/SNAP header; nullopt for other LLC frames or truncation.
std::optional<LlcSnap> parseLlcSnap(ByteView data);

// AA AA 03 00 00 00 <etherType> followed by the payload (RFC 1042).
Bytes buildLlcSnap(std::uint16_t etherType, ByteView payload = {});

}  // namespace rs::inet
