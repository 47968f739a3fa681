// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures of one emulation run that a sweep row and the method comparison
// report: how many roams (joins excluded), by which methods, and the median of
// each latency over the successful roams (nearest rank, as the roam report).
// "handoff" is the station's time away from service at layer 2: the first
// frame of the attempt (authentication) to the frame that completed it (4-way
// message 4, FT reassociation response, seed-000 Group Key Confirm);
// "preparation" is what seed 000 does before it leaves (pre-authentication and
// the handshake through the current AP), off the roam's critical path.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "core/protocols/wlan/wlan_network.h"

namespace rs::wlan {

// The successful roams of one method (as the record names it: a PMK-cache run also has full
// 802.1X roams to the APs it had not visited yet).
struct MethodFigures {
  std::string method;
  std::size_t roams = 0;
  std::int64_t handoffNs = 0;                   // medians
  std::optional<std::int64_t> preparationNs;
  std::optional<std::int64_t> preparationMaxNs;
  std::map<roam::Definition, std::int64_t> latencyNs;
};

struct RunFigures {
  std::size_t roams = 0;  // attempts from one AP to another
  std::size_t roamsFailed = 0;
  std::vector<MethodFigures> methods;  // by method name
  std::uint64_t voiceOffered = 0;  // packets the voice flow offered both ways
  std::uint64_t voiceLost = 0;     // of them, not delivered (no link, lost while away)
  std::uint64_t events = 0;
};

RunFigures runFigures(const std::vector<roam::HandoffRecord>& records, const WlanRunSummary& summary);

}  // namespace rs::wlan
