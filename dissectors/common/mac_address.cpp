// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/common/mac_address.h"

namespace rs {

std::optional<MacAddress> MacAddress::parse(std::string_view text) {
  Bytes b;
  if (!parseHex(text, b) || b.size() != 6) return std::nullopt;
  return fromView(b);
}

}  // namespace rs
