// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roam state machine of one station: follows its association, its scan
// bursts and at most one handoff attempt at a time, and turns every attempt
// into a HandoffRecord (docs/latency.md says which frame starts and ends each
// phase and latency). Memory is fixed per station: the current association,
// one attempt, one finished record waiting for its first data frame, one
// EAPOL-Key handshake seen without its (re)association, the last scan burst
// (with its probe exchanges), a capped list of BSSIDs with a full 802.1X authentication
// (to tell a PMK-cache roam from opportunistic key caching) and a capped list of target APs the station
// prepared a seed-000 re-association with (pre-authentication, 4-way handshake through its current AP).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/roam/ap_directory.h"
#include "core/analysis/roam/eapol_timeout.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/latency_budget.h"
#include "core/analysis/roam/roam_event.h"
#include "core/analysis/roam/sticky_client.h"

namespace rs::roam {

struct TrackerConfig {
  // Probe requests/responses less than this apart belong to one scan burst.
  std::int64_t scanBurstGapNs = 500'000'000;
  // A burst counts as the scan of an attempt only when it ended at most this long before the attempt's first frame.
  std::int64_t scanLookbackNs = 2'000'000'000;
  // An attempt with no frame for this long is closed as failed ("timeout").
  std::int64_t attemptTimeoutNs = 5'000'000'000;
  // Diagnostics (docs/diagnostics.md): the latency budget classes and the sticky-client thresholds.
  LatencyBudget budget;
  StickyClientConfig sticky;
};

class StationTracker {
 public:
  StationTracker(const MacAddress& sta, const TrackerConfig& config)
      : sta_(sta), config_(config), sticky_(config.sticky) {}

  // Feed the station's events in stream order; finished records are appended to `out`.
  void observe(const RoamEvent& e, std::vector<HandoffRecord>& out);
  // End of stream: pending attempts become failed records, waiting ones are emitted.
  void finish(std::vector<HandoffRecord>& out);
  // An exchange seen off the air (RADIUS between the AP and its server): it belongs to the running attempt,
  // and is dropped when the station has none (e.g. the capture started mid-authentication).
  void addExchange(Exchange x);
  // A Beacon / Probe Response of another AP of the ESS of the station's AP, whose directory entry is `home`
  // (for the sticky-client watch; EssMembers finds the stations it concerns).
  void hear(const ApAdvertisement& a, const ApInfo& home);
  // The AP the station is associated with, or null.
  const MacAddress* associatedWith() const { return current_ ? &current_->bssid : nullptr; }
  // Counts the changes of associatedWith(), so a caller can tell a change by comparing one integer per frame.
  std::uint32_t associationChanges() const { return associationChanges_; }

