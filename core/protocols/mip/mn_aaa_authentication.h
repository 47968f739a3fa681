// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RFC 3012 for a registration relayed by a foreign agent that advertises
// challenges: the mobile node echoes the FA's challenge in an MN-FA Challenge
// extension (type 132) after its Mobile-Home Authentication Extension, then
// proves its identity to the FA's AAA server with the MN-AAA Authentication
// extension (type 36, subtype 1). With SPI CHAP_SPI the authenticator is a CHAP
// response (RFC 1994) a RADIUS server can check (RFC 3012 8):
//
//   ident         = the challenge's high-order (first) octet
//   CHAP-Challenge = MD5(preceding Mobile IP data || Type, Subtype, Length, SPI)
//                    || the challenge's least-order 237 octets (all of it when shorter)
//   authenticator = MD5(ident || password || CHAP-Challenge)
//
// where the preceding data is the UDP payload before the MN-AAA extension (the
// request, the MHAE and the MN-FA Challenge extension). "Least-order 237
// octets" of a shorter challenge is read as the whole challenge: RFC 3012 does
// not say otherwise, and it keeps a 16-octet challenge's every bit in the hash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {

inline constexpr std::uint32_t kChapSpi = 2;                // RFC 3012 9: CHAP_SPI
inline constexpr std::size_t kFaChallengeLength = 16;       // RoamScope's FAs; RFC 3012 2 asks for at least 4
inline constexpr std::size_t kMnAaaAuthenticatorLength = 16;  // an MD5 digest

// The foreign agent's denials for a challenge it cannot accept (RFC 3012 3.2); each hands the mobile a new one.
namespace challenge_code {
inline constexpr std::uint8_t kUnknown = 104;
inline constexpr std::uint8_t kMissing = 105;
inline constexpr std::uint8_t kStale = 106;
}  // namespace challenge_code
constexpr bool isChallengeDenial(std::uint8_t code) {
  return code == challenge_code::kUnknown || code == challenge_code::kMissing || code == challenge_code::kStale;
}

// What RFC 3012 8 gives a CHAP verifier.
struct MnAaaChapInput {
  std::uint8_t ident = 0;
  Bytes challenge;  // the CHAP-Challenge: 16 + min(237, challenge length) octets
};

// The CHAP input for the MN-AAA extension whose type octet is at `extensionOffset` of `message` (its header and SPI
// must be there). Malformed when the message is too short or `mnFaChallenge` is empty.
crypto::Result<MnAaaChapInput> mnAaaChapInput(ByteView message, std::size_t extensionOffset, ByteView mnFaChallenge);

// Appends the MN-FA Challenge and the MN-AAA Authentication (CHAP_SPI) extensions to a built request and signs the
// latter with `password` (the MN-AAA shared secret: the user's password at the AAA server).
crypto::Result<Bytes> appendMnAaaAuthentication(Bytes request, ByteView mnFaChallenge, std::string_view password);

// The foreign agent's view of a request: the MN-FA challenge it carries and, when an MN-AAA extension follows it,
// what to ask the AAA server.
struct MnAaaCredentials {
  Bytes mnFaChallenge;                    // empty: no MN-FA Challenge extension
  std::optional<std::uint32_t> spi;       // of the MN-AAA extension after the challenge, if any
  Bytes authenticator;                    // its authenticator
  std::optional<MnAaaChapInput> chap;     // when spi == kChapSpi and the authenticator has 16 octets
};
MnAaaCredentials mnAaaCredentials(const Message& request);

}  // namespace rs::mip
