// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures of one Mobile IP run in the sweep table's shape
// (wlan/run_figures.h), so `simulate --sweep` and the desktop application's
// sweep work on Mobile IP scenarios too: a "method" is a registration's
// trigger and authentication ("movement/aaa-dynamic", "re-key/skey-rekey"),
// "roams" counts its successful registrations, "handoff" is the median of
// their registration latency (docs/latency.md "Mobile IP"), and the failed
// column counts every registration that failed. No voice flow runs here.
#include "core/protocols/mip/mip_network.h"
#include "core/protocols/wlan/run_figures.h"

namespace rs::mip {

wlan::RunFigures runFigures(const std::vector<mipreg::RegistrationRecord>& records, const MipRunSummary& summary);

}  // namespace rs::mip
