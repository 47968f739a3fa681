// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The AAA server's answers to the Home Agent's MS-CHAPv2 Access-Request, in
// the attribute order FreeRADIUS 3.2's mschap module uses
// (../shared/fixtures/peers/radius-mschapv2.pcap), and their checks on the
// Home Agent's side:
//
//   Access-Accept: [Message-Authenticator] MS-CHAP2-Success (Ident | "S=" 40 hex, RFC 2548 2.3.3)
//                  MS-MPPE-Recv-Key  MS-MPPE-Send-Key (Salt | salt-encrypted key, RFC 2548 2.4.2/2.4.3)
//                  MS-MPPE-Encryption-Policy = 1 (allowed)  MS-MPPE-Encryption-Types = 6 (RC4 40/128)
//   Access-Reject: [Message-Authenticator] MS-CHAP-Error (Ident | "E=691 R=1 C=<new challenge> V=3 M=...",
//                  RFC 2548 2.1.5, RFC 2759 6)
//   Status-Server answer (RFC 5997 3): Access-Accept, [Message-Authenticator]
//
// FreeRADIUS 3.2.1 sends no Message-Authenticator in these replies; RoamScope's
// server puts one first by default (RFC 3579 3.2 allows it in any reply, and a
// client that checks it is safe from forged replies, the "BlastRADIUS" attack).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/result.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/protocols/wlan/radius_replies.h"
#include "dissectors/common/bytes.h"

namespace rs::aaa {

using wlan::MppeSalts;
using wlan::RadiusReplyContext;

inline constexpr std::uint32_t kMppeEncryptionPolicyAllowed = 1;  // RFC 2548 2.4.4
inline constexpr std::uint32_t kMppeEncryptionTypesRc4_40_128 = 6;  // RFC 2548 2.4.5: 40- and 128-bit
inline constexpr unsigned kMsChapErrorAuthenticationFailure = 691;  // RFC 2759 6 ERROR_AUTHENTICATION_FAILURE

// `authenticatorResponse` is "S=" + 40 hex digits (RFC 2759 8.7).
crypto::Result<Bytes> buildMsChapAccept(const RadiusReplyContext& request, std::uint8_t ident,
                                        std::string_view authenticatorResponse, const MppeKeys& keys,
                                        const MppeSalts& salts, bool withMessageAuthenticator);
// `errorText` is the MS-CHAP-Error text after the Ident octet ("E=691 R=1 C=... V=3 M=...").
crypto::Result<Bytes> buildMsChapReject(const RadiusReplyContext& request, std::uint8_t ident,
                                        std::string_view errorText, bool withMessageAuthenticator);
// RFC 2759 6 failure packet text: "E=691 R=1 C=<32 hex digits> V=3 M=Authentication rejected".
std::string msChapFailureText(unsigned errorCode, ByteView newChallenge);
crypto::Result<Bytes> buildStatusServerAccept(const RadiusReplyContext& request, bool withMessageAuthenticator);
// A reply with no attributes of its own, as FreeRADIUS 3.2's chap module
// answers a CHAP Access-Request: Access-Accept or Access-Reject, [Message-Authenticator], Proxy-States.
crypto::Result<Bytes> buildPlainReply(std::uint8_t code, const RadiusReplyContext& request,
                                      bool withMessageAuthenticator);

// What the Home Agent takes from a verified reply.
struct MsChapAccessReply {
  std::uint8_t code = 0;
  std::uint8_t identifier = 0;
  bool messageAuthenticatorPresent = false;  // and valid: an invalid one is an error
  std::optional<std::uint8_t> chapIdent;     // of MS-CHAP2-Success or MS-CHAP-Error
  std::string authenticatorResponse;         // "S=..." from MS-CHAP2-Success
  std::string msChapError;                   // the MS-CHAP-Error text
  std::optional<MppeKeys> keys;              // Access-Accept with both MPPE keys
  std::string replyMessage;
};

// Verifies the reply against the request's authenticator and the secret and
// takes it apart. IntegrityFailure when the Response Authenticator or a present
// Message-Authenticator does not verify; Malformed for a packet that does not
// parse, an MS-MPPE key that does not decrypt, or only one of the two keys.
crypto::Result<MsChapAccessReply> parseMsChapAccessReply(ByteView reply, ByteView requestAuthenticator,
                                                         ByteView secret);

// 691 from "E=691 R=1 ..."; nullopt when the text has no E= number.
std::optional<unsigned> msChapErrorCode(std::string_view text);

}  // namespace rs::aaa
