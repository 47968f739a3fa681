// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// IEEE 802.11r Fast BSS Transition key hierarchy (IEEE 802.11-2016 12.7.1.7):
// XXKey -> PMK-R0 (R0KH) -> PMK-R1 (R1KH, one per AP) -> PTK.
// Hash and Q follow the AKM: SHA-256 / Q = 256 for AKMs 3, 4, 9; SHA-384 / Q = 384
// for AKM 13.
#include "core/crypto/ptk_derivation.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

struct PmkR0 {
  SecretBytes pmkR0;
  Bytes pmkR0Name;  // 16 octets
};

struct PmkR1 {
  SecretBytes pmkR1;
  Bytes pmkR1Name;  // 16 octets
};

struct FtPtk {
  Ptk ptk;
  Bytes ptkName;  // 16 octets
};

// 12.7.1.7.3: XXKey for FT-802.1X (AKM 3) is the second 256 bits of the MSK,
// L(MSK, 256, 256); for AKM 13 the first 384 bits of the MSK. (FT-PSK uses the PSK
// and FT-SAE the PMK directly as XXKey.)
Result<SecretBytes> xxKeyFromMsk(int akm, ByteView msk);

// 12.7.1.7.3:
//   R0-Key-Data = KDF-Hash-Length(XXKey, "FT-R0",
//                   SSIDlength || SSID || MDID || R0KHlength || R0KH-ID || S0KH-ID),
//   Length = Q + 128
//   PMK-R0 = L(R0-Key-Data, 0, Q);  PMK-R0Name-Salt = L(R0-Key-Data, Q, 128)
//   PMKR0Name = Truncate-128(Hash("FT-R0N" || PMK-R0Name-Salt))
// `mdid` is the 2-octet MDID as carried in the MDE; R0KH-ID is 1..48 octets;
// S0KH-ID is the STA address.
Result<PmkR0> derivePmkR0(int akm, ByteView xxKey, ByteView ssid, ByteView mdid, ByteView r0khId,
                          MacAddress s0khId);

// 12.7.1.7.4:
//   PMK-R1 = KDF-Hash-Length(PMK-R0, "FT-R1", R1KH-ID || S1KH-ID), Length = Q
//   PMKR1Name = Truncate-128(Hash("FT-R1N" || PMKR0Name || R1KH-ID || S1KH-ID))
Result<PmkR1> derivePmkR1(int akm, ByteView pmkR0, ByteView pmkR0Name, MacAddress r1khId, MacAddress s1khId);

// 12.7.1.7.5:
//   PTK = KDF-Hash-Length(PMK-R1, "FT-PTK", SNonce || ANonce || BSSID || STA-ADDR)
//   PTKName = Truncate-128(Hash(PMKR1Name || "FT-PTKN" || SNonce || ANonce || BSSID || STA-ADDR))
// Length = KCK + KEK + TK bits (KCK/KEK 128 each with SHA-256, 192/256 with SHA-384).
Result<FtPtk> derivePtkFt(int akm, ByteView pmkR1, ByteView pmkR1Name, ByteView snonce, ByteView anonce,
                          MacAddress bssid, MacAddress staAddress, int cipher);

}  // namespace rs::crypto
