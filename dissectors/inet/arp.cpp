// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/arp.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::inet {
namespace {
std::uint32_t be32(ByteView v) {
  return (std::uint32_t{v[0]} << 24) | (std::uint32_t{v[1]} << 16) | (std::uint32_t{v[2]} << 8) | v[3];
}
}  // namespace

std::uint32_t ArpPacket::senderIp() const { return senderProtocol.size() == 4 ? be32(senderProtocol) : 0; }
std::uint32_t ArpPacket::targetIp() const { return targetProtocol.size() == 4 ? be32(targetProtocol) : 0; }

std::optional<ArpPacket> parseArp(ByteView data) {
  ByteReader r(data);
  ArpPacket a;
  a.hardwareType = r.u16be();
  a.protocolType = r.u16be();
  a.hardwareSize = r.u8();
  a.protocolSize = r.u8();
  a.opcode = r.u16be();
  a.senderHardware = r.bytes(a.hardwareSize);
  a.senderProtocol = r.bytes(a.protocolSize);
  a.targetHardware = r.bytes(a.hardwareSize);
  a.targetProtocol = r.bytes(a.protocolSize);
  if (r.failed()) return std::nullopt;
  return a;
}

Bytes buildArp(const ArpFields& f) {
  ByteWriter w;
  w.u16be(1).u16be(0x0800).u8(6).u8(4).u16be(f.opcode);
  w.bytes(f.senderMac.view()).u32be(f.senderIp).bytes(f.targetMac.view()).u32be(f.targetIp);
  return w.take();
}

}  // namespace rs::inet
