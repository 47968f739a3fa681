// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/chap.h"

#include "core/crypto/hash_mac.h"

namespace rs::crypto {

Result<Bytes> chapMd5Response(std::uint8_t ident, ByteView secret, ByteView challenge) {
  if (challenge.empty()) return makeError(ErrorCode::InvalidArgument, "CHAP: empty challenge (RFC 1994 4.1)");
  const std::uint8_t identOctet[] = {ident};
  // Pieces, not a concatenation: the secret is never copied into a temporary buffer.
  return digest(HashAlgorithm::Md5, {ByteView(identOctet), secret, challenge});
}

}  // namespace rs::crypto
