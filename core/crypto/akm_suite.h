// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an AKM suite (IEEE 802.11-2016 Table 9-133, suite types under OUI 00-0F-AC;
// WPA1's vendor suites 00-50-F2:1/2 map to 1/2) and a cipher suite (Table 9-131)
// mean for key derivation: which KDF, how long KCK/KEK/TK are, which EAPOL MIC.
#include <cstddef>
#include <optional>

#include "core/crypto/hash_mac.h"

namespace rs::crypto {

namespace akm {
inline constexpr int Ieee8021x = 1;
inline constexpr int Psk = 2;
inline constexpr int FtIeee8021x = 3;
inline constexpr int FtPsk = 4;
inline constexpr int Ieee8021xSha256 = 5;
inline constexpr int PskSha256 = 6;
inline constexpr int Sae = 8;
inline constexpr int FtSae = 9;
inline constexpr int SuiteB = 11;
inline constexpr int SuiteB192 = 12;
inline constexpr int FtIeee8021xSha384 = 13;
}  // namespace akm

namespace cipher {
inline constexpr int Tkip = 2;
inline constexpr int Ccmp128 = 4;
inline constexpr int Gcmp128 = 8;
inline constexpr int Gcmp256 = 9;
inline constexpr int Ccmp256 = 10;
}  // namespace cipher

enum class PtkKdf { PrfSha1, KdfSha256, KdfSha384 };
// How the EAPOL-Key MIC is computed when the AKM fixes it (otherwise the key
// descriptor version decides: 1 HMAC-MD5, 2 HMAC-SHA1-128, 3 AES-128-CMAC).
enum class EapolMic { ByDescriptorVersion, AesCmac, HmacSha256_128, HmacSha384_192 };

struct AkmProfile {
  int akm = 0;
  PtkKdf kdf = PtkKdf::PrfSha1;
  std::size_t kckBytes = 16;
  std::size_t kekBytes = 16;
  std::size_t micBytes = 16;
  EapolMic mic = EapolMic::ByDescriptorVersion;
  bool fastTransition = false;  // PTK comes from PMK-R1 (12.7.1.7.5), not from the PMK
};

// nullopt for AKMs this module does not know (e.g. FILS, OWE, DPP).
std::optional<AkmProfile> akmProfile(int akm);

// TK length in bytes for a pairwise cipher suite type; for TKIP 32 (TK 16 + the
// two 8-byte Michael keys, 12.7.1.3). nullopt for unknown / group-only suites.
std::optional<std::size_t> temporalKeyLength(int cipherSuite);

// The hash of the KDF (SHA-256 / SHA-384) used by a KDF-based AKM.
HashAlgorithm kdfHash(PtkKdf kdf);

}  // namespace rs::crypto
