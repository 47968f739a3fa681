// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The clock offsets of a merge as people and programs read them: one line per
// file for the CLI's stderr, and the "clock_offsets" array of the JSON report
// (docs/report-format.md).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "capture/merge/clock_offset_estimator.h"

namespace rs {

// "psk-sta.pcap: clock offset +0.110 ms against psk-br0.pcap (1271 common frames, spread 0.082 ms)",
// "psk.pcap: reference clock", "x.pcap: no common frames: offset 0 assumed". `names[i]` names file i.
std::string clockOffsetLine(const ClockOffsetEstimate& estimate, std::size_t file, const std::vector<std::string>& names);

// [{"file": ..., "offset_ms": ..., "reference": bool, "assumed": bool, "against": name|null, "matches": n,
//   "spread_ms": ...}, ...] in input order.
nlohmann::ordered_json clockOffsetsJson(const ClockOffsetEstimate& estimate, const std::vector<std::string>& names);

// The report with "clock_offsets" inserted right after its "inputs" (at the end when it has none): the array
// above, or null when no offsets were estimated (one file, or --no-clock-offsets).
nlohmann::ordered_json withClockOffsets(const nlohmann::ordered_json& report, const ClockOffsetEstimate* estimate,
                                        const std::vector<std::string>& names);

}  // namespace rs
