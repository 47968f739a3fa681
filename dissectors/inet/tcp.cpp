// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/tcp.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ip_protocol.h"

namespace rs::inet {

std::optional<TcpHeader> parseTcp(ByteView segment) {
  ByteReader r(segment);
  TcpHeader h;
  h.sourcePort = r.u16be();
  h.destinationPort = r.u16be();
  h.sequence = r.u32be();
  h.acknowledgment = r.u32be();
  const std::uint16_t offsetFlags = r.u16be();
  h.window = r.u16be();
  h.checksum = r.u16be();
  h.urgentPointer = r.u16be();
  if (r.failed()) return std::nullopt;
  h.headerLength = static_cast<std::uint8_t>((offsetFlags >> 12) * 4);
  h.flags = offsetFlags & 0x0fff;
  if (h.headerLength < kTcpMinHeaderLength || h.headerLength > segment.size()) return std::nullopt;
  h.options = segment.subspan(kTcpMinHeaderLength, h.headerLength - kTcpMinHeaderLength);
  h.payload = segment.subspan(h.headerLength);
  return h;
}

Bytes buildTcp(std::uint32_t sourceIp, std::uint32_t destinationIp, const TcpFields& f, ByteView payload) {
  Bytes options = f.options;
  while (options.size() % 4) options.push_back(0);
  const auto headerLength = static_cast<std::uint16_t>(kTcpMinHeaderLength + options.size());
  ByteWriter w;
  w.u16be(f.sourcePort).u16be(f.destinationPort).u32be(f.sequence).u32be(f.acknowledgment);
  w.u16be(static_cast<std::uint16_t>(((headerLength / 4) << 12) | (f.flags & 0x0fff)));
  w.u16be(f.window).u16be(0).u16be(f.urgentPointer).bytes(options).bytes(payload);
  const std::uint16_t checksum = transportChecksumV4(sourceIp, destinationIp, kIpProtoTcp, w.data());
  w.patchU16be(16, checksum);
  return w.take();
}

}  // namespace rs::inet
