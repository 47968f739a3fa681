// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describe entry point for IEEE 802.11 elements (IEEE 802.11-2016 9.4.2), shared
// by the management-frame bodies, action frames and the key data of EAPOL-Key
// frames (which carries elements and KDEs in vendor-specific form).
#include <cstddef>
#include <cstdint>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/field.h"
#include "dissectors/ieee80211/elements/element_iterator.h"

namespace rs::ieee80211 {

// Describes the elements in frame[offset, end) as children of `parent`
// (one "wlan.tag" subtree per element, like tshark's "wlan.tagged.all").
// An element whose length runs past `end` is described as far as it goes and
// marked malformed on `parent` and `out`; the function then stops.
// Returns false when it stopped on a malformed element, or when an element's
// own content was malformed (marked inside that element; the walk goes on).
bool describeElements(ByteView frame, std::size_t offset, std::size_t end, Field& parent, Dissection& out);

// Who sent the frame, for the few elements whose layout depends on it (the WMM
// QoS Info field differs between AP and station). Unknown lets the element
// decide (a WMM Parameter element is only sent by APs).
enum class ElementSender : std::uint8_t { Unknown, AccessPoint, Station };
struct ElementContext {
  ElementSender sender = ElementSender::Unknown;
};

bool describeElements(ByteView frame, std::size_t offset, std::size_t end, Field& parent, Dissection& out,
                      const ElementContext& context);

// Describes one complete element as a "wlan.tag" (or "wlan.ext_tag") subtree
// appended to `parent`; false when its content was malformed.
bool describeElement(const ElementView& element, Field& parent, Dissection& out, const ElementContext& context = {});

}  // namespace rs::ieee80211
