// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `simulate --sweep KEY=V1,V2,... [--sweep ...]`: one run per combination of
// the axes' values (the first axis varies slowest), one row per run with the
// parameters and the run's figures (core/protocols/wlan/run_figures.h), written
// as CSV, or as a Markdown table (docs/comparison.md is made this way).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/scenario_override.h"

namespace rs::cli {

struct SweepRequest {
  std::string scenario;
  std::vector<std::string> axes;  // "KEY=V1,V2,..."
  std::vector<sim::ScenarioOverride> fixed;  // --set: applied to every run before the axes
  std::optional<std::uint64_t> seed;
  std::optional<double> durationSeconds;
  std::string out;  // OUT.csv or OUT.md; empty: the Markdown table on stdout only
};

// Exit code (exit_codes.h); progress on stderr, the table on stdout.
int runSweep(const SweepRequest& request);

}  // namespace rs::cli
