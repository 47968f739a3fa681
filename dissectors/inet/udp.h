// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UDP (RFC 768): view, builder with the pseudo-header checksum, and the table
// that picks a payload dissector by port.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/dispatch.h"

namespace rs::inet {

inline constexpr std::size_t kUdpHeaderLength = 8;

struct UdpHeader {
  std::uint16_t sourcePort = 0;
  std::uint16_t destinationPort = 0;
  std::uint16_t length = 0;  // header + payload
  std::uint16_t checksum = 0;
  ByteView payload;          // length - 8 bytes
};

// nullopt when shorter than 8 bytes or when the length field is < 8 or exceeds the data.
std::optional<UdpHeader> parseUdp(ByteView datagram);

// UDP over IPv4 / IPv6 with the checksum over the pseudo header. A computed
// checksum of 0 is sent as 0xffff (RFC 768: 0 means "no checksum").
Bytes buildUdp(std::uint32_t sourceIp, std::uint32_t destinationIp, std::uint16_t sourcePort,
               std::uint16_t destinationPort, ByteView payload);
Bytes buildUdpV6(ByteView sourceIp, ByteView destinationIp, std::uint16_t sourcePort, std::uint16_t destinationPort,
                 ByteView payload);

// A payload dissector for a well-known UDP port. Dissectors of later protocols
// (RADIUS, Mobile IP, ISAKMP) add a row to the table in udp_ports.cpp.
using PayloadDissector = void (*)(const PayloadContext&, Dissection&);
struct UdpPortEntry {
  std::uint16_t port;
  PayloadDissector dissect;
};
std::span<const UdpPortEntry> udpPortTable();
// The dissector for the destination port, else for the source port, else nullptr.
// Ports registered with registerUdpDecodeAs take precedence over the table.
PayloadDissector udpPayloadDissector(std::uint16_t sourcePort, std::uint16_t destinationPort);

// Wireshark's "Decode As" for UDP ports: the payload of `port` goes to the
// dissector named `dissectorName` ("radius") whatever the table says. The
// setting is process-wide and must be made before an analysis starts (the CLI
// applies its --decode-as options while parsing its arguments); changing it
// while frames are being dissected on another thread is not supported.
// False when the name is not a UDP payload dissector RoamScope has.
bool registerUdpDecodeAs(std::uint16_t port, std::string_view dissectorName);
void clearUdpDecodeAs();
// The Decode As choice for the destination port, else the source port, else nullptr.
PayloadDissector udpDecodeAsDissector(std::uint16_t sourcePort, std::uint16_t destinationPort);
// The ports currently decoded as `dissectorName`.
std::vector<std::uint16_t> udpDecodeAsPorts(std::string_view dissectorName);
// Names accepted by registerUdpDecodeAs.
std::vector<std::string_view> udpDissectorNames();
// Applies a Wireshark -d specification, "udp.port==11812,radius". False with
// `error` ("expected udp.port==PORT,PROTOCOL") on bad syntax, a port outside
// 1-65535 or an unknown protocol.
bool applyUdpDecodeAs(std::string_view spec, std::string& error);

}  // namespace rs::inet
