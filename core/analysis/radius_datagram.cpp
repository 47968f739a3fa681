// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/radius_datagram.h"

#include <algorithm>

#include "dissectors/common/link_type.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/ipv6.h"
#include "dissectors/radius/radius.h"

namespace rs {
namespace {



std::optional<UdpDatagram> udpInIp(ByteView ip) {
  if (ip.empty()) return std::nullopt;
  UdpDatagram d;
  if ((ip[0] >> 4) == 4) {
    const auto h = inet::parseIpv4(ip);
    if (!h || h->protocol != inet::kIpProtoUdp || h->isFragment()) return std::nullopt;
    const auto udp = inet::parseUdp(h->payload);
    if (!udp) return std::nullopt;
    const ByteView hdr = h->header;
    d.source.assign(hdr.begin() + 12, hdr.begin() + 16);
    d.destination.assign(hdr.begin() + 16, hdr.begin() + 20);
    d.udp = *udp;
    return d;
  }
  if ((ip[0] >> 4) == 6) {
    const auto h = inet::parseIpv6(ip);
    if (!h || h->upperProtocol != inet::kIpProtoUdp || h->fragment) return std::nullopt;
    const auto udp = inet::parseUdp(h->upperPayload);
    if (!udp) return std::nullopt;
    d.source = toBytes(h->source);
    d.destination = toBytes(h->destination);
    d.udp = *udp;
    return d;
  }
  return std::nullopt;
}

}  // namespace

std::optional<UdpDatagram> locateUdpDatagram(std::uint32_t linkType, ByteView frame) {
  switch (static_cast<LinkType>(linkType)) {
    case LinkType::Ethernet: {
      const auto eth = inet::parseEthernet(frame);
      if (!eth || (eth->typeOrLength != inet::kEtherTypeIpv4 && eth->typeOrLength != inet::kEtherTypeIpv6))
        return std::nullopt;
      return udpInIp(frame.subspan(eth->payloadOffset));
    }
    case LinkType::LinuxSll:
    case LinkType::LinuxSll2: {
      const auto sll = linkType == static_cast<std::uint32_t>(LinkType::LinuxSll) ? inet::parseLinuxSll(frame)
                                                                                 : inet::parseLinuxSll2(frame);
      if (!sll || (sll->protocol != inet::kEtherTypeIpv4 && sll->protocol != inet::kEtherTypeIpv6))
        return std::nullopt;
      return udpInIp(frame.subspan(sll->payloadOffset));
    }
    case LinkType::Raw:
    case LinkType::Ipv4:
    case LinkType::Ipv6: return udpInIp(frame);
    default: return std::nullopt;
  }
}

std::vector<std::uint16_t> radiusAuthenticationPorts() {
  std::vector<std::uint16_t> ports{radius::kAuthPort, radius::kLegacyAuthPort};
  for (std::uint16_t p : inet::udpDecodeAsPorts("radius"))
    if (std::find(ports.begin(), ports.end(), p) == ports.end()) ports.push_back(p);
  return ports;
}

}  // namespace rs
