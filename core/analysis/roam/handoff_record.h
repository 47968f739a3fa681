// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One handoff as the roam analysis reports it (docs/report-format.md): a
// station joining or moving to a BSSID, how it did it, whether it worked, the
// phases with their exact frame timestamps and the latency under every named
// definition that applies (docs/latency.md). Times are nanoseconds of the
// frame stream's clock; the report converts them to milliseconds.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/analysis/roam/exchange.h"
#include "dissectors/common/mac_address.h"

namespace rs::roam {

// Seed000: the seed-000 fast re-association (docs/protocols/seed-000.md), its three vendor-specific Action frames
// in place of the (Re)Association Request/Response and the 4-way handshake.
enum class Method : std::uint8_t {
  Open, Psk, Full8021X, PmkCache, Okc, PreAuthentication, FtOverAir, FtOverDs, Sae, Seed000
};
inline constexpr int kMethodCount = 10;
// "open", "psk", "full-802.1x", "pmk-cache", "okc", "pre-authentication", "ft-over-air", "ft-over-ds", "sae",
// "seed000-fast-reassociation".
std::string_view methodName(Method m);

// Seed000Exchange: seed-000 message 1 → message 3 (the re-association of that method).
enum class PhaseKind : std::uint8_t { Scan, Authentication, FtAction, Reassociation, Eap, FourWay, GroupKey, Seed000Exchange };
inline constexpr int kPhaseKindCount = 8;
std::string_view phaseName(PhaseKind p);  // "scan", "authentication", "ft-action", "reassociation", ..., "seed000-exchange"

struct Phase {
  PhaseKind kind = PhaseKind::Scan;
  std::int64_t startNs = 0;
  std::int64_t endNs = 0;
};

// The latency definitions of docs/latency.md, in report order.
enum class Definition : std::uint8_t {
  DataToData,
  AuthToM4,
  FtAuthToReassocResp,
  FtActionToReassocResp,
  ReassocToLastKey,
  TotalWithScan,
  // The single figure of the request → response exchanges: the successful (re)association request →
  // response (docs/latency.md). Last, so the columns of the earlier definitions keep their places.
  RequestToResponse,
};
inline constexpr int kDefinitionCount = 7;
std::string_view definitionName(Definition d);  // "data-to-data", "auth-to-m4", ...
std::optional<Definition> definitionFromName(std::string_view name);

// Why an attempt failed: a status code, a deauthentication/disassociation
// reason, an EAP Failure, or a handshake that stopped (missing message, timeout).
struct Failure {
  std::string stage;  // "authentication", "reassociation", "ft-action", "eap", "four-way", "deauthentication", ...
  std::optional<std::uint16_t> code;  // status or reason code
  std::string reason;                 // for people: "Reason 15: 4-way handshake timeout; M4 missing"
};

struct Endpoint {
  MacAddress bssid;
  std::optional<int> channel;       // from the radiotap/PPI frequency of frames the AP sent
  std::optional<int> signalDbm;     // of the last (before) / first (after) frame the AP sent to the station
};

// A finding an engineer looks for on a handoff (docs/diagnostics.md): a stable
// kind ("over-latency-budget", "eapol-timeout", "ft-advertised-not-used",
// "sticky-client"), a sentence for people and the figures behind it.
struct Diagnostic {
  using Value = std::variant<std::int64_t, double, std::string>;
  std::string kind;
  std::string message;
  std::vector<std::pair<std::string, Value>> values;  // in report order
};

// The latency budget class of a successful handoff (latency_budget.h).
struct BudgetVerdict {
  Definition definition = Definition::ReassocToLastKey;  // the definition the class was taken from
  std::int64_t latencyNs = 0;
  std::size_t classIndex = 0;  // 0 = within the first threshold; thresholds.size() = over the last
  std::string label;           // "≤50 ms", ">250 ms"
};

// What a record describes: a join or roam (a (re)association, or an attempt at one), or an EAPOL-Key
// handshake with no (re)association of it in the capture (a capture that starts mid-handshake, only
// the EAPOL frames, a PTK or GTK rekey within an association).
enum class RecordKind : std::uint8_t { Handoff, HandshakeOnly };
std::string_view recordKindName(RecordKind k);  // "handoff", "handshake-only"

// Per record, at most this many exchanges are kept (a full 802.1X roam has about 10-15 EAP rounds, a
// scan one probe exchange per channel); the others are counted in HandoffRecord::exchangesDropped.
inline constexpr std::size_t kMaxExchangesPerRecord = 64;

struct HandoffRecord {
  RecordKind kind = RecordKind::Handoff;
  MacAddress sta;
  std::optional<Endpoint> from;  // absent for a first join (no association seen before)
  Endpoint to;
  Method method = Method::Open;
  bool success = false;
  std::optional<Failure> failure;
  std::int64_t startNs = 0;  // first frame of the attempt (authentication, FT action or reassociation request)
  std::int64_t endNs = 0;    // the frame that completed (or ended) the attempt
  std::vector<Phase> phases;
  std::vector<int> scanChannels;  // channels the scan phase probed, in first-probe order
  std::map<Definition, std::int64_t> latencyNs;  // only the definitions that apply
  // Key checks (only with keys): every EAPOL-Key MIC of the attempt verified /
  // one failed; absent when nothing could be checked.
  std::optional<bool> micsVerified;
  std::optional<bool> pmkidValid;  // the PMKID of the reassociation request, when checked
  std::vector<std::uint64_t> keyFrames;  // stream indices of the attempt's EAPOL-Key frames
  std::optional<std::uint64_t> requestFrame;  // the (re)association request, for its PMKID check
  int m1Retries = 0;  // 4-way message 1 sent again: same replay counter, or another M1 before any M2
  // Request → response exchanges (exchange.h), by request time; capped at kMaxExchangesPerRecord.
  std::vector<Exchange> exchanges;
  std::size_t exchangesDropped = 0;
  std::optional<BudgetVerdict> budget;  // successful handoffs with a latency under the budget's definition
  std::vector<Diagnostic> diagnostics;

  const Phase* phase(PhaseKind k) const {
    for (const Phase& p : phases)
      if (p.kind == k) return &p;
    return nullptr;
  }
  // The last exchange of a kind, or null.
  const Exchange* lastExchange(ExchangeKind k) const {
    for (auto it = exchanges.rbegin(); it != exchanges.rend(); ++it)
      if (it->kind == k) return &*it;
    return nullptr;
  }
};

}  // namespace rs::roam