 private:
  // What the station did with a target AP through its current AP before re-associating with it by seed-000
  // (docs/protocols/seed-000.md): RSN pre-authentication and the 4-way handshake, both over EtherType 0x88c7.
  struct Prepared {
    MacAddress target;
    std::optional<Phase> eap;      // EAPOL-Start / first EAP frame → the last one (EAP-Success)
    std::optional<Phase> fourWay;  // first → last EAPOL-Key frame
    bool eapDone = false;          // EAP-Success seen: the next EAP start begins a new phase
    bool fourWayDone = false;      // message 4 seen: the next message 1 begins a new handshake
    // An EAP packet followed the EAPOL-Start: without one (the PMK was already there, e.g. PSK) the
    // EAPOL-Start only asked for the handshake and there was no EAP phase.
    bool eapPacketSeen = false;
  };
  struct Association {
    MacAddress bssid;
    std::optional<int> channel;
    std::optional<int> signalDbm;
    std::optional<std::int64_t> lastDataNs;
  };
  struct Attempt {
    HandoffRecord rec;
    std::array<std::optional<Phase>, kPhaseKindCount> phases;  // by PhaseKind
    std::optional<std::int64_t> fromLastDataNs;
    // requestNs: the (re)association request, or seed-000 message 1; confirmNs: seed-000 message 3.
    std::optional<std::int64_t> firstAuthNs, ftActionNs, requestNs, responseNs, m4Ns, confirmNs, lastKeyNs,
        firstNewDataNs;
    std::int64_t lastEventNs = 0;
    bool ftOverAir = false, ftOverDs = false, sae = false, eap = false;
    bool rsne = false, pmkid = false, knownPmksa = false, preauthenticated = false;
    int akm = 0;
    int highestPairwiseMessage = 0;  // 0 none, else 1..4
    bool seed000 = false;            // a seed-000 message 1 was sent: the method is seed-000
    int highestSeed000Message = 0;   // 0 none, else 1..3
    std::optional<Prepared> prepared;  // the target's pre-authentication and 4-way handshake, if any
    bool associated = false;         // a successful (re)association response was seen
    M1RetryCounter m1Retries;
    ExchangePairer pairer;           // requests of the attempt waiting for their responses
  };
  struct ScanBurst {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    std::vector<int> channels;
    bool used = false;
    ExchangePairer probes;            // keyed by channel
    std::vector<Exchange> exchanges;  // probe request → first probe response, per channel
    std::size_t exchangesDropped = 0;
  };

  // Every change of current_ goes through these two (associationChanges_ counts them).
  void enterAssociation(const Association& a);
  void leaveAssociation();
  void startAttempt(const RoamEvent& e, std::vector<HandoffRecord>& out);
  bool attemptTargets(const RoamEvent& e) const { return attempt_ && attempt_->rec.to.bssid == e.bssid; }
  void notePhase(PhaseKind kind, std::int64_t ts, bool isEnd);
  void onAuthentication(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onAssociationRequest(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onAssociationResponse(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onEap(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onKey(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onSeed000(const RoamEvent& e, std::vector<HandoffRecord>& out);
  // Pre-authentication and EAPOL-Key frames relayed by the current AP for a target AP.
  void notePrepared(const RoamEvent& e);
  // The request/response halves of `e` for the attempt `a` (exchange.h); responses become exchanges.
  void pairExchange(Attempt& a, const RoamEvent& e);
  // An EAPOL-Key frame no attempt or waiting record claims starts (or joins) a handshake-only record.
  Attempt& handshakeFor(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void closeHandshake(const char* stage, std::string_view what, std::vector<HandoffRecord>& out);
  void onData(const RoamEvent& e, std::vector<HandoffRecord>& out);
  void onScan(const RoamEvent& e);
  void complete(std::int64_t ts, std::vector<HandoffRecord>& out);
  void fail(Failure failure, std::int64_t ts, std::vector<HandoffRecord>& out);
  // The record of an attempt that is over; takes a.rec (the caller discards `a`).
  HandoffRecord finalize(Attempt& a) const;
  void emitWaiting(std::vector<HandoffRecord>& out);
  std::string missingKeyMessage() const { return attempt_ ? missingKeyMessage(*attempt_) : std::string(); }
  static std::string missingKeyMessage(const Attempt& a);

  MacAddress sta_;
  TrackerConfig config_;
  std::optional<Association> current_;
  std::uint32_t associationChanges_ = 0;
  std::optional<Attempt> attempt_;
  std::optional<Attempt> waiting_;  // succeeded; waits for the first data frame (and the group key handshake)
  std::optional<Attempt> handshake_;  // a handshake-only record (RecordKind::HandshakeOnly) still open
  std::optional<ScanBurst> burst_;
  StickyClientWatch sticky_;  // watches the current association
  std::vector<MacAddress> fullyAuthenticated_;  // capped at kMaxRememberedBssids
  std::vector<MacAddress> preauthenticated_;    // likewise, by RSN pre-authentication
  std::vector<Prepared> prepared_;              // capped at kMaxPreparedTargets, the oldest dropped first
};

}  // namespace rs::roam
