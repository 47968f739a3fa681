// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_endpoints.h"

#include "core/analysis/roam/wlan_frame.h"
#include "core/sim/node.h"
#include "dissectors/common/link_type.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"

namespace rs::ui {

namespace {

bool isIpv4Group(std::uint32_t address) {
  // 224.0.0.0/4 multicast and the limited broadcast; a subnet's directed broadcast needs the netmask, which a
  // frame does not carry, so it stays an arrow to the address it names.
  return (address >> 28) == 0xe || address == 0xffffffffu;
}

std::optional<FrameEndpoints> ipv4Endpoints(ByteView packet) {
  const auto ip = inet::parseIpv4(packet);
  if (!ip) return std::nullopt;
  FrameEndpoints e{NodeAddress::ipv4(ip->source), std::nullopt};
  if (!isIpv4Group(ip->destination)) e.receiver = NodeAddress::ipv4(ip->destination);
  return e;
}

std::optional<FrameEndpoints> ethernetEndpoints(ByteView frame) {
  const auto eth = inet::parseEthernet(frame);
  if (!eth) return std::nullopt;
  // The frame's own link-layer addresses: on a bridged distribution system a station's frame keeps the
  // station's source address, so the arrow joins the two ends of the conversation (station → RADIUS or
  // → the target AP), not the AP port that forwarded it.
  FrameEndpoints e{NodeAddress::mac(eth->source), std::nullopt};
  if (!eth->destination.isGroup()) e.receiver = NodeAddress::mac(eth->destination);
  return e;
}

std::optional<FrameEndpoints> cookedEndpoints(ByteView frame, bool version2) {
  // A cooked header keeps only one address (of the capturing host's side); IPv4 names both ends.
  const auto sll = version2 ? inet::parseLinuxSll2(frame) : inet::parseLinuxSll(frame);
  if (!sll || sll->protocol != inet::kEtherTypeIpv4 || sll->payloadOffset > frame.size()) return std::nullopt;
  return ipv4Endpoints(frame.subspan(sll->payloadOffset));
}

}  // namespace

std::string NodeAddress::toString() const {
  if (kind == Kind::Ipv4) return sim::formatIpv4Address(static_cast<std::uint32_t>(value));
  MacAddress m;
  for (int i = 0; i < 6; ++i) m.octets[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value >> (8 * (5 - i)));
  return m.toString();
}

std::optional<FrameEndpoints> frameEndpoints(const FrameView& frame) {
  const roam::WlanFrame wlan = roam::WlanFrame::locate(frame);
  if (!wlan.mpdu.empty()) {
    const auto& h = wlan.header;
    // ACK and CTS carry only the receiver: who sent them is the previous frame's receiver, a guess the
    // timeline does not make.
    if (!h || !h->ta()) return std::nullopt;
    FrameEndpoints e{NodeAddress::mac(*h->ta()), std::nullopt};
    if (!h->ra()->isGroup()) e.receiver = NodeAddress::mac(*h->ra());
    return e;
  }
  switch (static_cast<LinkType>(frame.linkType)) {
    case LinkType::Ethernet:
      return ethernetEndpoints(frame.data);
    case LinkType::Raw:
    case LinkType::Ipv4:
      return ipv4Endpoints(frame.data);
    case LinkType::LinuxSll:
      return cookedEndpoints(frame.data, false);
    case LinkType::LinuxSll2:
      return cookedEndpoints(frame.data, true);
    default:
      return std::nullopt;
  }
}

}  // namespace rs::ui
