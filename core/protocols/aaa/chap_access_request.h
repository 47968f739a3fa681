// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An Access-Request carrying a CHAP-MD5 response (RFC 1994 4.1) for the AAA
// server to check: how a Mobile IP Foreign Agent verifies the RFC 3012
// MN-AAA authenticator of SPI CHAP_SPI (2), which is a CHAP response over
// the agent's challenge.
//
//   User-Name              the Mobile Node's NAI
//   CHAP-Password          17 octets: CHAP Ident | Response(16) (RFC 2865 5.3)
//   CHAP-Challenge         the challenge, 5..253 octets (RFC 2865 5.40), always
//                          sent: the Request Authenticator stays random, and a
//                          proxy, which must replace it, leaves the challenge intact
//   NAS-IP-Address / NAS-Identifier   who asks (RFC 2865 4.1: at least one)
//   Message-Authenticator  HMAC-MD5 over the packet (RFC 3579 3.2), always sent
//
// Nothing in it is hidden with the shared secret: the response is a hash of
// the password already, so a CHAP Access-Accept has no key material either.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "core/protocols/aaa/radius_request_parts.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

// RFC 1994 CHAP as RADIUS carries it (RFC 2865 5.3 / 5.40).
struct ChapResponse {
  std::string userName;    // User-Name
  std::uint8_t ident = 0;  // CHAP Identifier: first octet of CHAP-Password
  Bytes response;          // 16 octets, MD5(ident || password || challenge)
  Bytes challenge;         // CHAP-Challenge value, 5..253 octets (RFC 2865 5.40 Length >= 7)
};
inline constexpr std::size_t kChapResponseLength = 16;
inline constexpr std::size_t kChapPasswordLength = 1 + kChapResponseLength;  // RFC 2865 5.3: Length 19
inline constexpr std::size_t kMinChapChallengeLength = 5;                    // RFC 2865 5.40: Length >= 7

// The peer's side: response = chapMd5Response(ident, password, challenge).
// InvalidArgument for a challenge outside 5..253 octets.
crypto::Result<ChapResponse> computeChapResponse(std::string userName, std::uint8_t ident, std::string_view password,
                                                 ByteView challenge);

// CHAP-Password value (Ident | Response) and back; nullopt unless exactly 17 octets.
Bytes encodeChapPassword(std::uint8_t ident, ByteView response);
struct ChapPasswordFields {
  std::uint8_t ident = 0;
  ByteView response;  // 16
};
std::optional<ChapPasswordFields> parseChapPassword(ByteView value);

// The signed Access-Request. InvalidArgument when the response is not 16
// octets, the challenge not 5..253, the authenticator not 16, the user name
// empty or longer than 253 octets, or the NAS identity empty.
crypto::Result<Bytes> buildChapAccessRequest(std::uint8_t identifier, ByteView requestAuthenticator,
                                             const ChapResponse& response, const NasIdentity& nas, ByteView secret);

}  // namespace rs::aaa
