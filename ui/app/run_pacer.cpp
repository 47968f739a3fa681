// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_pacer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace rs::ui {

std::int64_t RunPacer::steadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void RunPacer::anchor(sim::SimTime now) {
  anchorVirtual_ = now;
  anchorWallNs_ = clock_();
}

std::optional<sim::SimTime> RunPacer::limit() const {
  if (!paced()) return std::nullopt;
  const double elapsed = static_cast<double>(clock_() - anchorWallNs_);
  const double advance = std::floor(elapsed * factor_);
  // A factor of 1e6 over a long pause must not overflow the clock.
  constexpr double kMax = static_cast<double>(std::numeric_limits<sim::SimTime>::max() / 2);
  return anchorVirtual_ + static_cast<sim::SimTime>(std::min(std::max(advance, 0.0), kMax));
}

}  // namespace rs::ui
