// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP registration plots (docs/latency.md "Mobile IP"), for the
// HTML registration report and the desktop application: registration latency
// over time, one graph per authentication (static, aaa-dynamic, skey-prime,
// skey-rekey), failures as crosses at the time they ended; and where each
// registration's time went, one stacked bar per registration with a segment
// per hop (mn-fa, fa-aaa-round-trip, fa-ha, aaa-round-trip, home-agent, ha-mn).
#include <cstddef>
#include <vector>

#include "core/analysis/mip/registration_record.h"

class QCustomPlot;

namespace rs::ui {

// Fills `plot` (cleared first); x = seconds since the first registration's start, y = `registration` in ms.
// Returns the number of registrations drawn (successes and failures).
std::size_t plotRegistrationLatency(QCustomPlot& plot, const std::vector<mipreg::RegistrationRecord>& records);
// Fills `plot` (cleared first); x = the registration's number as in the report's table (✗ failed).
// Returns the number of bar sets (hops that occur).
std::size_t plotRegistrationHops(QCustomPlot& plot, const std::vector<mipreg::RegistrationRecord>& records);

}  // namespace rs::ui
