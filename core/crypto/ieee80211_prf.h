// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The two IEEE 802.11 key expansion functions every derivation is built on.
#include <string_view>

#include "core/crypto/hash_mac.h"
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// IEEE 802.11-2016 12.7.1.2, PRF-n with HMAC-SHA1:
//   R = HMAC-SHA-1(K, A || 0x00 || B || 0) || HMAC-SHA-1(K, A || 0x00 || B || 1) || ...
//   PRF-n(K, A, B) = L(R, 0, n)       (i is one octet; n = 128, 192, 256, 384, 512, 704)
// `bits` must be a positive multiple of 8.
Result<SecretBytes> prfSha1(ByteView key, std::string_view label, ByteView data, std::size_t bits);

// IEEE 802.11-2016 12.7.1.7.2, KDF-Hash-Length with Hash = SHA-256 or SHA-384:
//   result = HMAC-Hash(K, i || Label || Context || Length) for i = 1, 2, ... (concatenated)
//   KDF = L(result, 0, Length)
// where i and Length are 16-bit little-endian and Length is in bits.
Result<SecretBytes> kdfHashLength(HashAlgorithm hash, ByteView key, std::string_view label, ByteView context,
                                  std::size_t bits);

}  // namespace rs::crypto
