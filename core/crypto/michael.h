// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Michael, TKIP's message integrity code (IEEE 802.11-2016 12.5.2.3). OpenSSL has
// no Michael, so it is implemented here from the standard's definition.
#include <cstdint>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

// Michael(K, M) for an 8-octet key; returns the 8-octet MIC. 12.5.2.3.3: the message
// is padded with 0x5a and 4..7 zero octets to a multiple of 4, then each 32-bit
// little-endian word Mi is absorbed: l ^= Mi; (l, r) = b(l, r), where b is
//   r ^= l <<< 17; l += r; r ^= XSWAP(l); l += r; r ^= l <<< 3; l += r; r ^= l >>> 2; l += r.
Result<Bytes> michael(ByteView key, ByteView message);

// The TKIP MIC of an MSDU (12.5.2.3.2): Michael(key, DA || SA || Priority || 0 0 0 || data).
Result<Bytes> michaelMsdu(ByteView key, MacAddress da, MacAddress sa, std::uint8_t priority, ByteView data);

}  // namespace rs::crypto
