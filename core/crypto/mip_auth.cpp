// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/mip_auth.h"

#include <algorithm>

#include "core/crypto/hash_mac.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/mip/mip.h"

namespace rs::crypto::mip {
namespace {

namespace wire = rs::mip;

// Type (1) + Length (1) + SPI (4): the part of the extension the authenticator covers.
constexpr std::size_t kCoveredExtensionHeader = 6;

Result<std::size_t> coveredLength(ByteView message, std::size_t extensionOffset) {
  if (extensionOffset > message.size() || message.size() - extensionOffset < kCoveredExtensionHeader)
    return makeError(ErrorCode::Malformed, "Mobile IP authentication extension cut short");
  const std::uint8_t type = message[extensionOffset];
  if (type != wire::ext::kMobileHomeAuth && type != wire::ext::kMobileForeignAuth &&
      type != wire::ext::kForeignHomeAuth)
    return makeError(ErrorCode::Malformed, "not an MHAE, MFAE or FHAE");
  return extensionOffset + kCoveredExtensionHeader;
}

Result<std::size_t> lastExtensionOffset(ByteView message, std::uint8_t extensionType) {
  const auto m = wire::parseMessage(message);
  if (!m) return makeError(ErrorCode::Malformed, "not a Mobile IP registration message");
  const wire::Extension* last = nullptr;
  for (const auto& e : m->extensions)
    if (e.type == extensionType) last = &e;
  if (!last) return makeError(ErrorCode::Malformed, "no authentication extension of that type");
  return last->offset;
}

}  // namespace

Result<Bytes> authenticator(AuthAlgorithm algorithm, ByteView key, ByteView message, std::size_t extensionOffset) {
  if (key.empty()) return makeError(ErrorCode::InvalidArgument, "Mobile IP authentication key is empty");
  auto covered = coveredLength(message, extensionOffset);
  if (!covered) return covered.error();
  const ByteView data = message.first(*covered);
  switch (algorithm) {
    case AuthAlgorithm::HmacMd5: return hmac(HashAlgorithm::Md5, key, {data});
    case AuthAlgorithm::KeyedMd5PrefixSuffix: return digest(HashAlgorithm::Md5, {key, data, key});
  }
  return makeError(ErrorCode::Unsupported, "unknown Mobile IP authentication algorithm");
}

Result<bool> verifyAuthenticator(AuthAlgorithm algorithm, ByteView key, ByteView message,
                                 std::size_t extensionOffset) {
  auto expected = authenticator(algorithm, key, message, extensionOffset);
  if (!expected) return expected.error();
  const std::size_t length = message[extensionOffset + 1];  // short form: counts SPI + authenticator
  const std::size_t start = extensionOffset + kCoveredExtensionHeader;
  if (length < wire::kSpiLength || extensionOffset + 2 + length > message.size())
    return makeError(ErrorCode::Malformed, "Mobile IP authentication extension length runs past the message");
  return constantTimeEquals(*expected, message.subspan(start, length - wire::kSpiLength));
}

Result<bool> signLastAuthenticationExtension(Bytes& message, std::uint8_t extensionType, AuthAlgorithm algorithm,
                                             ByteView key) {
  auto at = lastExtensionOffset(message, extensionType);
  if (!at) return at.error();
  if (message[*at + 1] != wire::kSpiLength + wire::kDefaultAuthenticatorLength)
    return makeError(ErrorCode::InvalidArgument, "authenticator field is not 16 octets");
  auto value = authenticator(algorithm, key, message, *at);
  if (!value) return value.error();
  std::copy(value->begin(), value->end(), message.begin() + static_cast<std::ptrdiff_t>(*at + kCoveredExtensionHeader));
  return true;
}

Result<bool> verifyLastAuthenticationExtension(ByteView message, std::uint8_t extensionType, AuthAlgorithm algorithm,
                                               ByteView key) {
  auto at = lastExtensionOffset(message, extensionType);
  if (!at) return at.error();
  return verifyAuthenticator(algorithm, key, message, *at);
}

}  // namespace rs::crypto::mip
