// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/akm_suite.h"

namespace rs::crypto {

std::optional<AkmProfile> akmProfile(int akmSuite) {
  AkmProfile p;
  p.akm = akmSuite;
  switch (akmSuite) {
    case akm::Ieee8021x:
    case akm::Psk:
      return p;  // PRF-SHA1, MIC by descriptor version (WPA1 v1 / RSN v2)
    case akm::FtIeee8021x:
    case akm::FtPsk:
    case akm::FtSae:
      p.fastTransition = true;
      [[fallthrough]];
    case akm::Ieee8021xSha256:
    case akm::PskSha256:
    case akm::Sae:
      p.kdf = PtkKdf::KdfSha256;
      p.mic = EapolMic::AesCmac;
      return p;
    case akm::SuiteB:
      p.kdf = PtkKdf::KdfSha256;
      p.mic = EapolMic::HmacSha256_128;
      return p;
    case akm::FtIeee8021xSha384:
      p.fastTransition = true;
      [[fallthrough]];
    case akm::SuiteB192:
      p.kdf = PtkKdf::KdfSha384;
      p.kckBytes = 24;
      p.kekBytes = 32;
      p.micBytes = 24;
      p.mic = EapolMic::HmacSha384_192;
      return p;
    default:
      return std::nullopt;
  }
}

std::optional<std::size_t> temporalKeyLength(int cipherSuite) {
  switch (cipherSuite) {
    case cipher::Tkip: return 32;
    case cipher::Ccmp128:
    case cipher::Gcmp128: return 16;
    case cipher::Gcmp256:
    case cipher::Ccmp256: return 32;
    default: return std::nullopt;
  }
}

HashAlgorithm kdfHash(PtkKdf kdf) { return kdf == PtkKdf::KdfSha384 ? HashAlgorithm::Sha384 : HashAlgorithm::Sha256; }

}  // namespace rs::crypto
