// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How one AAA exchange of the Home Agent ended, and what the Mobile IP layer
// makes of it: an Access-Reject denies the registration with code 131
// ("mobile node failed authentication", RFC 3344 3.4); a AAA server that does
// not answer is the Home Agent's own failure (code 130, "insufficient
// resources", is the nearest RFC 3344 3.4 gives; RFC 3344 lists no "AAA
// unreachable").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/secret_bytes.h"

namespace rs::aaa {

enum class AaaOutcome : std::uint8_t {
  Accepted,  // Access-Accept (with MPPE keys for an MS-CHAPv2 Access-Request; none for CHAP)
  Rejected,  // Access-Reject
  NoAnswer,  // every retransmission timed out
  Failed,    // the request could not be built, or the reply was unusable (says why)
};
std::string_view aaaOutcomeName(AaaOutcome outcome);

inline constexpr std::uint8_t kRegistrationDeniedMnFailedAuthentication = 131;  // RFC 3344 3.4
inline constexpr std::uint8_t kRegistrationDeniedInsufficientResources = 130;   // RFC 3344 3.4
// The Registration Reply code for a Mobile Node its AAA server rejected: 131.
constexpr std::uint8_t registrationCodeForAaaReject() { return kRegistrationDeniedMnFailedAuthentication; }
// nullopt for Accepted (the Home Agent goes on), else the Registration Reply code.
std::optional<std::uint8_t> registrationDenialCode(AaaOutcome outcome);

struct AaaResult {
  std::uint64_t ticket = 0;  // as returned when the request started
  AaaOutcome outcome = AaaOutcome::Failed;
  bool statusServer = false;  // a Status-Server probe, not an Access-Request
  std::string userName;
  std::uint8_t identifier = 0;
  unsigned attempts = 0;  // transmissions, the first one included
  // Access-Accept of an MS-CHAPv2 Access-Request: the decrypted keys and x'' = Recv-Key || Send-Key.
  crypto::SecretBytes mppeSendKey;
  crypto::SecretBytes mppeRecvKey;
  crypto::SecretBytes keyMaterial;
  std::string authenticatorResponse;               // "S=..." of MS-CHAP2-Success (not secret)
  std::optional<bool> authenticatorResponseValid;  // checked when the request knew the password
  bool messageAuthenticatorPresent = false;        // the reply carried a valid one (FreeRADIUS 3.2.1 sends none)
  std::string msChapError;                         // Access-Reject: "E=691 R=1 ..."
  std::optional<unsigned> msChapErrorCode;         // 691
  std::string detail;                              // NoAnswer / Failed: why, in words
};

}  // namespace rs::aaa
