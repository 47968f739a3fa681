// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/ipv4.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/checksum.h"

namespace rs::inet {

std::optional<Ipv4Header> parseIpv4(ByteView packet) {
  ByteReader r(packet);
  Ipv4Header h;
  const std::uint8_t vihl = r.u8();
  h.version = vihl >> 4;
  h.headerLength = static_cast<std::uint8_t>((vihl & 0x0f) * 4);
  h.dsfield = r.u8();
  h.totalLength = r.u16be();
  h.identification = r.u16be();
  const std::uint16_t flagsOffset = r.u16be();
  h.flags = static_cast<std::uint8_t>(flagsOffset >> 13);
  h.fragmentOffset = flagsOffset & 0x1fff;
  h.ttl = r.u8();
  h.protocol = r.u8();
  h.checksum = r.u16be();
  h.source = r.u32be();
  h.destination = r.u32be();
  if (r.failed() || h.version != 4 || h.headerLength < kIpv4MinHeaderLength) return std::nullopt;
  if (h.headerLength > packet.size() || h.totalLength < h.headerLength || h.totalLength > packet.size())
    return std::nullopt;
  h.header = packet.first(h.headerLength);
  h.options = h.header.subspan(kIpv4MinHeaderLength);
  h.payload = packet.subspan(h.headerLength, h.totalLength - h.headerLength);
  h.checksumValid = internetChecksum(h.header) == 0;
  return h;
}

Bytes buildIpv4(const Ipv4Fields& f, ByteView payload) {
  ByteWriter w;
  w.u8(0x45).u8(f.dsfield).u16be(static_cast<std::uint16_t>(kIpv4MinHeaderLength + payload.size()));
  w.u16be(f.identification).u16be(f.dontFragment ? 0x4000 : 0x0000);
  w.u8(f.ttl).u8(f.protocol).u16be(0).u32be(f.source).u32be(f.destination);
  const std::uint16_t checksum = internetChecksum(w.data());
  w.patchU16be(10, checksum);
  w.bytes(payload);
  return w.take();
}

}  // namespace rs::inet
