// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/eapol/eapol.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::eapol {

std::string_view packetTypeName(std::uint8_t type) {
  switch (static_cast<PacketType>(type)) {
    case PacketType::EapPacket: return "EAP Packet";
    case PacketType::Start: return "Start";
    case PacketType::Logoff: return "Logoff";
    case PacketType::Key: return "Key";
    case PacketType::EncapsulatedAsfAlert: return "Encapsulated ASF Alert";
    case PacketType::Mka: return "MKA";
    case PacketType::AnnouncementGeneric: return "Announcement (Generic)";
    case PacketType::AnnouncementSpecific: return "Announcement (Specific)";
    case PacketType::AnnouncementRequest: return "Announcement Request";
  }
  return {};
}

std::optional<EapolHeader> parseEapolHeader(ByteView data) {
  ByteReader r(data);
  EapolHeader h;
  h.version = r.u8();
  h.type = r.u8();
  h.length = r.u16be();
  if (r.failed()) return std::nullopt;
  const std::size_t available = r.remaining();
  h.truncated = h.length > available;
  h.body = data.subspan(kEapolHeaderLength, std::min<std::size_t>(h.length, available));
  h.pdu = data.first(kEapolHeaderLength + h.body.size());
  return h;
}

Bytes buildEapol(std::uint8_t version, PacketType type, ByteView body) {
  ByteWriter w;
  w.u8(version).u8(static_cast<std::uint8_t>(type)).u16be(static_cast<std::uint16_t>(body.size())).bytes(body);
  return w.take();
}

}  // namespace rs::eapol
