// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keys of the seed-000 fast re-association (docs/protocols/seed-000.md): the
// PTK established before re-association, its identifier PTKID, the MIC of the
// three re-association messages and the key-wrapped GTK of message 2.
#include <cstddef>
#include <string_view>

#include "core/crypto/ptk_derivation.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto::seed000 {

// Labels of the two derivations; distinct from IEEE 802.11's "Pairwise key
// expansion" so a seed-000 PTK never equals the PTK of a plain 4-way handshake
// under the same PMK and nonces (key separation).
inline constexpr std::string_view kPtkLabel = "RoamScope seed-000 PTK";
inline constexpr std::string_view kPtkIdLabel = "RoamScope seed-000 PTKID";

inline constexpr std::size_t kKckBytes = 16;
inline constexpr std::size_t kKekBytes = 16;
inline constexpr std::size_t kTkBytes = 16;  // CCMP-128, the only pairwise cipher the format negotiates today
inline constexpr std::size_t kNonceBytes = 32;
inline constexpr std::size_t kPtkIdBytes = 16;
inline constexpr std::size_t kMicBytes = 16;

// PTK established before re-association (seed claims 3 and 8), with the
// IEEE 802.11-2016 12.7.1.7.2 KDF:
//   PTK = KDF-SHA-256-384(PMK, "RoamScope seed-000 PTK",
//                         Min(AA,SPA) || Max(AA,SPA) || Min(ANonce,SNonce) || Max(ANonce,SNonce))
//   KCK = L(PTK, 0, 128), KEK = L(PTK, 128, 128), TK = L(PTK, 256, 128)
// AA is the target AP's BSSID, SPA the station; ANonce/SNonce are the nonces of
// the 4-way handshake run through the current AP before re-association.
// PMK of 32 octets; nonces of 32 octets.
Result<Ptk> derivePtk(ByteView pmk, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce);

// PTKID names the PTKSA both sides hold (like the PMKID of 12.7.1.3, keyed
// with the KCK so that only a holder of the PTK can produce it):
//   PTKID = Truncate-128(HMAC-SHA-256(KCK, "RoamScope seed-000 PTKID" || AA || SPA || ANonce || SNonce))
Result<Bytes> ptkId(ByteView kck, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce);

// MIC of the three re-association messages:
//   MIC = AES-128-CMAC(KCK, SPA || BSSID || Action body (Category .. MIC with the MIC field zeroed))
// The MIC is the last 16 octets of the action body; this function zeroes them in
// a copy, so `actionBody` may be passed as sent. Malformed when shorter than a MIC.
Result<Bytes> messageMic(ByteView kck, MacAddress spa, MacAddress bssid, ByteView actionBody);

// Recomputes the MIC and compares it in constant time with the body's last 16 octets.
Result<bool> verifyMessageMic(ByteView kck, MacAddress spa, MacAddress bssid, ByteView actionBody);

// GTK protection in message 2: RFC 3394 AES key wrap with the KEK. The GTK is a
// multiple of 8 octets and at least 16 (CCMP-128: 16, TKIP: 32); the result is
// 8 octets longer.
Result<Bytes> wrapGtk(ByteView kek, ByteView gtk);
// IntegrityFailure when the KEK is wrong or the wrapped key was altered.
Result<SecretBytes> unwrapGtk(ByteView kek, ByteView wrappedGtk);

}  // namespace rs::crypto::seed000
