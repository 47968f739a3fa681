// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// AES Key Wrap (RFC 3394), used for EAPOL-Key data with descriptor versions 2/3 and
// for FT GTK subelements. KEK of 16, 24 or 32 octets.
#include "core/crypto/result.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// Plaintext: a multiple of 8 octets, at least 16. Output is 8 octets longer.
Result<Bytes> aesKeyWrap(ByteView kek, ByteView plaintext);

// Reverses aesKeyWrap; IntegrityFailure when the RFC 3394 2.2.3 IV check fails
// (wrong KEK or altered data).
Result<SecretBytes> aesKeyUnwrap(ByteView kek, ByteView wrapped);

}  // namespace rs::crypto
