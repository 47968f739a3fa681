// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/secure_random.h"

#include <openssl/rand.h>

#include <climits>

#include "core/crypto/openssl_error.h"

namespace rs::crypto {

Result<Bytes> secureRandomBytes(std::size_t count) {
  Bytes out(count);
  if (count == 0) return out;
  if (count > static_cast<std::size_t>(INT_MAX))
    return makeError(ErrorCode::InvalidArgument, "secureRandomBytes: count too large");
  if (RAND_bytes(out.data(), static_cast<int>(count)) != 1)
    return makeError(ErrorCode::LibraryFailure, openSslErrorText("RAND_bytes"));
  return out;
}

}  // namespace rs::crypto
