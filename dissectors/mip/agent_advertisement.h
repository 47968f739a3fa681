// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Agent discovery (RFC 3344 2): an Agent Advertisement is an ICMP Router
// Advertisement (RFC 1256, type 9) followed by the Mobility Agent
// Advertisement extension (type 16) and optionally the Prefix-Lengths
// extension (type 19); an Agent Solicitation is an ICMP Router Solicitation
// (type 10). Builders for the emulator, and the describe step the ICMP
// dissector calls for type 9 (fields named as Wireshark names them: icmp.num_addrs,
// icmp.router_address, icmp.mip.*).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs::mip {

inline constexpr std::uint8_t kIcmpRouterAdvertisement = 9;  // RFC 1256 3.1
inline constexpr std::uint8_t kIcmpRouterSolicitation = 10;  // RFC 1256 3.2

namespace adv_ext {
inline constexpr std::uint8_t kPadding = 0;                // RFC 3344 2.1.3: a single octet
inline constexpr std::uint8_t kMobilityAgent = 16;         // RFC 3344 2.1.1
inline constexpr std::uint8_t kPrefixLengths = 19;         // RFC 3344 2.1.2
inline constexpr std::uint8_t kChallenge = 24;             // RFC 3012 2: the foreign agent's challenge
}  // namespace adv_ext

// Mobility Agent Advertisement flags as one 16-bit field: RFC 3344 2.1.1
// R B H F M G r T, then U (RFC 3519) and X (RFC 3543); the rest reserved.
namespace adv_flag {
inline constexpr std::uint16_t kRegistrationRequired = 0x8000;  // R
inline constexpr std::uint16_t kBusy = 0x4000;                  // B
inline constexpr std::uint16_t kHomeAgent = 0x2000;             // H
inline constexpr std::uint16_t kForeignAgent = 0x1000;          // F
inline constexpr std::uint16_t kMinimalEncapsulation = 0x0800;  // M
inline constexpr std::uint16_t kGre = 0x0400;                   // G
inline constexpr std::uint16_t kVanJacobson = 0x0200;           // r (formerly V)
inline constexpr std::uint16_t kReverseTunnel = 0x0100;         // T
inline constexpr std::uint16_t kUdpTunnel = 0x0080;             // U
inline constexpr std::uint16_t kRevocation = 0x0040;            // X
inline constexpr std::uint16_t kReservedMask = 0x003f;
}  // namespace adv_flag

struct MobilityAgentAdvertisement {
  std::uint16_t sequence = 0;
  std::uint16_t registrationLifetime = 0;  // seconds; 0xffff = infinite
  std::uint16_t flags = 0;                 // adv_flag::k...
  std::vector<std::uint32_t> careOfAddresses;  // host order
};

struct RouterAddress {
  std::uint32_t address = 0;  // host order
  std::int32_t preference = 0;
};

// The extension bytes (type, length, data).
Bytes buildMobilityAgentExtension(const MobilityAgentAdvertisement& a);
// nullopt when more than 255 prefix lengths.
std::optional<Bytes> buildPrefixLengthsExtension(const std::vector<std::uint8_t>& prefixLengths);

// RFC 3012 2: the Challenge extension; nullopt when the challenge is empty or over 255 octets.
std::optional<Bytes> buildChallengeExtension(ByteView challenge);

// A whole ICMP Router Advertisement with the checksum: code 0 (or 16, "does
// not route common traffic", for an agent that is not a router), lifetime in
// seconds, the router addresses (entry size 2), then `extensions` as built above.
Bytes buildAgentAdvertisement(std::uint8_t code, std::uint16_t lifetime, const std::vector<RouterAddress>& routers,
                              ByteView extensions);
// ICMP Router Solicitation (type 10, code 0, 4 reserved octets).
Bytes buildAgentSolicitation();

// What a mobile node needs of a received Agent Advertisement (RFC 3344 2.4.2).
struct ParsedAgentAdvertisement {
  std::uint16_t lifetime = 0;                // of the advertisement, seconds
  std::vector<RouterAddress> routers;
  MobilityAgentAdvertisement mobility;
  std::optional<std::uint8_t> prefixLength;  // of the first router address, from the Prefix-Lengths extension
  Bytes challenge;                           // RFC 3012 2: the foreign agent's latest challenge; empty: none
};
// nullopt unless `icmp` is a Router Advertisement with entry size 2 and a
// Mobility Agent Advertisement extension that fits (the checksum is not checked here).
std::optional<ParsedAgentAdvertisement> parseAgentAdvertisement(ByteView icmp);

// Adds the router advertisement body (from the octet after the checksum) and
// its mobility extensions to `icmp`; `base` is the ICMP header's offset in
// `frame`. Marks malformed on `icmp` where an extension breaks. Address
// entries of another size than 2 words (RFC 1256's only one) end the
// description there, as in tshark.
void describeRouterAdvertisement(Field& icmp, ByteView frame, std::size_t base, Dissection& out);

}  // namespace rs::mip
