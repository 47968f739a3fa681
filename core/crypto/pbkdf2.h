// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PBKDF2 (RFC 8018 §5.2, test vectors RFC 6070) and the IEEE 802.11 passphrase
// to PSK mapping built on it.
#include <string_view>

#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// PBKDF2 with HMAC-SHA1 as the PRF.
Result<SecretBytes> pbkdf2HmacSha1(ByteView password, ByteView salt, unsigned iterations, std::size_t length);

// IEEE 802.11-2016 J.4.1: PSK = PBKDF2(passphrase, ssid, 4096, 256 bits) with
// HMAC-SHA1. The passphrase is 8..63 printable ASCII characters (32..126), the
// SSID 0..32 octets (as on the air, not necessarily text).
Result<SecretBytes> pmkFromPassphrase(std::string_view passphrase, ByteView ssid);
inline Result<SecretBytes> pmkFromPassphrase(std::string_view passphrase, std::string_view ssid) {
  return pmkFromPassphrase(passphrase, asView(ssid));
}

}  // namespace rs::crypto
