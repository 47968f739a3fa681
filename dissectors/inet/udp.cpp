// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/udp.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ip_protocol.h"

namespace rs::inet {

std::optional<UdpHeader> parseUdp(ByteView datagram) {
  ByteReader r(datagram);
  UdpHeader h;
  h.sourcePort = r.u16be();
  h.destinationPort = r.u16be();
  h.length = r.u16be();
  h.checksum = r.u16be();
  if (r.failed() || h.length < kUdpHeaderLength || h.length > datagram.size()) return std::nullopt;
  h.payload = datagram.subspan(kUdpHeaderLength, h.length - kUdpHeaderLength);
  return h;
}

namespace {
Bytes header(std::uint16_t sourcePort, std::uint16_t destinationPort, ByteView payload) {
  ByteWriter w;
  w.u16be(sourcePort).u16be(destinationPort).u16be(static_cast<std::uint16_t>(kUdpHeaderLength + payload.size()));
  w.u16be(0).bytes(payload);
  return w.take();
}
void patchChecksum(Bytes& datagram, std::uint16_t checksum) {
  if (checksum == 0) checksum = 0xffff;
  datagram[6] = static_cast<std::uint8_t>(checksum >> 8);
  datagram[7] = static_cast<std::uint8_t>(checksum);
}
}  // namespace

Bytes buildUdp(std::uint32_t sourceIp, std::uint32_t destinationIp, std::uint16_t sourcePort,
               std::uint16_t destinationPort, ByteView payload) {
  Bytes d = header(sourcePort, destinationPort, payload);
  patchChecksum(d, transportChecksumV4(sourceIp, destinationIp, kIpProtoUdp, d));
  return d;
}

Bytes buildUdpV6(ByteView sourceIp, ByteView destinationIp, std::uint16_t sourcePort, std::uint16_t destinationPort,
                 ByteView payload) {
  Bytes d = header(sourcePort, destinationPort, payload);
  patchChecksum(d, transportChecksumV6(sourceIp, destinationIp, kIpProtoUdp, d));
  return d;
}

PayloadDissector udpPayloadDissector(std::uint16_t sourcePort, std::uint16_t destinationPort) {
  if (const auto chosen = udpDecodeAsDissector(sourcePort, destinationPort)) return chosen;
  const auto table = udpPortTable();
  for (const auto& e : table)
    if (e.port == destinationPort) return e.dissect;
  for (const auto& e : table)
    if (e.port == sourcePort) return e.dissect;
  return nullptr;
}

}  // namespace rs::inet
