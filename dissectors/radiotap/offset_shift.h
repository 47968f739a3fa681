// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describers build trees with offsets relative to their header; a header that
// does not start the frame (an encapsulated capture header) moves them.
#include <cstddef>

#include "dissectors/common/field.h"

namespace rs {

inline void shiftOffsets(Field& f, std::size_t by) {
  if (by == 0) return;
  f.offset = static_cast<std::uint32_t>(f.offset + by);
  for (Field& c : f.children) shiftOffsets(c, by);
}

}  // namespace rs
