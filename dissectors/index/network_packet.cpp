// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/index/network_packet.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/link_type.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/llc.h"

namespace rs {
namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeArp = 0x0806;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;

// The network-layer bytes without the link layer's padding, when the header says how long they are.
ByteView withoutPadding(std::uint16_t etherType, ByteView data) {
  std::size_t length = data.size();
  ByteReader r(data);
  const std::uint8_t first = r.u8();
  if (r.failed()) return data;
  if (etherType == kEtherTypeIpv4 && (first >> 4) == 4) {
    r.skip(1);
    const std::size_t total = r.u16be();  // RFC 791 3.1: Total Length counts header and data
    if (!r.failed() && total >= 20 && total <= data.size()) length = total;
  } else if (etherType == kEtherTypeIpv6 && (first >> 4) == 6) {
    r.skip(3);
    const std::size_t total = 40 + std::size_t{r.u16be()};  // RFC 8200 3: Payload Length excludes the fixed header
    if (!r.failed() && total <= data.size()) length = total;
  } else if (etherType == kEtherTypeArp) {
    r.skip(3);
    const std::size_t hardwareSize = r.u8();
    const std::size_t protocolSize = r.u8();
    // RFC 826: 8 fixed octets, then two hardware and two protocol addresses.
    const std::size_t total = 8 + 2 * (hardwareSize + protocolSize);
    if (!r.failed() && total <= data.size()) length = total;
  }
  return data.first(length);
}

std::optional<NetworkPacket> fromEthernet(ByteView frame) {
  const auto eth = inet::parseEthernet(frame);
  if (!eth || eth->isLength() || eth->payloadOffset > frame.size()) return std::nullopt;
  return NetworkPacket{eth->typeOrLength, withoutPadding(eth->typeOrLength, frame.subspan(eth->payloadOffset)),
                       eth->source, eth->destination};
}

std::optional<NetworkPacket> fromSll(const std::optional<inet::LinuxSllHeader>& sll, ByteView frame) {
  if (!sll || sll->protocol < inet::kMinEtherType || sll->payloadOffset > frame.size()) return std::nullopt;
  NetworkPacket p{sll->protocol, withoutPadding(sll->protocol, frame.subspan(sll->payloadOffset)), std::nullopt,
                  std::nullopt};
  if (sll->arphrdType == 1 && sll->addressLength == 6 && sll->address.size() >= 6)
    p.source = MacAddress::fromView(sll->address);
  return p;
}

std::optional<NetworkPacket> fromRawIp(ByteView frame, std::uint16_t etherType) {
  if (frame.empty()) return std::nullopt;
  if (etherType == 0) {
    const int version = frame[0] >> 4;
    if (version == 4) etherType = kEtherTypeIpv4;
    else if (version == 6) etherType = kEtherTypeIpv6;
    else return std::nullopt;
  }
  return NetworkPacket{etherType, withoutPadding(etherType, frame), std::nullopt, std::nullopt};
}

}  // namespace

std::optional<NetworkPacket> networkPacketOfMsdu(const ieee80211::MacHeader& header, ByteView msdu) {
  if (!header.isData() || header.isNullData() || (header.isQosData() && header.amsduPresent())) return std::nullopt;
  return networkPacketOfMsdu(header, msdu, inet::parseLlcSnap(msdu));
}

std::optional<NetworkPacket> networkPacketOfMsdu(const ieee80211::MacHeader& header, ByteView msdu,
                                                 const std::optional<inet::LlcSnap>& snap) {
  if (!header.isData() || header.isNullData() || (header.isQosData() && header.amsduPresent())) return std::nullopt;
  // RFC 1042 encapsulation only (OUI 00-00-00); 802.1H bridge tunnel (00-00-f8) carries an EtherType too.
  if (!snap || (snap->oui != 0 && snap->oui != 0x0000f8) || snap->payloadOffset > msdu.size()) return std::nullopt;
  return NetworkPacket{snap->etherType, withoutPadding(snap->etherType, msdu.subspan(snap->payloadOffset)),
                       header.sa(), header.da()};
}

std::optional<NetworkPacket> locateNetworkPacket(std::uint32_t linkType, ByteView frame) {
  switch (static_cast<LinkType>(linkType)) {
    case LinkType::Ethernet: return fromEthernet(frame);
    case LinkType::LinuxSll: return fromSll(inet::parseLinuxSll(frame), frame);
    case LinkType::LinuxSll2: return fromSll(inet::parseLinuxSll2(frame), frame);
    case LinkType::Raw: return fromRawIp(frame, 0);
    case LinkType::Ipv4: return fromRawIp(frame, kEtherTypeIpv4);
    case LinkType::Ipv6: return fromRawIp(frame, kEtherTypeIpv6);
    default: break;
  }
  const ByteView mpdu = locateIeee80211(linkType, frame);
  // Frame Control first (most frames are not unprotected data with a payload): type 2 data, the subtype's
  // "no data" bit (0x40 of octet 0: Null, QoS Null, CF-*) clear, the Protected Frame flag (0x40 of octet 1) clear.
  if (mpdu.size() < 2 || ((mpdu[0] >> 2) & 3) != 2 || (mpdu[0] & 0x40) || (mpdu[1] & 0x40)) return std::nullopt;
  const auto header = ieee80211::parseMacHeader(mpdu);
  if (!header || header->isProtected() || header->length > mpdu.size()) return std::nullopt;
  return networkPacketOfMsdu(*header, mpdu.subspan(header->length));
}

}  // namespace rs
