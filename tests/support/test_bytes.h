// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Byte strings for hand-built test frames: hex literals, concatenation, and the
// 802.11 frame the radio-header suites put behind their headers.
#include "dissectors/common/bytes.h"

namespace rs::test {

// "48 01 3a ..." as bytes; a malformed literal is a bug in the test, so it aborts.
Bytes hexBytes(const char* text);

Bytes concat(Bytes first, const Bytes& second);

// IEEE 802.11 Null function frame (type 2, subtype 4), To DS, 24 octets.
Bytes nullDataFrame();

}  // namespace rs::test
