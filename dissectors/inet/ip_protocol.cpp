// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/ip_protocol.h"

namespace rs::inet {

std::string_view ipProtocolName(std::uint8_t protocol) {
  switch (protocol) {
    case 0: return "IPv6 Hop-by-Hop Option";
    case 1: return "ICMP";
    case 2: return "IGMP";
    case 4: return "IPIP";
    case 6: return "TCP";
    case 17: return "UDP";
    case 41: return "IPv6";
    case 43: return "Routing Header for IPv6";
    case 44: return "Fragment Header for IPv6";
    case 47: return "GRE";
    case 50: return "ESP";
    case 51: return "AH";
    case 58: return "ICMPv6";
    case 59: return "IPv6 No Next Header";
    case 60: return "Destination Options for IPv6";
    case 132: return "SCTP";
    case 135: return "Mobility Header";
    default: return {};
  }
}

}  // namespace rs::inet
