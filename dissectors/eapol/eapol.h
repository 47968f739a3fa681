// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The EAPOL PDU header (IEEE 802.1X-2010 11.3): protocol version 1-3, packet
// type, body length.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "dissectors/common/bytes.h"

namespace rs::eapol {

inline constexpr std::size_t kEapolHeaderLength = 4;

// IEEE 802.1X-2010 Table 11-3.
enum class PacketType : std::uint8_t {
  EapPacket = 0,
  Start = 1,
  Logoff = 2,
  Key = 3,
  EncapsulatedAsfAlert = 4,
  Mka = 5,
  AnnouncementGeneric = 6,
  AnnouncementSpecific = 7,
  AnnouncementRequest = 8,
};
// Wireshark's names ("Key", "Start", "Encapsulated ASF Alert", "MKA", ...); empty if unknown.
std::string_view packetTypeName(std::uint8_t type);

struct EapolHeader {
  std::uint8_t version = 0;
  std::uint8_t type = 0;
  std::uint16_t length = 0;  // body length announced by the header
  ByteView body;             // min(length, available) bytes after the header
  ByteView pdu;              // header + body, without link-layer padding
  bool truncated = false;    // the announced body runs past the data

  bool isKey() const { return type == static_cast<std::uint8_t>(PacketType::Key); }
  bool isEap() const { return type == static_cast<std::uint8_t>(PacketType::EapPacket); }
};

// nullopt only when the 4-byte header itself is cut short.
std::optional<EapolHeader> parseEapolHeader(ByteView data);

// version | type | length(body) | body.
Bytes buildEapol(std::uint8_t version, PacketType type, ByteView body);

}  // namespace rs::eapol
