// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describe entry point for IEEE 802.11 elements (IEEE 802.11-2016 9.4.2), shared
// by the management-frame bodies, action frames and the key data of EAPOL-Key
// frames (which carries elements and KDEs in vendor-specific form).
#include <cstddef>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/field.h"

namespace rs::ieee80211 {

// Describes the elements in frame[offset, end) as children of `parent`
// (one "wlan.tag" subtree per element, like tshark's "wlan.tagged.all").
// An element whose length runs past `end` is described as far as it goes and
// marked malformed on `parent` and `out`; the function then stops.
// Returns false when it stopped on a malformed element.
bool describeElements(ByteView frame, std::size_t offset, std::size_t end, Field& parent, Dissection& out);

}  // namespace rs::ieee80211
