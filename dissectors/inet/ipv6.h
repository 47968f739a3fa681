// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IPv6 header (RFC 8200) with extension headers skipped to the upper layer.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"

namespace rs::inet {

inline constexpr std::size_t kIpv6HeaderLength = 40;

struct Ipv6Header {
  std::uint8_t trafficClass = 0;
  std::uint32_t flowLabel = 0;
  std::uint16_t payloadLength = 0;
  std::uint8_t nextHeader = 0;  // the fixed header's Next Header
  std::uint8_t hopLimit = 0;
  ByteView source;       // 16 bytes
  ByteView destination;  // 16 bytes
  // After the extension headers (RFC 8200 4.1 order is not enforced).
  std::uint8_t upperProtocol = 0;
  std::size_t upperOffset = kIpv6HeaderLength;  // relative to the packet start
  ByteView upperPayload;
  bool fragment = false;  // a Fragment header was crossed
  std::uint16_t fragmentOffset = 0;  // in 8-byte units
};

// Extension headers that use the generic (next header, length) layout, plus
// the fixed 8-byte Fragment header and AH (RFC 4302, length in 4-byte units).
bool isIpv6ExtensionHeader(std::uint8_t nextHeader);

// nullopt unless version is 6 and the fixed header, payload length and every
// extension header fit in the data.
std::optional<Ipv6Header> parseIpv6(ByteView packet);

struct Ipv6Fields {
  std::uint8_t trafficClass = 0;
  std::uint32_t flowLabel = 0;
  std::uint8_t nextHeader = 0;
  std::uint8_t hopLimit = 64;
  std::array<std::uint8_t, 16> source{};
  std::array<std::uint8_t, 16> destination{};
};
Bytes buildIpv6(const Ipv6Fields& fields, ByteView payload);

}  // namespace rs::inet
