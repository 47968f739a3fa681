// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Ethernet frames of the distribution system: UDP/IPv4 datagrams (RADIUS
// between access points and the authentication server, the voice flow) and
// the IEEE 802.11F-style Layer 2 Update frame an access point sends when a
// station associates, so the DS switches learn the station's new port.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::wlan {

struct UdpEndpoint {
  MacAddress mac;
  std::uint32_t ip = 0;  // host order
  std::uint16_t port = 0;
};

// Ethernet II / IPv4 (TTL 64, DF clear, checksum filled) / UDP (checksum filled).
Bytes buildUdpFrame(const UdpEndpoint& from, const UdpEndpoint& to, std::uint16_t ipIdentification,
                    ByteView payload);

struct UdpFrame {
  UdpEndpoint from;
  UdpEndpoint to;
  ByteView payload;  // points into the parsed frame
};
// nullopt for anything but an untagged Ethernet II / IPv4 / UDP frame that fits.
std::optional<UdpFrame> parseUdpFrame(ByteView ethernetFrame);

// The IPv4 datagram inside an Ethernet II frame (for bridging onto the air as an MSDU), or nullopt.
std::optional<std::uint16_t> etherTypeOf(ByteView ethernetFrame);
inline constexpr std::size_t kEthernetHeaderBytes = 14;

// Layer 2 Update frame (IEEE 802.11F-2003 3.2, as hostapd sends it): an IEEE
// 802.3 frame to the broadcast address from the station's MAC, length 6,
// LLC DSAP 0x00 SSAP 0x01 control 0xAF (XID), XID information 81 01 00.
Bytes buildLayer2UpdateFrame(const MacAddress& station);

}  // namespace rs::wlan
