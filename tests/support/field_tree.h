// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Structural checks on a dissection's field tree that codec suites share.
#include <cstddef>

#include "dissectors/common/field.h"

namespace rs::test {

// Every field of the tree below `f` (itself included) lies inside a frame of `size` octets.
bool fieldsInside(const Field& f, std::size_t size);

}  // namespace rs::test
