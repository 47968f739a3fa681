// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/station_tracker.h"

#include <algorithm>
#include <fmt/format.h>

#include "dissectors/eapol/eap.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/ieee80211/names.h"

namespace rs::roam {
namespace {

constexpr std::size_t kMaxRememberedBssids = 64;
constexpr std::size_t kMaxKeyFrames = 16;  // M1 retries are kept up to this many
constexpr std::size_t kMaxScanChannels = 64;
constexpr std::size_t kMaxPreparedTargets = 8;  // APs a station prepared a seed-000 re-association with
// Status 76 (anti-clogging token required, SAE) asks the station to retry; it is not the end of the attempt.
constexpr std::uint16_t kStatusAntiCloggingTokenRequired = 76;
// Probe exchanges are paired per channel; frames without a radio header share one key.
constexpr std::uint64_t kUnknownChannel = 0xffff;

// The key pairing an Authentication request with its response (IEEE 802.11-2016 12.3.3, 13.5.2,
// 12.4.7.6): the response carries the next transaction sequence number, except SAE, where Commit
// answers Commit (1) and Confirm answers Confirm (2).
std::uint64_t authenticationKey(std::uint16_t algorithm, std::uint16_t responseSequence) {
  return (std::uint64_t{algorithm} << 16) | responseSequence;
}

// AKMs of the PSK family (IEEE 802.11-2016 Table 9-133): 2 PSK, 6 PSK-SHA256.
bool isPskAkm(int akm) { return akm == 2 || akm == 6; }

std::size_t slot(PhaseKind k) { return static_cast<std::size_t>(k); }

bool contains(const std::vector<MacAddress>& list, const MacAddress& m) {
  return std::find(list.begin(), list.end(), m) != list.end();
}

// Keeps the most recent kMaxRememberedBssids entries: bounded memory per station.
void remember(std::vector<MacAddress>& list, const MacAddress& m) {
  if (contains(list, m)) return;
  if (list.size() == kMaxRememberedBssids) list.erase(list.begin());
  list.push_back(m);
}

}  // namespace

void StationTracker::observe(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (attempt_ && e.timestampNs - attempt_->lastEventNs > config_.attemptTimeoutNs) {
    fail(Failure{"timeout", std::nullopt,
                 fmt::format("no frame of the attempt for {} s{}", config_.attemptTimeoutNs / 1'000'000'000,
                             missingKeyMessage())},
         attempt_->lastEventNs, out);
  }
  if (handshake_ && e.timestampNs - handshake_->lastEventNs > config_.attemptTimeoutNs)
    closeHandshake("timeout",
                   fmt::format("no frame of the handshake for {} s", config_.attemptTimeoutNs / 1'000'000'000), out);
  // What the station hears from its current AP describes the "before" side of the next roam.
  // FT action and pre-authentication frames name another AP than the one that carried them.
  const bool relayed = e.kind == EventKind::FtRequest || e.kind == EventKind::FtResponse ||
                       e.kind == EventKind::PreauthSuccess || e.kind == EventKind::PreauthEap ||
                       e.kind == EventKind::PreReassocKey;
  if (current_ && e.fromAp && e.bssid == current_->bssid && !relayed) {
    if (e.channel) current_->channel = e.channel;
    if (e.signalDbm) current_->signalDbm = e.signalDbm;
  }
  if (attemptTargets(e) && !relayed) {
    Endpoint& to = attempt_->rec.to;
    if (!to.channel && e.channel) to.channel = e.channel;
    if (!to.signalDbm && e.signalDbm && e.fromAp) to.signalDbm = e.signalDbm;
  }
  switch (e.kind) {
    case EventKind::ProbeRequest:
    case EventKind::ProbeResponse: return onScan(e);
    case EventKind::Authentication: return onAuthentication(e, out);
    case EventKind::AssociationRequest: return onAssociationRequest(e, out);
    case EventKind::AssociationResponse: return onAssociationResponse(e, out);
    case EventKind::FtRequest:
      if (e.fromAp) return;
      if (!attemptTargets(e)) startAttempt(e, out);
      attempt_->ftOverDs = true;
      attempt_->rsne = attempt_->rsne || e.rsne;
      if (!attempt_->ftActionNs) attempt_->ftActionNs = e.timestampNs;
      notePhase(PhaseKind::FtAction, e.timestampNs, false);
      pairExchange(*attempt_, e);
      return;
    case EventKind::FtResponse:
      if (!attemptTargets(e) || !e.fromAp) return;
      notePhase(PhaseKind::FtAction, e.timestampNs, true);
      pairExchange(*attempt_, e);
      if (e.statusCode != 0)
        fail(Failure{"ft-action", e.statusCode,
                     fmt::format("FT Response status {}: {}", e.statusCode, ieee80211::statusCodeName(e.statusCode))},
             e.timestampNs, out);
      return;
    case EventKind::Deauthentication:
    case EventKind::Disassociation: {
      const bool deauth = e.kind == EventKind::Deauthentication;
      if (attemptTargets(e)) {
        fail(Failure{deauth ? "deauthentication" : "disassociation", e.reasonCode,
                     fmt::format("{} by the {}, reason {}: {}{}", deauth ? "Deauthentication" : "Disassociation",
                                 e.fromAp ? "AP" : "station", e.reasonCode, ieee80211::reasonCodeName(e.reasonCode),
                                 missingKeyMessage())},
             e.timestampNs, out);
      } else if (current_ && current_->bssid == e.bssid) {
        leaveAssociation();  // the station left; its next attempt is a (re)join, not a roam from here
      }
      return;
    }
    case EventKind::EapStart:
    case EventKind::EapOther:
    case EventKind::EapSuccess:
    case EventKind::EapFailure: return onEap(e, out);
    case EventKind::EapolKey: return onKey(e, out);
    case EventKind::Data: return onData(e, out);
    case EventKind::PreauthSuccess:
      remember(preauthenticated_, e.bssid);
      return notePrepared(e);
    case EventKind::PreauthEap:
    case EventKind::PreReassocKey: return notePrepared(e);
    case EventKind::Seed000: return onSeed000(e, out);
  }
}

void StationTracker::enterAssociation(const Association& a) {
  current_ = a;
  ++associationChanges_;
}

void StationTracker::leaveAssociation() {
  current_.reset();
  ++associationChanges_;
}

void StationTracker::onScan(const RoamEvent& e) {
  if (!burst_ || e.timestampNs - burst_->endNs > config_.scanBurstGapNs) {
    if (e.kind != EventKind::ProbeRequest) return;  // a response alone does not open a scan
    burst_ = ScanBurst{e.timestampNs, e.timestampNs, {}, false, {}, {}, 0};
  }
  burst_->endNs = e.timestampNs;
  const std::uint64_t key = e.channel ? static_cast<std::uint64_t>(*e.channel) : kUnknownChannel;
  const FrameStamp at{e.timestampNs, e.frameIndex};
  if (e.kind == EventKind::ProbeRequest) {
    burst_->probes.request(ExchangeKind::Probe, key, at);
  } else if (auto x = burst_->probes.respond(ExchangeKind::Probe, key, at)) {
    x->channel = e.channel;
    appendExchange(burst_->exchanges, burst_->exchangesDropped, std::move(*x), kMaxExchangesPerRecord);
  }
  if (e.channel && burst_->channels.size() < kMaxScanChannels &&
      std::find(burst_->channels.begin(), burst_->channels.end(), *e.channel) == burst_->channels.end())
    burst_->channels.push_back(*e.channel);
}

void StationTracker::startAttempt(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (handshake_) closeHandshake("abandoned", "the station began a (re)association", out);
  if (attempt_) {
    fail(Failure{"abandoned", std::nullopt,
                 fmt::format("the station turned to {} before finishing{}", e.bssid.toString(), missingKeyMessage())},
         attempt_->lastEventNs, out);
  }
  emitWaiting(out);
  Attempt a;
  a.rec.sta = sta_;
  a.rec.to.bssid = e.bssid;
  a.rec.startNs = e.timestampNs;
  a.lastEventNs = e.timestampNs;
  if (current_) {
    a.rec.from = Endpoint{current_->bssid, current_->channel, current_->signalDbm};
    a.fromLastDataNs = current_->lastDataNs;
    // Stickiness is judged on what was heard before the station turned to another AP.
    // Taken once: a retry after a failed attempt starts a fresh watch.
    if (auto sticky = sticky_.finding()) a.rec.diagnostics.push_back(std::move(*sticky));
    sticky_.reset();
  }
  a.knownPmksa = contains(fullyAuthenticated_, e.bssid);
  // Kept for the record until the re-association with the target completes (a retry after a failed attempt
  // uses the same PTK).
  if (auto p = std::find_if(prepared_.begin(), prepared_.end(), [&](const Prepared& x) { return x.target == e.bssid; });
      p != prepared_.end())
    a.prepared = *p;
  a.preauthenticated = contains(preauthenticated_, e.bssid);
  if (burst_ && !burst_->used && burst_->endNs <= e.timestampNs &&
      e.timestampNs - burst_->endNs <= config_.scanLookbackNs) {
    a.phases[slot(PhaseKind::Scan)] = Phase{PhaseKind::Scan, burst_->startNs, burst_->endNs};
    a.rec.scanChannels = burst_->channels;
    a.rec.exchanges = burst_->exchanges;
    a.rec.exchangesDropped = burst_->exchangesDropped;
    burst_->used = true;
  }
  attempt_ = std::move(a);
}

void StationTracker::notePhase(PhaseKind kind, std::int64_t ts, bool isEnd) {
  auto& p = attempt_->phases[slot(kind)];
  if (!p) p = Phase{kind, ts, ts};
  if (isEnd || ts > p->endNs) p->endNs = ts;
  attempt_->lastEventNs = ts;
}

void StationTracker::onAuthentication(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (!e.fromAp) {
    // A new request to another BSSID, or to the same one after its (re)association began, is a new attempt;
    // repeats and SAE Confirm continue the running one.
    if (!attemptTargets(e) || attempt_->requestNs) startAttempt(e, out);
    if (!attempt_->firstAuthNs) attempt_->firstAuthNs = e.timestampNs;
  } else if (!attemptTargets(e)) {
    return;
  }
  attempt_->ftOverAir = attempt_->ftOverAir || e.authAlgorithm == ieee80211::auth_algorithm::FastBssTransition;
  attempt_->sae = attempt_->sae || e.authAlgorithm == ieee80211::auth_algorithm::Sae;
  notePhase(PhaseKind::Authentication, e.timestampNs, e.fromAp);
  pairExchange(*attempt_, e);
  if (e.fromAp && e.statusCode != 0 && e.statusCode != kStatusAntiCloggingTokenRequired) {
    fail(Failure{"authentication", e.statusCode,
                 fmt::format("Authentication status {}: {}", e.statusCode, ieee80211::statusCodeName(e.statusCode))},
         e.timestampNs, out);
  }
}

void StationTracker::onAssociationRequest(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (!attemptTargets(e) || attempt_->associated) startAttempt(e, out);
  Attempt& a = *attempt_;
  if (!a.requestNs) {
    a.requestNs = e.timestampNs;
    a.rec.requestFrame = e.frameIndex;
  }
  a.rsne = a.rsne || e.rsne;
  a.pmkid = a.pmkid || e.pmkid;
  if (e.akm) a.akm = e.akm;
  notePhase(PhaseKind::Reassociation, e.timestampNs, false);
  pairExchange(a, e);
}

void StationTracker::onAssociationResponse(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (!attemptTargets(e) || !attempt_->requestNs || attempt_->associated) return;
  notePhase(PhaseKind::Reassociation, e.timestampNs, true);
  pairExchange(*attempt_, e);
  if (e.statusCode != 0) {
    fail(Failure{"reassociation", e.statusCode,
                 fmt::format("{} Response status {}: {}", e.reassociation ? "Reassociation" : "Association",
                             e.statusCode, ieee80211::statusCodeName(e.statusCode))},
         e.timestampNs, out);
    return;
  }
  attempt_->responseNs = e.timestampNs;
  attempt_->associated = true;
  // FT carries the keys in the authentication/reassociation exchange (IEEE 802.11-2016 13.5); an open
  // network has none: both are complete here. Everything else completes with 4-way message 4.
  if (attempt_->ftOverAir || attempt_->ftOverDs || !attempt_->rsne) complete(e.timestampNs, out);
}

void StationTracker::onEap(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (!attemptTargets(e)) return;
  Attempt& a = *attempt_;
  a.eap = true;
  const bool end = e.kind == EventKind::EapSuccess || e.kind == EventKind::EapFailure;
  notePhase(PhaseKind::Eap, e.timestampNs, end);
  pairExchange(a, e);
  if (e.kind == EventKind::EapFailure)
    fail(Failure{"eap", std::nullopt, "EAP Failure from the authentication server"}, e.timestampNs, out);
}

void StationTracker::onKey(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  const bool group = eapol::isGroupMessage(e.keyMessage);
  // The group key handshake right after a roam belongs to it (the AP sends the GTK separately).
  Attempt* a = nullptr;
  if (attemptTargets(e))
    a = &*attempt_;
  else if (group && waiting_ && waiting_->rec.to.bssid == e.bssid && !waiting_->firstNewDataNs)
    a = &*waiting_;
  if (!a) a = &handshakeFor(e, out);
  const bool handshakeOnly = a->rec.kind == RecordKind::HandshakeOnly;
  if (a->rec.keyFrames.size() < kMaxKeyFrames) a->rec.keyFrames.push_back(e.frameIndex);
  pairExchange(*a, e);
  a->lastKeyNs = e.timestampNs;
  auto& phase = a->phases[slot(group ? PhaseKind::GroupKey : PhaseKind::FourWay)];
  const int number = eapol::messageNumber(e.keyMessage);
  if (!phase) phase = Phase{group ? PhaseKind::GroupKey : PhaseKind::FourWay, e.timestampNs, e.timestampNs};
  phase->endNs = e.timestampNs;
  a->lastEventNs = e.timestampNs;
  if (group) {
    // A group key handshake on its own (a GTK rekey, or the only handshake captured) ends with message 2.
    if (handshakeOnly && number == 2 && a->highestPairwiseMessage == 0 && !a->rec.success) {
      a->rec.success = true;
      a->rec.endNs = e.timestampNs;
    }
    return;
  }
  a->highestPairwiseMessage = std::max(a->highestPairwiseMessage, number);
  a->m1Retries.onPairwiseMessage(number, e.replayCounter);
  if (handshakeOnly) {
    if (number == 4 && !a->m4Ns) {
      a->m4Ns = e.timestampNs;
      a->rec.success = true;
      a->rec.endNs = e.timestampNs;
      // A completed 4-way handshake shows the station associated with that AP, whatever the capture missed.
      if (!current_ || current_->bssid != e.bssid) {
        enterAssociation(Association{e.bssid, a->rec.to.channel, a->rec.to.signalDbm, std::nullopt});
        // The sticky-client watch is told now, not at the next beacon it hears: beacons reach only the
        // stations of their ESS, and a finding taken before then must not describe the previous AP.
        sticky_.follow(e.bssid);
      }
    }
    return;
  }
  if (number == 4 && a->associated && !a->m4Ns) {
    a->m4Ns = e.timestampNs;
    complete(e.timestampNs, out);
  }
}

// Seed-000 (docs/protocols/seed-000.md): message 1 is this method's re-association request (it opens the attempt
// when no authentication was captured), message 2 the AP's answer, message 3 completes the re-association: from
// it on the station is associated with the target. No (Re)Association frame and no 4-way handshake follow.
void StationTracker::onSeed000(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  const int message = e.seed000Message;
  if (message == 1) {
    if (!attemptTargets(e) || attempt_->associated) startAttempt(e, out);
  } else if (!attemptTargets(e) || attempt_->associated) {
    return;  // answers no exchange this station is running
  }
  Attempt& a = *attempt_;
  a.seed000 = true;
  a.highestSeed000Message = std::max(a.highestSeed000Message, message);
  if (message == 1 && !a.requestNs) a.requestNs = e.timestampNs;
  if (message == 2 && !a.responseNs) a.responseNs = e.timestampNs;
  notePhase(PhaseKind::Seed000Exchange, e.timestampNs, message == 3);
  pairExchange(a, e);
  if (message != 3) return;
  // Message 3 shows the station took message 2's keys, even when message 2 itself was not captured.
  a.associated = true;
  a.confirmNs = e.timestampNs;
  a.lastKeyNs = e.timestampNs;
  complete(e.timestampNs, out);
}

void StationTracker::notePrepared(const RoamEvent& e) {
  auto p = std::find_if(prepared_.begin(), prepared_.end(), [&](const Prepared& x) { return x.target == e.bssid; });
  if (p == prepared_.end()) {
    if (prepared_.size() == kMaxPreparedTargets) prepared_.erase(prepared_.begin());
    prepared_.push_back(Prepared{e.bssid, std::nullopt, std::nullopt, false, false});
    p = prepared_.end() - 1;
  }
  const std::int64_t t = e.timestampNs;
  if (e.kind == EventKind::PreReassocKey) {
    if (eapol::isGroupMessage(e.keyMessage)) return;  // the GTK travels in seed-000 message 2, not here
    const int number = eapol::messageNumber(e.keyMessage);
    if (!p->fourWay || (p->fourWayDone && number == 1)) {
      p->fourWay = Phase{PhaseKind::FourWay, t, t};
      p->fourWayDone = false;
    }
    p->fourWay->endNs = std::max(p->fourWay->endNs, t);
    if (number == 4) p->fourWayDone = true;
    return;
  }
  // EAPOL-Start or an EAP-Request/Identity begins an authentication; after a success it is a new one.
  const bool begins = e.eapCode == 0 || (e.eapCode == static_cast<std::uint8_t>(eapol::EapCode::Request) &&
                                         e.eapType == eapol::eaptype::kIdentity);
  if (!p->eap || (p->eapDone && begins)) {
    p->eap = Phase{PhaseKind::Eap, t, t};
    p->eapDone = false;
    p->eapPacketSeen = false;
  }
  p->eap->endNs = std::max(p->eap->endNs, t);
  if (e.eapCode != 0) p->eapPacketSeen = true;
  if (e.kind == EventKind::PreauthSuccess) p->eapDone = true;
}

void StationTracker::onData(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  if (handshake_ && handshake_->rec.success && handshake_->rec.to.bssid == e.bssid)
    closeHandshake("", "", out);  // data flows: no group key handshake will follow
  if (waiting_ && waiting_->rec.to.bssid == e.bssid) {
    waiting_->firstNewDataNs = e.timestampNs;
    emitWaiting(out);
  }
  if (current_ && current_->bssid == e.bssid) current_->lastDataNs = e.timestampNs;
}

void StationTracker::complete(std::int64_t ts, std::vector<HandoffRecord>& out) {
  Attempt& a = *attempt_;
  a.rec.success = true;
  a.rec.endNs = ts;
  a.lastEventNs = ts;
  if (current_ && a.rec.from && current_->bssid == a.rec.from->bssid) a.fromLastDataNs = current_->lastDataNs;
  if (a.eap) remember(fullyAuthenticated_, a.rec.to.bssid);
  std::erase_if(prepared_, [&](const Prepared& p) { return p.target == a.rec.to.bssid; });
  enterAssociation(Association{a.rec.to.bssid, a.rec.to.channel, a.rec.to.signalDbm, std::nullopt});
  sticky_.reset();
  emitWaiting(out);
  waiting_ = std::move(a);
  attempt_.reset();
}

void StationTracker::fail(Failure failure, std::int64_t ts, std::vector<HandoffRecord>& out) {
  Attempt& a = *attempt_;
  a.rec.success = false;
  a.rec.failure = std::move(failure);
  a.rec.endNs = ts;
  // A refused or broken attempt leaves the station where it was (or nowhere, when the AP threw it out).
  if (a.associated && current_ && current_->bssid != a.rec.to.bssid) leaveAssociation();
  out.push_back(finalize(a));
  attempt_.reset();
}

void StationTracker::emitWaiting(std::vector<HandoffRecord>& out) {
  if (!waiting_) return;
  out.push_back(finalize(*waiting_));
  waiting_.reset();
}

void StationTracker::finish(std::vector<HandoffRecord>& out) {
  if (attempt_) {
    fail(Failure{"incomplete", std::nullopt, fmt::format("the capture ended during the attempt{}", missingKeyMessage())},
         attempt_->lastEventNs, out);
  }
  if (handshake_) closeHandshake("incomplete", "the capture ended during the handshake", out);
  emitWaiting(out);
  // Still stuck when the capture ended: the finding belongs to the record that made the association.
  if (!current_) return;
  auto sticky = sticky_.finding();
  if (!sticky) return;
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    if (it->sta == sta_ && it->success && it->to.bssid == current_->bssid) {
      it->diagnostics.push_back(std::move(*sticky));
      return;
    }
  }
}

void StationTracker::hear(const ApAdvertisement& a, const ApInfo& home) {
  if (current_) sticky_.heard(a, current_->bssid, home, current_->signalDbm);
}

std::string StationTracker::missingKeyMessage(const Attempt& a) {
  if (a.seed000)
    return a.highestSeed000Message >= 3 ? ""
                                        : fmt::format("; seed-000 message {} missing", a.highestSeed000Message + 1);
  const bool handshakeOnly = a.rec.kind == RecordKind::HandshakeOnly;
  if (!a.associated && !handshakeOnly) return "";
  const int n = a.highestPairwiseMessage;
  if (n == 0) return a.rsne && !handshakeOnly ? "; 4-way handshake never started (M1 missing)" : "";
  if (n >= 4) return "";
  return fmt::format("; 4-way handshake stopped after M{}: M{} missing", n, n + 1);
}

void StationTracker::addExchange(Exchange x) {
  if (attempt_) appendExchange(attempt_->rec.exchanges, attempt_->rec.exchangesDropped, std::move(x), kMaxExchangesPerRecord);
}

HandoffRecord StationTracker::finalize(Attempt& a) const {
  // Every caller discards the attempt right after: its record is moved out, not copied (a deep copy of its
  // vectors, map and strings for every handoff).
  HandoffRecord r = std::move(a.rec);
  // Method (docs/report-format.md): what the frames show, most specific first.
  if (a.seed000)
    r.method = Method::Seed000;
  else if (a.ftOverDs)
    r.method = Method::FtOverDs;
  else if (a.ftOverAir)
    r.method = Method::FtOverAir;
  else if (a.sae)
    r.method = Method::Sae;
  else if (a.eap)
    r.method = Method::Full8021X;
  else if (a.pmkid && !isPskAkm(a.akm))
    r.method = a.knownPmksa ? Method::PmkCache : a.preauthenticated ? Method::PreAuthentication : Method::Okc;
  else if (a.rsne || a.highestPairwiseMessage > 0)
    r.method = Method::Psk;
  else
    r.method = Method::Open;

  r.m1Retries = a.m1Retries.retries();
  if (auto timeout = eapolTimeoutDiagnostic(r)) r.diagnostics.push_back(std::move(*timeout));

  // A seed-000 roam's pre-authentication and 4-way handshake ran through the old AP before the attempt began:
  // they are its EAP and key phases (docs/latency.md), even though they come before its authentication.
  if (a.seed000 && a.prepared) {
    auto& eap = a.phases[slot(PhaseKind::Eap)];
    auto& fourWay = a.phases[slot(PhaseKind::FourWay)];
    if (!eap && a.prepared->eapPacketSeen) eap = a.prepared->eap;
    if (!fourWay) fourWay = a.prepared->fourWay;
  }
  for (const auto& p : a.phases)
    if (p) r.phases.push_back(*p);
  std::sort(r.phases.begin(), r.phases.end(),
            [](const Phase& x, const Phase& y) { return x.startNs < y.startNs; });
  std::stable_sort(r.exchanges.begin(), r.exchanges.end(),
                   [](const Exchange& x, const Exchange& y) { return x.request.ns < y.request.ns; });

  if (!r.success) return r;  // latencies describe completed handoffs only
  auto set = [&](Definition d, std::optional<std::int64_t> from, std::optional<std::int64_t> to) {
    if (from && to && *to >= *from) r.latencyNs[d] = *to - *from;
  };
  if (r.from) set(Definition::DataToData, a.fromLastDataNs, a.firstNewDataNs);
  set(Definition::AuthToM4, a.firstAuthNs, a.seed000 ? a.confirmNs : a.m4Ns);
  if (a.ftOverAir) set(Definition::FtAuthToReassocResp, a.firstAuthNs, a.responseNs);
  if (a.ftOverDs) set(Definition::FtActionToReassocResp, a.ftActionNs, a.responseNs);
  set(Definition::ReassocToLastKey, a.requestNs, a.lastKeyNs);
  if (const auto& scan = a.phases[slot(PhaseKind::Scan)]) set(Definition::TotalWithScan, scan->startNs, r.endNs);
  // The single request-to-response figure: the (re)association exchange that succeeded (docs/latency.md); for
  // seed-000, whose message 1 and 2 take the place of the (re)association request and response, those.
  if (a.seed000) {
    if (const Exchange* x = r.lastExchange(ExchangeKind::Seed000M1M2))
      set(Definition::RequestToResponse, x->request.ns, x->response.ns);
  } else if (const Exchange* x = r.lastExchange(ExchangeKind::Reassociation); x && x->status == 0) {
    set(Definition::RequestToResponse, x->request.ns, x->response.ns);
  }
  return r;
}

}  // namespace rs::roam

namespace rs::roam {

void StationTracker::pairExchange(Attempt& a, const RoamEvent& e) {
  const FrameStamp at{e.timestampNs, e.frameIndex};
  std::optional<Exchange> done;
  switch (e.kind) {
    case EventKind::Authentication: {
      const bool sae = e.authAlgorithm == ieee80211::auth_algorithm::Sae;
      if (!e.fromAp) {
        const auto answer = static_cast<std::uint16_t>(sae ? e.authSequence : e.authSequence + 1);
        a.pairer.request(ExchangeKind::Authentication, authenticationKey(e.authAlgorithm, answer), at,
                         authenticationStepName(e.authAlgorithm, e.authSequence));
      } else {
        done = a.pairer.respond(ExchangeKind::Authentication, authenticationKey(e.authAlgorithm, e.authSequence), at);
        if (done) done->status = e.statusCode;
      }
      break;
    }
    case EventKind::FtRequest: a.pairer.request(ExchangeKind::FtAction, 0, at); break;
    case EventKind::FtResponse:
      done = a.pairer.respond(ExchangeKind::FtAction, 0, at);
      if (done) done->status = e.statusCode;
      break;
    case EventKind::AssociationRequest:
      a.pairer.request(ExchangeKind::Reassociation, 0, at, e.reassociation ? "reassociation" : "association");
      break;
    case EventKind::AssociationResponse:
      done = a.pairer.respond(ExchangeKind::Reassociation, 0, at);
      if (done) done->status = e.statusCode;
      break;
    case EventKind::EapStart:
    case EventKind::EapOther:
      // RFC 3748 4.1: a Response carries the Identifier of the Request it answers; a retransmitted
      // Request keeps its Identifier. EAPOL-Start (code 0) asks for nothing.
      if (e.eapCode == static_cast<std::uint8_t>(eapol::EapCode::Request) && e.fromAp) {
        a.pairer.request(ExchangeKind::Eap, e.eapIdentifier, at, eapStepName(e.eapType));
      } else if (e.eapCode == static_cast<std::uint8_t>(eapol::EapCode::Response) && !e.fromAp) {
        done = a.pairer.respond(ExchangeKind::Eap, e.eapIdentifier, at);
        if (done) done->identifier = e.eapIdentifier;
      }
      break;
    case EventKind::EapolKey: {
      // The supplicant's reply echoes the Key Replay Counter of the message it answers (IEEE 802.11-2016
      // 12.7.6.3, 12.7.6.5, 12.7.7.3); the authenticator sends every retry with a new counter.
      const std::uint64_t replay = e.replayCounter;
      switch (e.keyMessage) {
        case eapol::KeyMessage::Pairwise1: a.pairer.request(ExchangeKind::M1M2, 0, at, {}, replay); break;
        case eapol::KeyMessage::Pairwise2: done = a.pairer.respond(ExchangeKind::M1M2, 0, at, replay); break;
        case eapol::KeyMessage::Pairwise3: a.pairer.request(ExchangeKind::M3M4, 0, at, {}, replay); break;
        case eapol::KeyMessage::Pairwise4: done = a.pairer.respond(ExchangeKind::M3M4, 0, at, replay); break;
        case eapol::KeyMessage::Group1: a.pairer.request(ExchangeKind::GroupM1M2, 0, at, {}, replay); break;
        case eapol::KeyMessage::Group2: done = a.pairer.respond(ExchangeKind::GroupM1M2, 0, at, replay); break;
      }
      break;
    }
    case EventKind::Seed000:
      // Message 2 echoes message 1's SRandom, message 3 message 2's ARandom (docs/protocols/seed-000.md 2.4, 2.5).
      switch (e.seed000Message) {
        case 1: a.pairer.request(ExchangeKind::Seed000M1M2, 0, at, {}, e.seed000SRandom); break;
        case 2:
          done = a.pairer.respond(ExchangeKind::Seed000M1M2, 0, at, e.seed000SRandom);
          a.pairer.request(ExchangeKind::Seed000M2M3, 0, at, {}, e.seed000ARandom);
          break;
        case 3: done = a.pairer.respond(ExchangeKind::Seed000M2M3, 0, at, e.seed000ARandom); break;
        default: break;
      }
      break;
    default: break;
  }
  if (done) appendExchange(a.rec.exchanges, a.rec.exchangesDropped, std::move(*done), kMaxExchangesPerRecord);
}

StationTracker::Attempt& StationTracker::handshakeFor(const RoamEvent& e, std::vector<HandoffRecord>& out) {
  // A new message 1 after a completed handshake is the next handshake (a PTK rekey).
  if (handshake_ && handshake_->rec.to.bssid != e.bssid)
    closeHandshake("abandoned", "the station began a handshake with another AP", out);
  else if (handshake_ && handshake_->rec.success && e.keyMessage == eapol::KeyMessage::Pairwise1)
    closeHandshake("", "", out);
  if (!handshake_) {
    Attempt a;
    a.rec.kind = RecordKind::HandshakeOnly;
    a.rec.sta = sta_;
    a.rec.to.bssid = e.bssid;
    if (current_ && current_->bssid == e.bssid) {
      a.rec.to.channel = current_->channel;
      a.rec.to.signalDbm = current_->signalDbm;
    }
    if (!a.rec.to.channel) a.rec.to.channel = e.channel;
    if (!a.rec.to.signalDbm && e.fromAp) a.rec.to.signalDbm = e.signalDbm;
    a.rec.startNs = e.timestampNs;
    a.rec.endNs = e.timestampNs;
    a.lastEventNs = e.timestampNs;
    a.rsne = true;  // EAPOL-Key handshakes exist only in RSN (and WPA) networks
    handshake_ = std::move(a);
  }
  return *handshake_;
}

// Emits the handshake-only record: as it is when it completed, else failed at `stage`.
void StationTracker::closeHandshake(const char* stage, std::string_view what, std::vector<HandoffRecord>& out) {
  if (!handshake_) return;
  Attempt& a = *handshake_;
  if (!a.rec.success) {
    a.rec.failure = Failure{stage, std::nullopt, fmt::format("{}{}", what, missingKeyMessage(a))};
    a.rec.endNs = a.lastEventNs;
  }
  out.push_back(finalize(a));
  handshake_.reset();
}

}  // namespace rs::roam
