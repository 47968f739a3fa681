// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RC4 keystream cipher (via OpenSSL's legacy provider), used by TKIP (12.5.2) and by
// EAPOL-Key data encryption with descriptor version 1 (12.7.2).
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// XORs `data` with the RC4 keystream of `key` after discarding the first
// `discard` keystream octets. Encryption and decryption are the same operation.
Result<Bytes> rc4(ByteView key, ByteView data, std::size_t discard = 0);

// IEEE 802.11-2016 12.7.2 (descriptor version 1): Key Data is RC4-encrypted with
// key = EAPOL-Key IV || KEK, first 256 keystream octets discarded.
Result<Bytes> eapolKeyDataRc4(ByteView keyIv, ByteView kek, ByteView keyData);

}  // namespace rs::crypto
