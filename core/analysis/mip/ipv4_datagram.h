// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The IPv4 datagram inside a frame of any link type the index knows
// (Ethernet, Linux cooked, raw IP, unprotected 802.11 data with LLC/SNAP):
// Mobile IPv4 (RFC 3344), its agent advertisements and the HA's RADIUS all
// ride on IPv4, and the capture point decides which link header wraps them.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/frame_view.h"

namespace rs::mipreg {

struct Ipv4Datagram {
  std::uint32_t source = 0;       // host order
  std::uint32_t destination = 0;  // host order
  std::uint8_t protocol = 0;
  ByteView payload;               // up to the Total Length
};

// nullopt for non-IPv4 frames, truncated headers and fragments (a fragment's
// payload is not a whole UDP datagram or ICMP message).
std::optional<Ipv4Datagram> ipv4DatagramOf(const FrameView& frame);

// The UDP header and payload of `d`, when it is UDP and the header fits.
struct UdpPayload {
  std::uint16_t sourcePort = 0;
  std::uint16_t destinationPort = 0;
  ByteView payload;
};
std::optional<UdpPayload> udpOf(const Ipv4Datagram& d);

}  // namespace rs::mipreg
