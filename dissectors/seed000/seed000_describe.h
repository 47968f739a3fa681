// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describe step for seed-000 messages: a "roamscope.seed000" layer with
// roamscope.seed000.* fields and absolute byte ranges (docs/fields.md naming).
#include <cstddef>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs::seed000 {

// Describes the action body frame[bodyOffset, end) (from the Category octet) when
// it is a seed-000 message (isSeed000ActionBody); returns false and adds nothing
// otherwise. Truncated or inconsistent messages keep their decoded fields and are
// marked malformed at the offending offset. Sets the Protocol and Info columns.
bool describeActionBody(ByteView frame, std::size_t bodyOffset, std::size_t end, Dissection& out,
                        std::size_t sourceIndex = 0);

}  // namespace rs::seed000
