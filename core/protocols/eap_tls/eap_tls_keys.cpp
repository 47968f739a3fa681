// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/eap_tls/eap_tls_keys.h"

namespace rs::eap {

crypto::Result<crypto::SecretBytes> pmkFromMsk(const crypto::SecretBytes& msk) {
  constexpr std::size_t kPmkLength = 32;  // 256 bits
  if (msk.size() < kPmkLength)
    return crypto::makeError(crypto::ErrorCode::InvalidArgument, "MSK shorter than the 256-bit PMK");
  return crypto::SecretBytes(msk.subview(0, kPmkLength));
}

}  // namespace rs::eap
