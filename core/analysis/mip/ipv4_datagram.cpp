// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/ipv4_datagram.h"

#include "dissectors/index/network_packet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"

namespace rs::mipreg {

namespace {
constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
}

std::optional<Ipv4Datagram> ipv4DatagramOf(const FrameView& frame) {
  const auto packet = locateNetworkPacket(frame.linkType, frame.data);
  if (!packet || packet->etherType != kEtherTypeIpv4) return std::nullopt;
  const auto ip = inet::parseIpv4(packet->payload);
  if (!ip || ip->isFragment()) return std::nullopt;
  return Ipv4Datagram{ip->source, ip->destination, ip->protocol, ip->payload};
}

std::optional<UdpPayload> udpOf(const Ipv4Datagram& d) {
  if (d.protocol != inet::kIpProtoUdp) return std::nullopt;
  const auto udp = inet::parseUdp(d.payload);
  if (!udp) return std::nullopt;
  return UdpPayload{udp->sourcePort, udp->destinationPort, udp->payload};
}

}  // namespace rs::mipreg
