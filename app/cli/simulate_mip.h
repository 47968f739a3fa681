// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `roamscope-cli simulate` for a Mobile IP scenario (methods.mip): runs the
// seed-001 network (optionally against an external RADIUS server), prints the
// registration records and the security-association tables at the end, and
// writes the registration report (--report OUT.json, OUT.csv or OUT.html).
#include "app/cli/simulate_command.h"
#include "core/sim/scenario.h"

namespace rs::cli {

int runMipSimulate(const SimulateOptions& options, const sim::Scenario& scenario);

}  // namespace rs::cli
