// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// HandoffRecord values built directly (no capture), for the plot and HTML
// report suites: a mix of methods, successes and failures, phases and
// latencies with round figures so expected values are easy to state.
#include <cstdint>
#include <map>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

namespace rs::test {

inline constexpr std::int64_t kRecordsBaseNs = 1'700'000'000'000'000'000;
inline constexpr std::int64_t msNs(double ms) { return static_cast<std::int64_t>(ms * 1e6); }

// A station, a BSSID pair and `phases` laid end to end from startNs.
roam::HandoffRecord makeRecord(roam::Method method, bool success, std::int64_t startNs,
                               std::map<roam::Definition, std::int64_t> latencyNs,
                               std::vector<std::pair<roam::PhaseKind, std::int64_t>> phaseDurationsNs);

// Eight attempts by start time: psk successes at 38, 40, 60 and 60 ms (auth-to-m4; the first a join), ft-over-air
// successes at 15 and 25 ms (ft-auth-to-reassoc-resp), a failed psk attempt, a full-802.1x success at 150 ms auth-to-m4
// with an over-budget diagnostic, and a first join (psk) without data-to-data.
std::vector<roam::HandoffRecord> mixedRecords();

}  // namespace rs::test
