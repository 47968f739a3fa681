// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TCP segment header (RFC 9293 3.1): view and builder. Summaries only; no
// stream reassembly.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"

namespace rs::inet {

inline constexpr std::size_t kTcpMinHeaderLength = 20;

namespace tcpflag {
inline constexpr std::uint16_t kFin = 0x001;
inline constexpr std::uint16_t kSyn = 0x002;
inline constexpr std::uint16_t kRst = 0x004;
inline constexpr std::uint16_t kPsh = 0x008;
inline constexpr std::uint16_t kAck = 0x010;
inline constexpr std::uint16_t kUrg = 0x020;
inline constexpr std::uint16_t kEce = 0x040;
inline constexpr std::uint16_t kCwr = 0x080;
inline constexpr std::uint16_t kAe = 0x100;  // accurate ECN (formerly NS, RFC 3540)
}  // namespace tcpflag

struct TcpHeader {
  std::uint16_t sourcePort = 0;
  std::uint16_t destinationPort = 0;
  std::uint32_t sequence = 0;
  std::uint32_t acknowledgment = 0;
  std::uint8_t headerLength = 20;  // bytes (data offset * 4)
  std::uint16_t flags = 0;         // 12 bits: 3 reserved, AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN
  std::uint16_t window = 0;
  std::uint16_t checksum = 0;
  std::uint16_t urgentPointer = 0;
  ByteView options;
  ByteView payload;
};

// nullopt when the fixed header is truncated or 20 <= data offset * 4 <= size fails.
std::optional<TcpHeader> parseTcp(ByteView segment);

struct TcpFields {
  std::uint16_t sourcePort = 0;
  std::uint16_t destinationPort = 0;
  std::uint32_t sequence = 0;
  std::uint32_t acknowledgment = 0;
  std::uint16_t flags = 0;
  std::uint16_t window = 65535;
  std::uint16_t urgentPointer = 0;
  Bytes options;  // padded with zeros (EOL) to a multiple of 4
};
// A segment over IPv4 with its pseudo-header checksum.
Bytes buildTcp(std::uint32_t sourceIp, std::uint32_t destinationIp, const TcpFields& fields, ByteView payload);

}  // namespace rs::inet
