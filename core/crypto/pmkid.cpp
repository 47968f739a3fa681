// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/pmkid.h"

#include <string>

#include "core/crypto/akm_suite.h"
#include "core/crypto/hash_mac.h"

namespace rs::crypto {

Result<Bytes> pmkid(int akmSuite, ByteView pmk, MacAddress aa, MacAddress spa) {
  HashAlgorithm hash = HashAlgorithm::Sha1;
  switch (akmSuite) {
    case akm::Ieee8021x:
    case akm::Psk: hash = HashAlgorithm::Sha1; break;
    case akm::Ieee8021xSha256:
    case akm::PskSha256: hash = HashAlgorithm::Sha256; break;
    case akm::FtIeee8021x:
    case akm::FtPsk:
    case akm::FtSae:
    case akm::FtIeee8021xSha384:
      return makeError(ErrorCode::InvalidArgument, "FT AKMs name keys with PMKR0Name/PMKR1Name (12.7.1.7)");
    case akm::Sae:
      return makeError(ErrorCode::InvalidArgument, "the SAE PMKID is derived from the commit scalars (12.4.5.4)");
    default:
      return makeError(ErrorCode::Unsupported, "PMKID for AKM " + std::to_string(akmSuite) + " is not supported");
  }
  if (pmk.empty()) return makeError(ErrorCode::InvalidArgument, "empty PMK");
  auto mac = hmac(hash, pmk, {asView("PMK Name"), aa.view(), spa.view()});
  if (!mac) return mac.error();
  mac->resize(16);
  return std::move(*mac);
}

}  // namespace rs::crypto
