// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/ipv4_frames.h"

#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"

namespace rs::mip {
namespace {
constexpr std::uint8_t kIcmp = 1;
constexpr std::size_t kEthernetHeader = 14;
constexpr std::size_t kTtlOffset = kEthernetHeader + 8;
constexpr std::size_t kChecksumOffset = kEthernetHeader + 10;
}  // namespace

MacAddress multicastMac(std::uint32_t group) {
  return MacAddress{{0x01, 0x00, 0x5e, static_cast<std::uint8_t>((group >> 16) & 0x7f),
                     static_cast<std::uint8_t>(group >> 8), static_cast<std::uint8_t>(group)}};
}

Bytes buildIcmpFrame(const MacAddress& from, std::uint32_t sourceIp, std::uint32_t group, std::uint16_t ipIdentification,
                     ByteView icmp) {
  inet::Ipv4Fields ip;
  ip.identification = ipIdentification;
  ip.ttl = 1;  // RFC 3344 2.3 / 2.4: link-local only
  ip.protocol = kIcmp;
  ip.source = sourceIp;
  ip.destination = group;
  return inet::buildEthernet(multicastMac(group), from, inet::kEtherTypeIpv4, inet::buildIpv4(ip, icmp));
}

std::optional<Ipv4FrameView> parseIpv4Frame(ByteView ethernetFrame) {
  const auto eth = inet::parseEthernet(ethernetFrame);
  if (!eth || eth->typeOrLength != inet::kEtherTypeIpv4 || eth->payloadOffset != kEthernetHeader) return std::nullopt;
  const auto ip = inet::parseIpv4(ethernetFrame.subspan(kEthernetHeader));
  if (!ip || ip->isFragment()) return std::nullopt;
  return Ipv4FrameView{eth->destination, eth->source, ip->protocol, ip->ttl, ip->source, ip->destination, ip->payload};
}

std::optional<Bytes> forwardIpv4Frame(ByteView ethernetFrame, const MacAddress& to, const MacAddress& from) {
  if (!parseIpv4Frame(ethernetFrame) || ethernetFrame[kTtlOffset] <= 1) return std::nullopt;
  Bytes out(ethernetFrame.begin(), ethernetFrame.end());
  std::copy(to.octets.begin(), to.octets.end(), out.begin());
  std::copy(from.octets.begin(), from.octets.end(), out.begin() + 6);
  // TTL shares a 16-bit word with the protocol: update the checksum incrementally (RFC 1624).
  const std::uint16_t oldWord = static_cast<std::uint16_t>(out[kTtlOffset] << 8 | out[kTtlOffset + 1]);
  --out[kTtlOffset];
  const std::uint16_t newWord = static_cast<std::uint16_t>(out[kTtlOffset] << 8 | out[kTtlOffset + 1]);
  const std::uint16_t oldSum = static_cast<std::uint16_t>(out[kChecksumOffset] << 8 | out[kChecksumOffset + 1]);
  const std::uint16_t sum = inet::updateChecksum(oldSum, oldWord, newWord);
  out[kChecksumOffset] = static_cast<std::uint8_t>(sum >> 8);
  out[kChecksumOffset + 1] = static_cast<std::uint8_t>(sum);
  return out;
}

}  // namespace rs::mip
