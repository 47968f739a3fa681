// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pairwise key hierarchy (IEEE 802.11-2016 12.7.1.3): PMK -> PTK = KCK || KEK || TK.
#include "core/crypto/akm_suite.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

struct Ptk {
  SecretBytes kck;  // EAPOL-Key MIC key
  SecretBytes kek;  // EAPOL-Key data encryption key
  SecretBytes tk;   // temporal key; for TKIP 32 bytes: TK(16) || Michael Tx(auth) 8 || Michael Tx(supp) 8
  SecretBytes kdk;  // key derivation key (802.11az secure LTF), empty unless requested
};

// Splits a PTK bit string into KCK || KEK || TK || KDK with the given lengths.
Ptk splitPtk(const SecretBytes& ptk, std::size_t kckBytes, std::size_t kekBytes, std::size_t tkBytes,
             std::size_t kdkBytes);

// 12.7.1.3 (and 12.7.1.2 / 12.7.1.7.2):
//   PTK = PRF-Length(PMK, "Pairwise key expansion",
//                    Min(AA,SPA) || Max(AA,SPA) || Min(ANonce,SNonce) || Max(ANonce,SNonce))
// with PRF = PRF-SHA1 for AKMs 1 and 2 (RSN and WPA1: PRF-384 for CCMP, PRF-512 for
// TKIP), KDF-SHA-256 for AKMs 5, 6, 8, 11 and KDF-SHA-384 for AKM 12; Length =
// KCK + KEK + TK (+ KDK) bits. `akm` is the suite type under 00-0F-AC (WPA1's
// 00-50-F2:1/2 pass 1/2); `cipher` is the pairwise cipher suite type (2 TKIP, 4 CCMP).
// FT AKMs (3, 4, 9, 13) are refused: their PTK comes from PMK-R1 (derivePtkFt in
// ft_key_hierarchy.h).
Result<Ptk> derivePtk(int akm, ByteView pmk, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce,
                      int cipher, std::size_t kdkBytes = 0);

}  // namespace rs::crypto
