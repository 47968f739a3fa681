// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Paces a sliced run against wall time: at speed factor f, virtual time may
// advance f seconds per wall second ("1x" is real time, "0.01x" slow motion
// for a handshake, "0" as fast as possible). Each slice asks limit() how far
// the run may go; the clock is injectable, so the slice plan is tested with a
// fake clock instead of timed assertions.
#include <QtGlobal>
#include <cstdint>
#include <functional>
#include <optional>

#include "core/sim/sim_time.h"

namespace rs::ui {

class RunPacer {
 public:
  // Wall time in nanoseconds from any fixed origin.
  using WallClock = std::function<std::int64_t()>;
  static std::int64_t steadyNowNs();

  explicit RunPacer(WallClock clock = &RunPacer::steadyNowNs) : clock_(std::move(clock)) {}
  void setClock(WallClock clock) { clock_ = std::move(clock); }

  // Virtual seconds per wall second; <= 0: as fast as possible.
  void setFactor(double factor) { factor_ = factor > 0 ? factor : 0; }
  double factor() const { return factor_; }
  bool paced() const { return factor_ > 0; }

  // Ties virtual time `now` to the wall clock's present: call when a run starts or resumes, when the
  // factor changes, and when the run fell behind (so the backlog is not made up in one burst).
  void anchor(sim::SimTime now);
  // The virtual time the run may reach by now; nullopt when unpaced.
  std::optional<sim::SimTime> limit() const;

 private:
  WallClock clock_;
  double factor_ = 0;
  sim::SimTime anchorVirtual_ = 0;
  std::int64_t anchorWallNs_ = 0;
};

}  // namespace rs::ui
