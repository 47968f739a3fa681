// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IPv4 header (RFC 791): zero-copy view and builder with the header checksum.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"

namespace rs::inet {

inline constexpr std::size_t kIpv4MinHeaderLength = 20;

struct Ipv4Header {
  std::uint8_t version = 4;
  std::uint8_t headerLength = 20;  // bytes (IHL * 4)
  std::uint8_t dsfield = 0;        // DSCP << 2 | ECN (RFC 2474, RFC 3168)
  std::uint16_t totalLength = 0;
  std::uint16_t identification = 0;
  std::uint8_t flags = 0;          // 3 bits: reserved, DF, MF
  std::uint16_t fragmentOffset = 0;  // in 8-byte units, as on the wire
  std::uint8_t ttl = 0;
  std::uint8_t protocol = 0;
  std::uint16_t checksum = 0;
  std::uint32_t source = 0;
  std::uint32_t destination = 0;
  ByteView options;
  ByteView header;   // headerLength bytes
  ByteView payload;  // up to totalLength (link-layer padding excluded)
  bool checksumValid = false;

  bool dontFragment() const { return flags & 0x2; }
  bool moreFragments() const { return flags & 0x1; }
  bool isFragment() const { return moreFragments() || fragmentOffset != 0; }
};

// nullopt unless version is 4, 20 <= IHL*4 <= total length <= data size.
std::optional<Ipv4Header> parseIpv4(ByteView packet);

struct Ipv4Fields {
  std::uint8_t dsfield = 0;
  std::uint16_t identification = 0;
  bool dontFragment = false;
  std::uint8_t ttl = 64;
  std::uint8_t protocol = 0;
  std::uint32_t source = 0;
  std::uint32_t destination = 0;
};
// A 20-byte header (no options) with its checksum, followed by the payload.
Bytes buildIpv4(const Ipv4Fields& fields, ByteView payload);

}  // namespace rs::inet
