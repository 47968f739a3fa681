// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/field_tree.h"

namespace rs::test {

bool fieldsInside(const Field& f, std::size_t size) {
  if (std::size_t{f.offset} + f.length > size) return false;
  for (const Field& c : f.children)
    if (!fieldsInside(c, size)) return false;
  return true;
}

}  // namespace rs::test
