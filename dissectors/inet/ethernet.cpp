// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/ethernet.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::inet {

std::optional<EthernetHeader> parseEthernet(ByteView frame) {
  ByteReader r(frame);
  const ByteView dst = r.bytes(6);
  const ByteView src = r.bytes(6);
  std::uint16_t type = r.u16be();
  if (r.failed()) return std::nullopt;
  EthernetHeader h;
  h.destination = MacAddress::fromView(dst);
  h.source = MacAddress::fromView(src);
  if (type == kEtherTypeVlan) {
    const std::uint16_t tci = r.u16be();
    type = r.u16be();
    if (r.failed()) return std::nullopt;
    h.vlan = VlanTag{static_cast<std::uint8_t>(tci >> 13), ((tci >> 12) & 1) != 0,
                     static_cast<std::uint16_t>(tci & 0x0fff)};
  }
  h.typeOrLength = type;
  h.payloadOffset = r.position();
  return h;
}

Bytes buildEthernet(const MacAddress& destination, const MacAddress& source, std::uint16_t etherType,
                    ByteView payload) {
  ByteWriter w;
  w.bytes(destination.view()).bytes(source.view()).u16be(etherType).bytes(payload);
  return w.take();
}

namespace {
constexpr std::size_t kSllAddressBytes = 8;
}

std::optional<LinuxSllHeader> parseLinuxSll(ByteView frame) {
  ByteReader r(frame);
  LinuxSllHeader h;
  h.version = 1;
  h.packetType = r.u16be();
  h.arphrdType = r.u16be();
  h.addressLength = r.u16be();
  const ByteView address = r.bytes(kSllAddressBytes);
  h.protocol = r.u16be();
  if (r.failed()) return std::nullopt;
  h.address = address.first(std::min<std::size_t>(h.addressLength, kSllAddressBytes));
  h.payloadOffset = r.position();
  return h;
}

std::optional<LinuxSllHeader> parseLinuxSll2(ByteView frame) {
  ByteReader r(frame);
  LinuxSllHeader h;
  h.version = 2;
  h.protocol = r.u16be();
  r.skip(2);  // reserved (MBZ)
  h.interfaceIndex = r.u32be();
  h.arphrdType = r.u16be();
  h.packetType = r.u8();
  h.addressLength = r.u8();
  const ByteView address = r.bytes(kSllAddressBytes);
  if (r.failed()) return std::nullopt;
  h.address = address.first(std::min<std::size_t>(h.addressLength, kSllAddressBytes));
  h.payloadOffset = r.position();
  return h;
}

}  // namespace rs::inet
