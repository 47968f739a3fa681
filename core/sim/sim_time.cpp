// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/sim_time.h"

#include <fmt/format.h>

namespace rs::sim {

std::string formatSimTime(SimTime t) {
  const bool negative = t < 0;
  // Unsigned magnitude so that INT64_MIN does not overflow on negation.
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
  return fmt::format("{}{}.{:09} s", negative ? "-" : "", magnitude / 1'000'000'000u, magnitude % 1'000'000'000u);
}

}  // namespace rs::sim
