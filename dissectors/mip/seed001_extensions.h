// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The seed-001 registration extensions (docs/protocols/seed-001.md): Critical
// Vendor/Organization Specific Extensions (RFC 3115 2, type 38) under IANA
// enterprise number 32473 (RFC 5612, documentation use). Critical, because an
// HA that ignored them would answer a dynamic-key request without deriving the
// keys the MN then expects (RFC 3115: an unknown CVSE makes the receiver reject).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/mip_build.h"

namespace rs::mip::seed001 {

inline constexpr std::uint32_t kVendorId = 32473;

// Vendor-CVSE-Type values.
namespace vtype {
inline constexpr std::uint16_t kSkey = 1;                    // session key Skey: SPI, algorithm, replay
inline constexpr std::uint16_t kSkeyPrime = 2;               // derived session key Skey': same layout
inline constexpr std::uint16_t kAuthenticatorChallenge = 3;  // MS-CHAPv2 challenge the MN makes for the NAS (16)
inline constexpr std::uint16_t kPeerChallenge = 4;           // MS-CHAPv2 peer challenge (16)
inline constexpr std::uint16_t kNtResponse = 5;              // MS-CHAPv2 NT-Response (24)
inline constexpr std::uint16_t kAuthProtocol = 6;            // PPP protocol (2) + algorithm (1)
inline constexpr std::uint16_t kDomainName = 7;              // Windows domain, UTF-8
inline constexpr std::uint16_t kAuthenticatorResponse = 8;   // MS-CHAPv2 "S=<40 hex>" (42), in replies
}  // namespace vtype
std::string_view vendorTypeName(std::uint16_t vendorType);  // "Skey extension"; empty if unknown

inline constexpr std::size_t kChallengeLength = 16;   // RFC 2759 4
inline constexpr std::size_t kNtResponseLength = 24;  // RFC 2759 4
inline constexpr std::size_t kKeyExtensionLength = 8;
inline constexpr std::size_t kAuthProtocolLength = 3;
inline constexpr std::size_t kAuthenticatorResponseLength = 42;

// Algorithm octet of the key extensions (RFC 3344 3.5.1 / RFC 2002 3.5.1).
namespace algorithm {
inline constexpr std::uint8_t kHmacMd5 = 1;          // RFC 3344 default
inline constexpr std::uint8_t kKeyedMd5PrefixSuffix = 2;  // RFC 2002: MD5(key || data || key)
}  // namespace algorithm
std::string_view algorithmName(std::uint8_t value);
// Replay protection octet (RFC 3344 5.7).
namespace replay {
inline constexpr std::uint8_t kTimestamps = 1;
inline constexpr std::uint8_t kNonces = 2;
}  // namespace replay
std::string_view replayMethodName(std::uint8_t value);

// PPP authentication protocol (RFC 1994 CHAP 0xC223) and algorithm (RFC 2759 2: 0x81 MS-CHAPv2),
// the data of the LCP Authentication-Protocol option.
inline constexpr std::uint16_t kPppChap = 0xc223;
inline constexpr std::uint8_t kChapMsChapV2 = 0x81;

// Skey / Skey' extension value (8 octets):
//   SPI (4) | algorithm (1) | replay method (1) | replay window in seconds (2), big-endian.
struct KeyExtension {
  std::uint32_t spi = 0;
  std::uint8_t algorithm = algorithm::kHmacMd5;
  std::uint8_t replayMethod = replay::kTimestamps;
  std::uint16_t replayWindowSeconds = 7;  // RFC 3344 5.7 suggests a tolerance of about 7 s
  bool operator==(const KeyExtension&) const = default;
};
Bytes encodeKeyExtension(const KeyExtension& k);
std::optional<KeyExtension> parseKeyExtension(ByteView value);  // nullopt unless 8 octets

struct AuthProtocol {
  std::uint16_t pppProtocol = kPppChap;
  std::uint8_t algorithm = kChapMsChapV2;
};
Bytes encodeAuthProtocol(const AuthProtocol& p);
std::optional<AuthProtocol> parseAuthProtocol(ByteView value);  // nullopt unless 3 octets

// Adds a seed-001 CVSE to a message under construction.
inline MessageBuilder& addVendor(MessageBuilder& b, std::uint16_t vendorType, ByteView value) {
  return b.addCvse(kVendorId, vendorType, value);
}
MessageBuilder& addKey(MessageBuilder& b, std::uint16_t vendorType, const KeyExtension& k);  // kSkey / kSkeyPrime

// What the HA and the AAA server need from a dynamic-key registration request.
struct MsChapV2Exchange {
  ByteView authenticatorChallenge;  // 16
  ByteView peerChallenge;           // 16
  ByteView ntResponse;              // 24
  std::string userName;             // NAI without "@realm" (seed: username from the NAI)
  std::string domain;               // empty when no domain-name extension
};
// nullopt unless the message has an NAI, both challenges and the NT-Response
// with their exact lengths.
std::optional<MsChapV2Exchange> msChapV2Exchange(const Message& m);

// The user name MS-CHAPv2 uses (RFC 2759 ChallengeHash): the NAI up to its last '@'.
std::string_view userNameFromNai(std::string_view nai);

// The bytes the peer challenge hashes (seed: "MD5 of the registration request
// after zero-filling the challenge response"): the message from its first octet
// through the end of the NT-Response extension, with the values of the
// peer-challenge and NT-Response extensions set to zeros. nullopt when either
// extension is missing, has the wrong length, or the peer challenge follows the NT-Response.
std::optional<Bytes> peerChallengeInput(ByteView message);

// Writes the peer challenge and the NT-Response into a built message that
// carries both extensions (built with zero values). False when they are
// missing or of the wrong length.
bool fillMsChapV2(Bytes& message, ByteView peerChallenge, ByteView ntResponse);

}  // namespace rs::mip::seed001
