// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The UDP datagram of a wired frame (Ethernet, Linux cooked, raw IPv4/IPv6),
// with its addresses: where the analysis looks for RADIUS, which runs between
// an AP and its server on the distribution system or backhaul, never on the air.
#include <cstdint>
#include <optional>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/inet/udp.h"

namespace rs {

struct UdpDatagram {
  Bytes source;  // 4 or 16 address octets
  Bytes destination;
  inet::UdpHeader udp;
};

// nullopt for 802.11 frames, non-UDP packets and fragments.
std::optional<UdpDatagram> locateUdpDatagram(std::uint32_t linkType, ByteView frame);

// The UDP ports read as RADIUS authentication: 1812, the legacy 1645 and the
// ports the user decoded as RADIUS (registerUdpDecodeAs, read when called).
std::vector<std::uint16_t> radiusAuthenticationPorts();

}  // namespace rs
