// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IANA "Assigned Internet Protocol Numbers" shared by IPv4 (protocol) and IPv6 (next header).
#include <cstdint>
#include <string_view>

namespace rs::inet {

inline constexpr std::uint8_t kIpProtoHopOpts = 0;
inline constexpr std::uint8_t kIpProtoIcmp = 1;
inline constexpr std::uint8_t kIpProtoTcp = 6;
inline constexpr std::uint8_t kIpProtoUdp = 17;
inline constexpr std::uint8_t kIpProtoRouting = 43;
inline constexpr std::uint8_t kIpProtoFragment = 44;
inline constexpr std::uint8_t kIpProtoEsp = 50;
inline constexpr std::uint8_t kIpProtoAh = 51;
inline constexpr std::uint8_t kIpProtoIcmpv6 = 58;
inline constexpr std::uint8_t kIpProtoNoNext = 59;
inline constexpr std::uint8_t kIpProtoDstOpts = 60;
inline constexpr std::uint8_t kIpProtoMobility = 135;

// Short name as Wireshark prints it ("UDP"), or empty when unknown.
std::string_view ipProtocolName(std::uint8_t protocol);

}  // namespace rs::inet
