// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Message digests and MACs: MD4 (RFC 1320, via the legacy provider), MD5, SHA-1,
// SHA-256, SHA-384; HMAC (RFC 2104) over them; AES-128-CMAC (RFC 4493).
// Multi-part variants take the message as a list of pieces so callers never
// concatenate secrets into temporary buffers.
#include <initializer_list>
#include <span>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

enum class HashAlgorithm { Md4, Md5, Sha1, Sha256, Sha384 };

// Output length in bytes (16, 16, 20, 32, 48).
std::size_t digestLength(HashAlgorithm algorithm);

Result<Bytes> digest(HashAlgorithm algorithm, std::span<const ByteView> parts);
Result<Bytes> digest(HashAlgorithm algorithm, std::initializer_list<ByteView> parts);
inline Result<Bytes> md4(ByteView data) { return digest(HashAlgorithm::Md4, {data}); }
inline Result<Bytes> md5(ByteView data) { return digest(HashAlgorithm::Md5, {data}); }
inline Result<Bytes> sha1(ByteView data) { return digest(HashAlgorithm::Sha1, {data}); }
inline Result<Bytes> sha256(ByteView data) { return digest(HashAlgorithm::Sha256, {data}); }
inline Result<Bytes> sha384(ByteView data) { return digest(HashAlgorithm::Sha384, {data}); }

// HMAC-<hash>(key, part0 || part1 || ...). MD4 is not offered for HMAC.
Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::span<const ByteView> parts);
Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::initializer_list<ByteView> parts);
inline Result<Bytes> hmacMd5(ByteView key, ByteView data) { return hmac(HashAlgorithm::Md5, key, {data}); }
inline Result<Bytes> hmacSha1(ByteView key, ByteView data) { return hmac(HashAlgorithm::Sha1, key, {data}); }
inline Result<Bytes> hmacSha256(ByteView key, ByteView data) { return hmac(HashAlgorithm::Sha256, key, {data}); }
inline Result<Bytes> hmacSha384(ByteView key, ByteView data) { return hmac(HashAlgorithm::Sha384, key, {data}); }

// AES-CMAC (RFC 4493) with a 128-bit key; 16-byte tag.
Result<Bytes> aesCmac(ByteView key, std::span<const ByteView> parts);
inline Result<Bytes> aesCmac(ByteView key, ByteView data) {
  const ByteView parts[] = {data};
  return aesCmac(key, parts);
}

}  // namespace rs::crypto
