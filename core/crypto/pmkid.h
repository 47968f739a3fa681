// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// PMK identifier (IEEE 802.11-2016 12.7.1.3), sent in RSNE PMKID lists for PMKSA caching.
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

// AKMs 1, 2:  PMKID = Truncate-128(HMAC-SHA-1(PMK, "PMK Name" || AA || SPA))
// AKMs 5, 6:  PMKID = Truncate-128(HMAC-SHA-256(PMK, "PMK Name" || AA || SPA))
// Refused with a reason: FT AKMs (the key names are PMKR0Name/PMKR1Name,
// ft_key_hierarchy.h), SAE (the PMKID comes from the commit scalars, 12.4.5.4) and
// Suite B (keyed with the KCK, not the PMK).
Result<Bytes> pmkid(int akm, ByteView pmk, MacAddress aa, MacAddress spa);

}  // namespace rs::crypto
