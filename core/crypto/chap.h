// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PPP CHAP with MD5 (RFC 1994 4.1, algorithm 5 of its Authentication-Protocol
// option), as RADIUS carries it in CHAP-Password (RFC 2865 5.3) and the
// Mobile IP Foreign Agent checks it through the AAA server (RFC 3012, SPI 2).
#include <cstdint>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

// RFC 1994 4.1: Response Value = MD5(Identifier || secret || Challenge Value), 16 octets.
// InvalidArgument for an empty challenge (its Value is "one or more octets").
Result<Bytes> chapMd5Response(std::uint8_t ident, ByteView secret, ByteView challenge);

}  // namespace rs::crypto
