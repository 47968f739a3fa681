// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/ds_frames.h"

#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"

namespace rs::wlan {

Bytes buildUdpFrame(const UdpEndpoint& from, const UdpEndpoint& to, std::uint16_t ipIdentification,
                    ByteView payload) {
  inet::Ipv4Fields ip;
  ip.protocol = 17;
  ip.source = from.ip;
  ip.destination = to.ip;
  ip.identification = ipIdentification;
  const Bytes datagram = inet::buildIpv4(ip, inet::buildUdp(from.ip, to.ip, from.port, to.port, payload));
  return inet::buildEthernet(to.mac, from.mac, inet::kEtherTypeIpv4, datagram);
}

std::optional<UdpFrame> parseUdpFrame(ByteView ethernetFrame) {
  const auto eth = inet::parseEthernet(ethernetFrame);
  if (!eth || eth->vlan || eth->typeOrLength != inet::kEtherTypeIpv4) return std::nullopt;
  const auto ip = inet::parseIpv4(ethernetFrame.subspan(eth->payloadOffset));
  if (!ip || ip->protocol != 17 || ip->isFragment()) return std::nullopt;
  const auto udp = inet::parseUdp(ip->payload);
  if (!udp) return std::nullopt;
  UdpFrame f;
  f.from = UdpEndpoint{eth->source, ip->source, udp->sourcePort};
  f.to = UdpEndpoint{eth->destination, ip->destination, udp->destinationPort};
  f.payload = udp->payload;
  return f;
}

std::optional<std::uint16_t> etherTypeOf(ByteView ethernetFrame) {
  const auto eth = inet::parseEthernet(ethernetFrame);
  if (!eth || eth->isLength()) return std::nullopt;
  return eth->typeOrLength;
}

Bytes buildLayer2UpdateFrame(const MacAddress& station) {
  ByteWriter w;
  w.bytes(MacAddress::broadcast().view()).bytes(station.view()).u16be(6);
  w.u8(0x00).u8(0x01).u8(0xaf);  // LLC: null DSAP, SSAP 0x01 (response), XID
  w.u8(0x81).u8(0x01).u8(0x00);  // XID: IEEE 802.2 basic format, type 1 LLC, receive window 0
  return w.take();
}

}  // namespace rs::wlan
