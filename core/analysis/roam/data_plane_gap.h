// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The data-plane gap of a roam and its visible cause (docs/diagnostics.md,
// "data-plane-gap"; docs/latency.md says how it differs from the L2 handoff).
//
// The L2 handoff ends with the last key message, but the station's IP traffic
// may stay silent much longer: a Linux station flushes its neighbour (ARP)
// cache when the carrier drops, so after the roam nothing flows until an ARP
// request has been answered. This tracker follows, per station MAC address,
// every unicast IP packet to or from it — on Ethernet/cooked captures of the
// distribution system or of the station itself, and on the air when the frame
// is unprotected or the HandshakeTracker's keys decrypt it — and for each
// successful roam measures last packet before the attempt → first packet after
// the handoff, with the ARP exchanges involving the station inside that gap
// (who asked for whom, when, and when the reply came). Copies of one ARP
// packet heard at several capture points count once.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>
#include <optional>
#include <utility>
#include <vector>

#include "core/analysis/handshake_tracker.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/wlan_frame.h"
#include "dissectors/common/frame_view.h"

namespace rs::roam {

struct DataPlaneGapConfig {
  std::int64_t historyNs = 30'000'000'000;       // how far back the last packet before a roam is kept
  std::int64_t arpReplyWaitNs = 2'000'000'000;   // after traffic resumed, how long a request waits for its reply
  std::int64_t sameArpWindowNs = 100'000'000;    // one ARP packet seen at several capture points
  // A roam after which the station's traffic stays invisible this long is concluded ("never resumed" or no
  // finding): without it, captures whose payloads are unreadable (no keys) would keep every roam pending.
  std::int64_t giveUpNs = 30'000'000'000;
};

class DataPlaneGapTracker {
 public:
  explicit DataPlaneGapTracker(DataPlaneGapConfig config = {}) : config_(config) {}

  // Every frame of the stream in order; `keys` (may be null) decrypts protected 802.11 data frames.
  void observe(const FrameView& frame, const HandshakeTracker* keys);
  // The same, with the frame's 802.11 view already located (the analysis' per-frame path).
  void observe(const FrameView& frame, const WlanFrame& wlan, const HandshakeTracker* keys);
  // A finished record, records[index]: successful roams (from a previous BSS) are followed until the station's
  // traffic resumes.
  void watch(std::size_t index, const HandoffRecord& record);
  // Diagnostics ready to attach, as (record index, diagnostic); each is handed out once.
  std::vector<std::pair<std::size_t, Diagnostic>> takeReady();
  // End of the stream: every followed roam is concluded (traffic that never resumed says so).
  void finish();

  struct ArpSeen {
    std::int64_t timestampNs = 0;
    std::uint16_t opcode = 0;
    MacAddress senderMac;
    std::uint32_t senderIp = 0;
    MacAddress targetMac;
    std::uint32_t targetIp = 0;
  };

 private:
  struct Traffic {
    std::deque<std::int64_t> unicastIp;  // timestamps of unicast IP packets to or from the station
  };
  struct Pending {
    std::size_t index = 0;
    MacAddress sta;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::optional<std::int64_t> lastBefore;
    std::optional<std::int64_t> firstAfter;
    std::vector<ArpSeen> arps;
  };

  void onUnicastIp(std::int64_t t, const MacAddress& mac);
  void onArp(std::int64_t t, const ArpSeen& arp);
  bool involves(const ArpSeen& arp, const MacAddress& sta) const;
  std::optional<Diagnostic> conclude(const Pending& p) const;
  bool unansweredRequest(const Pending& p) const;
  void moveReady(std::int64_t now);

  DataPlaneGapConfig config_;
  // Looked up for every IP packet: hashed, not ordered (nothing iterates them).
  std::unordered_map<MacAddress, Traffic, MacAddressHash> traffic_;
  std::unordered_map<std::uint32_t, MacAddress> ipOwner_;  // IPv4 address → the MAC address that sent from it
  std::vector<Pending> pending_;
  // moveReady's fast path: whether some pending roam saw traffic resume, and the earliest give-up time.
  bool maybeReady_ = false;
  std::int64_t earliestGiveUpNs_ = std::numeric_limits<std::int64_t>::max();
  std::vector<std::pair<std::size_t, Diagnostic>> ready_;
};

}  // namespace rs::roam
