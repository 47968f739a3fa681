// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/ipv6.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/ip_protocol.h"

namespace rs::inet {

bool isIpv6ExtensionHeader(std::uint8_t nextHeader) {
  switch (nextHeader) {
    case kIpProtoHopOpts:
    case kIpProtoRouting:
    case kIpProtoFragment:
    case kIpProtoDstOpts:
    case kIpProtoAh: return true;
    default: return false;
  }
}

std::optional<Ipv6Header> parseIpv6(ByteView packet) {
  ByteReader r(packet);
  Ipv6Header h;
  const std::uint32_t first = r.u32be();
  h.trafficClass = static_cast<std::uint8_t>((first >> 20) & 0xff);
  h.flowLabel = first & 0xfffff;
  h.payloadLength = r.u16be();
  h.nextHeader = r.u8();
  h.hopLimit = r.u8();
  h.source = r.bytes(16);
  h.destination = r.bytes(16);
  if (r.failed() || (first >> 28) != 6) return std::nullopt;
  if (kIpv6HeaderLength + h.payloadLength > packet.size()) return std::nullopt;
  ByteReader ext(packet.subspan(kIpv6HeaderLength, h.payloadLength), kIpv6HeaderLength);
  std::uint8_t next = h.nextHeader;
  while (isIpv6ExtensionHeader(next)) {
    const std::uint8_t following = ext.u8();
    const std::uint8_t len = ext.u8();
    std::size_t total = 0;
    if (next == kIpProtoFragment) {
      const std::uint16_t offsetFlags = ext.u16be();
      h.fragment = true;
      h.fragmentOffset = offsetFlags >> 3;
      total = 8;
    } else if (next == kIpProtoAh) {
      total = (std::size_t{len} + 2) * 4;  // RFC 4302 2.2
    } else {
      total = (std::size_t{len} + 1) * 8;  // RFC 8200 4.3
    }
    const std::size_t consumed = next == kIpProtoFragment ? 4 : 2;
    ext.skip(total - consumed);
    if (ext.failed()) return std::nullopt;
    next = following;
  }
  h.upperProtocol = next;
  h.upperOffset = ext.offset();
  h.upperPayload = packet.subspan(h.upperOffset, kIpv6HeaderLength + h.payloadLength - h.upperOffset);
  return h;
}

Bytes buildIpv6(const Ipv6Fields& f, ByteView payload) {
  ByteWriter w;
  w.u32be((6u << 28) | (std::uint32_t{f.trafficClass} << 20) | (f.flowLabel & 0xfffff));
  w.u16be(static_cast<std::uint16_t>(payload.size())).u8(f.nextHeader).u8(f.hopLimit);
  w.bytes(f.source).bytes(f.destination).bytes(payload);
  return w.take();
}

}  // namespace rs::inet
