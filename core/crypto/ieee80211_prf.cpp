// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ieee80211_prf.h"

#include <algorithm>
#include <cstring>

namespace rs::crypto {

Result<SecretBytes> prfSha1(ByteView key, std::string_view label, ByteView data, std::size_t bits) {
  if (bits == 0 || bits % 8 != 0 || bits > 160 * 255)
    return makeError(ErrorCode::InvalidArgument, "PRF-n: n must be a positive multiple of 8");
  const std::size_t length = bits / 8;
  SecretBytes out(length);
  const std::uint8_t separator = 0;
  std::size_t filled = 0;
  for (std::uint8_t i = 0; filled < length; ++i) {
    const ByteView parts[] = {asView(label), ByteView(&separator, 1), data, ByteView(&i, 1)};
    auto block = hmac(HashAlgorithm::Sha1, key, parts);
    if (!block) return block.error();
    const std::size_t take = std::min(block->size(), length - filled);
    std::memcpy(out.data() + filled, block->data(), take);
    filled += take;
    wipe(*block);
  }
  return out;
}

Result<SecretBytes> kdfHashLength(HashAlgorithm hash, ByteView key, std::string_view label, ByteView context,
                                  std::size_t bits) {
  if (hash != HashAlgorithm::Sha256 && hash != HashAlgorithm::Sha384)
    return makeError(ErrorCode::InvalidArgument, "KDF-Hash-Length is defined with SHA-256 or SHA-384");
  if (bits == 0 || bits % 8 != 0 || bits > 0xffff)
    return makeError(ErrorCode::InvalidArgument, "KDF-Hash-Length: Length must be a positive multiple of 8 below 65536");
  const std::size_t length = bits / 8;
  const std::uint8_t lengthLe[2] = {static_cast<std::uint8_t>(bits & 0xff), static_cast<std::uint8_t>(bits >> 8)};
  SecretBytes out(length);
  std::size_t filled = 0;
  for (unsigned i = 1; filled < length; ++i) {
    const std::uint8_t counterLe[2] = {static_cast<std::uint8_t>(i & 0xff), static_cast<std::uint8_t>(i >> 8)};
    const ByteView parts[] = {ByteView(counterLe, 2), asView(label), context, ByteView(lengthLe, 2)};
    auto block = hmac(hash, key, parts);
    if (!block) return block.error();
    const std::size_t take = std::min(block->size(), length - filled);
    std::memcpy(out.data() + filled, block->data(), take);
    filled += take;
    wipe(*block);
  }
  return out;
}

}  // namespace rs::crypto
