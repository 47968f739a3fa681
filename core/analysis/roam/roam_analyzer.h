// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roam analysis of a frame stream: one pass in stream order, the same for
// a file, a merge of files, a live capture or the emulator. Each station has
// its own StationTracker; with keys, the HandshakeTracker runs in the same
// pass and every record says whether its handshake MICs (and the PMKID of its
// reassociation request) verified.
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <vector>

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/roam/ap_directory.h"
#include "core/analysis/roam/data_plane_gap.h"
#include "core/analysis/roam/ess_members.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/radius_exchanges.h"
#include "core/analysis/roam/station_tracker.h"
#include "dissectors/common/frame_view.h"

namespace rs::roam {

class RoamAnalyzer {
 public:
  // `keys` may be null (no key checks); it must outlive the analyzer.
  explicit RoamAnalyzer(KeyRing* keys = nullptr, TrackerConfig config = {});
  // Holds an iterator into its own station map (and trackers refer to the config): not copyable or movable.
  RoamAnalyzer(const RoamAnalyzer&) = delete;
  RoamAnalyzer& operator=(const RoamAnalyzer&) = delete;

  // Only this station is followed (the CLI's --sta).
  void setStationFilter(std::optional<MacAddress> sta) { staFilter_ = sta; }

  // Frames in stream order; FrameView::index must be unique in the stream.
  void observe(const FrameView& frame);
  // Closes every pending attempt; call once at the end of the stream.
  void finish();

  // Records in the order they were finished (a record is final once listed, except for its "data-plane-gap"
  // diagnostic, attached when the station's traffic resumes after the roam: data_plane_gap.h).
  const std::vector<HandoffRecord>& records() const { return records_; }
  // The records sorted by their first frame's timestamp (stable), for reports.
  std::vector<HandoffRecord> recordsByTime() const;
  const HandshakeTracker* handshakes() const { return handshakes_ ? &*handshakes_ : nullptr; }
  const ApDirectory& accessPoints() const { return directory_; }
  const TrackerConfig& config() const { return config_; }

 private:
  void collect(std::size_t from);
  void checkKeys(HandoffRecord& r) const;
  void attachDataPlaneGaps();

  TrackerConfig config_;
  std::optional<HandshakeTracker> handshakes_;
  std::optional<MacAddress> staFilter_;
  ApDirectory directory_;
  std::map<MacAddress, StationTracker> stations_;
  // stations_ is ordered for finish() (records in station order); the per-frame lookup goes through a hash index
  // into its nodes, which stay where they are.
  struct StationSlot {
    StationTracker* tracker = nullptr;
    std::optional<MacAddress> filedUnder;  // the AP it is listed under in essMembers_
    std::uint32_t filedAtChange = 0;       // the tracker's associationChanges() when it was filed
  };
  std::unordered_map<MacAddress, StationSlot, MacAddressHash> stationIndex_;
  EssMembers essMembers_;  // the stations a beacon is shown to (sticky-client watch)
  std::vector<HandoffRecord> records_;
  DataPlaneGapTracker gaps_;
  RadiusExchangeTracker radius_;  // Access-Request → response on the wired side, for the EAP phase
};

}  // namespace rs::roam
