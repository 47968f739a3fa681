// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Home Agent's Access-Request for a Mobile Node (RFC 2865 4.1) carrying
// the MS-CHAPv2 exchange the Mobile Node put in its registration request
// (seed 001, Fig. 8; RFC 2548 2.3.2 / RFC 2759 4):
//
//   User-Name            the MN's NAI (also the user name of ChallengeHash)
//   MS-CHAP-Challenge    16 octets: the authenticator challenge (RFC 2548 2.3.2 "MS-CHAP-Challenge")
//   MS-CHAP2-Response    50 octets: Ident | Flags | Peer-Challenge(16) | Reserved(8, zero) | NT-Response(24)
//   NAS-IP-Address / NAS-Identifier   who asks (RFC 2865 5.4 / 5.32: at least one is required)
//   Message-Authenticator  HMAC-MD5 over the packet (RFC 3579 3.2), always sent
//
// and the Status-Server probe of RFC 5997 (Message-Authenticator only).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "core/protocols/aaa/radius_request_parts.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

inline constexpr std::size_t kChallengeLength = 16;        // authenticator and peer challenge
inline constexpr std::size_t kChap2ResponseLength = 50;    // RFC 2548 2.3.2

// What the Mobile Node computed, as MS-CHAP2-Response and MS-CHAP-Challenge carry it.
struct MsChapV2Response {
  std::string userName;          // User-Name; ChallengeHash uses what follows a "DOMAIN\" prefix
  Bytes authenticatorChallenge;  // 16 octets
  std::uint8_t ident = 0;        // the PPP CHAP identifier echoed in MS-CHAP2-Success / -Error
  std::uint8_t flags = 0;        // RFC 2759 4: zero
  Bytes peerChallenge;           // 16 octets
  Bytes ntResponse;              // 24 octets
};

// The Mobile Node's side: NT-Response = GenerateNTResponse(...) (RFC 2759 8.1).
crypto::Result<MsChapV2Response> computeMsChapV2Response(std::string userName, std::string_view password,
                                                         ByteView authenticatorChallenge, ByteView peerChallenge,
                                                         std::uint8_t ident = 0);

// MS-CHAP2-Response value (50 octets) and back; nullopt unless exactly 50 octets.
Bytes encodeChap2Response(const MsChapV2Response& response);
struct Chap2ResponseFields {
  std::uint8_t ident = 0;
  std::uint8_t flags = 0;
  ByteView peerChallenge;  // 16
  ByteView ntResponse;     // 24
};
std::optional<Chap2ResponseFields> parseChap2Response(ByteView value);

// The signed Access-Request. InvalidArgument when a challenge, the NT-Response
// or the authenticator has the wrong size, the user name is empty or longer
// than 253 octets, or the NAS identity is empty (RFC 2865 4.1 needs one of the two).
crypto::Result<Bytes> buildMsChapAccessRequest(std::uint8_t identifier, ByteView requestAuthenticator,
                                               const MsChapV2Response& response, const NasIdentity& nas,
                                               ByteView secret);

// RFC 5997 2: Status-Server with a Message-Authenticator, nothing else needed.
crypto::Result<Bytes> buildStatusServer(std::uint8_t identifier, ByteView requestAuthenticator,
                                        const NasIdentity& nas, ByteView secret);

}  // namespace rs::aaa
