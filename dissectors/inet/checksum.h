// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Internet checksum (RFC 1071) used by IPv4, UDP and TCP, its pseudo
// headers (RFC 768, RFC 793, RFC 8200 8.1) and the incremental update of
// RFC 1624 for rewriting one 16-bit field without re-summing a packet.
#include <cstdint>

#include "dissectors/common/bytes.h"

namespace rs::inet {

// Accumulates the one's-complement sum of 16-bit big-endian words. Data may be
// added in pieces of any length: an odd trailing byte pairs with the next piece.
class InternetChecksum {
 public:
  void add(ByteView data);
  void addU16(std::uint16_t v);
  void addU32(std::uint32_t v);
  // The folded sum complemented: the value to transmit, or 0 when verifying a
  // block that already contains a correct checksum.
  std::uint16_t finish() const;

 private:
  std::uint64_t sum_ = 0;
  bool odd_ = false;  // a high byte is waiting for its low half
};

std::uint16_t internetChecksum(ByteView data);

// RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), the checksum after one 16-bit
// word changes from m to m'.
std::uint16_t updateChecksum(std::uint16_t oldChecksum, std::uint16_t oldWord, std::uint16_t newWord);

// Checksum of a UDP/TCP segment with the IPv4 pseudo header (RFC 768, RFC 793 3.1).
// Over a segment whose checksum field holds the transmitted value, 0 means valid.
std::uint16_t transportChecksumV4(std::uint32_t src, std::uint32_t dst, std::uint8_t protocol, ByteView segment);
// The same with the IPv6 pseudo header (RFC 8200 8.1); src/dst are 16 bytes.
std::uint16_t transportChecksumV6(ByteView src, ByteView dst, std::uint8_t nextHeader, ByteView segment);

// Wireshark's checksum status values (ip.checksum.status, udp.checksum.status, ...).
enum class ChecksumStatus : std::uint8_t { Bad = 0, Good = 1, Unverified = 2, NotPresent = 3 };

}  // namespace rs::inet
