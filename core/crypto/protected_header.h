// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The MAC header of an MPDU that CCMP or TKIP protects, read with the project's
// 802.11 parser (dissectors/ieee80211/mac_header.h) and its failures turned into
// crypto::Result errors. Only the checks both ciphers share live here; the
// cipher-specific use of the header (AAD, nonce, Michael addresses) stays in
// ccmp.cpp and tkip.cpp.
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs::crypto {

// The header at the start of `mpdu`. Malformed when the bytes do not hold the header
// their Frame Control announces; Unsupported for control and extension frames, which
// never carry a protected frame body (IEEE 802.11-2016 9.2.4.1.9: the Protected Frame
// bit is set only in data and management frames).
Result<MacHeader> parseProtectableHeader(ByteView mpdu);

struct ProtectedHeader {
  Bytes bytes;       // the caller's header with the Protected Frame bit set
  MacHeader parsed;  // the same header, parsed
};

// For encryption: `header` must be exactly one complete MAC header. Sets the
// Protected Frame bit (9.2.4.1.9), which is also the bit CCMP's AAD covers, and
// checks that the header is as long as its Frame Control says (InvalidArgument
// otherwise, Malformed when it is shorter).
Result<ProtectedHeader> protectHeader(ByteView header);

}  // namespace rs::crypto
