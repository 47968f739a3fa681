// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EAPOL-Key frame MIC (IEEE 802.11-2016 12.7.2, Table 12-8/12-9 and 12.7.3).
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// Offset of the Key MIC field in an EAPOL-Key frame that starts with the 4-octet
// EAPOL header: 4 + descriptor type 1 + key info 2 + key length 2 + replay counter 8
// + nonce 32 + IV 16 + RSC 8 + reserved 8.
inline constexpr std::size_t kEapolKeyMicOffset = 81;

// MIC length for an AKM (16, or 24 for AKMs 12 and 13); 16 for unknown AKMs.
std::size_t eapolMicLength(int akm);

// The MIC over a whole EAPOL frame (EAPOL header through key data) whose MIC field
// the caller has zeroed:
//   AKMs 3-6, 8, 9 or descriptor version 3: AES-128-CMAC(KCK, frame)
//   AKM 11: Truncate-128(HMAC-SHA-256(KCK, frame)); AKMs 12, 13: Truncate-192(HMAC-SHA-384)
//   otherwise version 1: HMAC-MD5(KCK, frame); version 2: Truncate-128(HMAC-SHA-1(KCK, frame))
Result<Bytes> eapolKeyMic(int akm, int keyDescriptorVersion, ByteView kck, ByteView frameWithZeroMic);

// Recomputes the MIC and compares it with `receivedMic` in constant time.
// true = verified, false = mismatch; an Error when it could not be computed.
Result<bool> verifyEapolKeyMic(int akm, int keyDescriptorVersion, ByteView kck, ByteView frameWithZeroMic,
                               ByteView receivedMic);

// Convenience for a frame as captured: takes the MIC from offset 81, zeroes it in a
// copy and verifies. Malformed when the frame is too short to hold a MIC.
Result<bool> verifyEapolKeyFrame(int akm, int keyDescriptorVersion, ByteView kck, ByteView eapolFrame);

}  // namespace rs::crypto
