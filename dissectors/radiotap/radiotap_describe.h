// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Radiotap "describe": the parsed header as a Wireshark-named field tree.
#include <string>

#include "dissectors/common/field.h"
#include "dissectors/radiotap/radiotap.h"

namespace rs {

// The "radiotap" layer for `header`, parsed from `frame` (offsets relative to
// the header start). Malformed marking is left to the caller.
Field describeRadiotap(const RadiotapHeader& header, ByteView frame);
// One line for RadiotapHeader::error ("" when the header is fine).
std::string radiotapErrorText(const RadiotapHeader& header, std::size_t frameSize);

}  // namespace rs
