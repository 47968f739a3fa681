// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emulator's own account of every handoff, in the roam analysis's record
// type (core/analysis/roam/handoff_record.h), so the two can be compared field
// by field (DESIGN.md: the latency measured on an emulated capture must equal
// the emulator's ground truth) and written by the same report code.
// Every time is the first bit of a frame on the air: what a capture point
// records, hence what the analysis of the capture sees. The definitions
// follow docs/latency.md.
#include <map>
#include <optional>
#include <vector>

#include "core/analysis/roam/handoff_record.h"
#include "core/sim/sim_time.h"

namespace rs::wlan {

class GroundTruth {
 public:
  // A scan burst of `sta` (first Probe Request .. last probe frame); the next attempt takes it.
  void scan(const MacAddress& sta, sim::SimTime start, sim::SimTime end, std::vector<int> channels);
  // Opens an attempt at `start` (its first frame towards the target).
  void begin(const MacAddress& sta, std::optional<roam::Endpoint> from, roam::Endpoint to, roam::Method method,
             sim::SimTime start);
  // Widens (or opens) a phase of the open attempt to cover [start, end].
  void phase(const MacAddress& sta, roam::PhaseKind kind, sim::SimTime start, sim::SimTime end);
  // A phase that ran before the attempt opened (seed 000 prepares the target AP first): kept for the next begin().
  void preparedPhase(const MacAddress& sta, roam::PhaseKind kind, sim::SimTime start, sim::SimTime end);
  void setMethod(const MacAddress& sta, roam::Method method);
  // The request -> response pair of the `request-to-response` definition when it is not the (re)association
  // exchange (seed 000: Authenticate PTK request -> response).
  void requestResponse(const MacAddress& sta, sim::SimTime request, sim::SimTime response);
  // The frame that completed the attempt; computes the latency definitions.
  void complete(const MacAddress& sta, sim::SimTime end);
  void fail(const MacAddress& sta, sim::SimTime end, std::string stage, std::optional<std::uint16_t> code,
            std::string reason);
  // Every data frame (EAPOL and pre-authentication excluded) to or from `sta` through `bssid`, at its first bit.
  void data(const MacAddress& sta, const MacAddress& bssid, sim::SimTime start);
  // Closes attempts still open ("incomplete", as the analysis says at the end of a capture).
  void finish(sim::SimTime end);
  bool attemptOpen(const MacAddress& sta) const;

  // Records in the order their attempts opened.
  const std::vector<roam::HandoffRecord>& records() const { return records_; }

 private:
  struct StationState {
    std::optional<std::size_t> open;     // index into records_
    std::optional<roam::Phase> scan;     // the last scan burst, not yet taken
    std::vector<int> scanChannels;
    std::vector<roam::Phase> prepared;
    std::optional<MacAddress> bssid;     // the AP the station is associated with
    std::optional<sim::SimTime> lastData;  // last data frame through `bssid`
    std::optional<std::size_t> awaitingData;  // completed roam waiting for its first data frame
  };
  roam::HandoffRecord& openRecord(const MacAddress& sta);

  std::map<MacAddress, StationState> stations_;
  std::vector<roam::HandoffRecord> records_;
};

}  // namespace rs::wlan
