// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// TKIP (IEEE 802.11-2016 12.5.2): per-packet key mixing, RC4 with CRC-32 ICV, and
// the Michael MIC over the MSDU. Mixing and Michael are implemented here (OpenSSL
// has neither); RC4 comes from OpenSSL's legacy provider.
#include <array>
#include <cstdint>

#include "core/crypto/ccmp.h"
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

// 12.5.2.5.2 Phase 1: TTAK = Phase1(TK, TA, IV32) (five 16-bit words), from the
// first 16 octets of the TK, the transmitter address and the high 32 bits of the TSC.
std::array<std::uint16_t, 5> tkipPhase1(ByteView tk16, MacAddress ta, std::uint32_t iv32);

// 12.5.2.5.3 Phase 2: WEP seed (the 16-octet RC4 key) = Phase2(TTAK, TK, IV16):
// RC4KEY0..2 = Hi8(IV16), (Hi8(IV16) | 0x20) & 0x7f, Lo8(IV16); RC4KEY3 =
// Lo8((PPK5 ^ Mk16(TK1, TK0)) >> 1); RC4KEY4..15 = PPK0..PPK5 little-endian.
std::array<std::uint8_t, 16> tkipPhase2(ByteView tk16, const std::array<std::uint16_t, 5>& ttak, std::uint16_t iv16);

// CRC-32 (IEEE 802.3 polynomial) as used for the WEP/TKIP ICV.
std::uint32_t crc32Ieee(ByteView data);

// Which Michael key protects the frame (12.7.1.3: TK bits 128-191 are the Michael
// key for frames the Authenticator sends, bits 192-255 for frames the Supplicant
// sends). FromFrameControl decides from the DS bits (From DS: AP sent it; To DS: STA
// sent it); pass the role explicitly for IBSS/WDS frames.
enum class TkipMichaelKey { FromFrameControl, AuthenticatorTx, SupplicantTx };

enum class MichaelCheck { Verified, NotCheckedFragment };

struct TkipDecrypted : DecryptedMpdu {
  // Verified: MSDU MIC checked and removed from `plaintext`. NotCheckedFragment: the
  // MPDU is one fragment of an MSDU, so `plaintext` still holds what belongs to the
  // MSDU (the MIC may span fragments) and Michael could not be checked here.
  MichaelCheck michael = MichaelCheck::NotCheckedFragment;
};

// Decrypts MAC header || IV/KeyID (4) || Extended IV (4) || RC4(data || ICV) with a
// 32-octet TKIP TK. IcvFailure when the ICV does not match (wrong key / corrupted),
// MichaelFailure when the ICV matches but the MSDU's Michael MIC does not (the
// event that triggers TKIP countermeasures).
Result<TkipDecrypted> tkipDecrypt(ByteView tk, ByteView mpdu, TkipMichaelKey key = TkipMichaelKey::FromFrameControl);

// Protects a single-fragment MSDU: appends the Michael MIC, the ICV, encrypts, and
// returns header (Protected set) || IV || Extended IV || ciphertext.
Result<Bytes> tkipEncrypt(ByteView tk, ByteView header, std::uint64_t tsc, ByteView msduData, std::uint8_t keyId = 0,
                          TkipMichaelKey key = TkipMichaelKey::FromFrameControl);

}  // namespace rs::crypto
