// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The IPv4 frames of the Mobile IP system besides UDP (wlan/ds_frames.h):
// agent discovery over ICMP (RFC 3344 2.3, 2.4: TTL 1, to the all-systems or
// all-routers group) and the forwarding step of an agent that routes between
// its subnet and the backbone (new MAC addresses, TTL - 1, header checksum).
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::mip {

inline constexpr std::uint32_t kAllSystemsGroup = 0xe0000001;  // 224.0.0.1
inline constexpr std::uint32_t kAllRoutersGroup = 0xe0000002;  // 224.0.0.2
// RFC 1112 6.4: 01:00:5e and the group's low 23 bits.
MacAddress multicastMac(std::uint32_t group);

// Ethernet II / IPv4 (TTL 1, protocol 1) / the ICMP message as built by agent_advertisement.h.
Bytes buildIcmpFrame(const MacAddress& from, std::uint32_t sourceIp, std::uint32_t group, std::uint16_t ipIdentification,
                     ByteView icmp);

struct Ipv4FrameView {
  MacAddress destinationMac;
  MacAddress sourceMac;
  std::uint8_t protocol = 0;
  std::uint8_t ttl = 0;
  std::uint32_t source = 0;  // host order
  std::uint32_t destination = 0;
  ByteView payload;  // the IPv4 payload (ICMP message, UDP datagram)
};
// nullopt unless an untagged Ethernet II frame carrying a whole, unfragmented IPv4 packet.
std::optional<Ipv4FrameView> parseIpv4Frame(ByteView ethernetFrame);

// The frame as the router sends it on: new MACs, TTL one less and the header
// checksum updated (RFC 1812 5.3.1); nullopt when the TTL would reach zero.
std::optional<Bytes> forwardIpv4Frame(ByteView ethernetFrame, const MacAddress& to, const MacAddress& from);

}  // namespace rs::mip
