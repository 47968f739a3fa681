// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mobile IPv4 authentication extensions (RFC 3344 3.5): the authenticator of
// the Mobile-Home (MHAE, 32), Mobile-Foreign (33) and Foreign-Home (34)
// authentication extensions. RFC 3344 3.5.1: the default algorithm is
// HMAC-MD5 (RFC 2104) over the UDP payload from its first octet up to and
// including the extension's Type, Length and SPI — that is, the registration
// message, every extension before this one, and the first 6 octets of this
// one; the authenticator itself and the UDP header are not covered.
// RFC 2002's keyed MD5 in "prefix+suffix" mode, MD5(key || covered || key), is
// offered for security associations configured with it (the seed's Fig. 4).
#include <cstddef>
#include <cstdint>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto::mip {

enum class AuthAlgorithm : std::uint8_t {
  HmacMd5 = 1,               // RFC 3344 3.5.1 default
  KeyedMd5PrefixSuffix = 2,  // RFC 2002 3.5.1
};

// The authenticator (16 octets) of the authentication extension whose Type
// octet is at `extensionOffset` in `message` (a whole registration message).
// Malformed when `message` does not hold a short-form extension header and SPI there.
Result<Bytes> authenticator(AuthAlgorithm algorithm, ByteView key, ByteView message, std::size_t extensionOffset);

// Recomputes the authenticator and compares it in constant time with the one
// carried in the extension at `extensionOffset` (its length must be 16).
Result<bool> verifyAuthenticator(AuthAlgorithm algorithm, ByteView key, ByteView message,
                                 std::size_t extensionOffset);

// For builders: fills in the authenticator of the last extension of
// `extensionType` (ext::kMobileHomeAuth, ...) in a built message whose
// authenticator is 16 octets. Malformed when there is no such extension.
Result<bool> signLastAuthenticationExtension(Bytes& message, std::uint8_t extensionType, AuthAlgorithm algorithm,
                                             ByteView key);
// Verifies the last extension of `extensionType` in a received message.
Result<bool> verifyLastAuthenticationExtension(ByteView message, std::uint8_t extensionType, AuthAlgorithm algorithm,
                                               ByteView key);

}  // namespace rs::crypto::mip
