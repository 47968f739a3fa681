// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Request → response exchanges of a handoff (docs/latency.md
// "request-to-response"): which request a response answers, both frames'
// timestamps and stream indices, and how often the request was sent again
// before the answer came. The pairing rules live here so the station tracker
// only says "this is a request of kind K, matched by key X".
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::roam {

// In report order. Probe: a probe request → the first probe response on its channel. Authentication:
// by transaction sequence number. FtAction: FT Request → FT Response over the DS. Reassociation: an
// (Re)Association Request → its Response. M1M2/M3M4/GroupM1M2: EAPOL-Key messages, the AP asking.
// Eap: EAP-Request → EAP-Response with the same identifier. Radius: on the wired side, an Access-Request →
// its Access-Accept/-Reject/-Challenge (RFC 2865 2: same client/server addresses and ports, same Identifier).
// Seed000M1M2 / Seed000M2M3: seed-000 message 1 → message 2 (which echoes its SRandom), message 2 → message 3
// (which echoes its ARandom), docs/protocols/seed-000.md.
enum class ExchangeKind : std::uint8_t {
  Probe, Authentication, FtAction, Reassociation, Eap, Radius, M1M2, M3M4, GroupM1M2, Seed000M1M2, Seed000M2M3
};
inline constexpr int kExchangeKindCount = 11;
// "probe", "authentication", "ft-action", "reassociation", "eap", "radius", "m1-m2", "m3-m4", "group-m1-m2",
// "seed000-m1-m2", "seed000-m2-m3".
std::string_view exchangeKindName(ExchangeKind k);

// A frame of an exchange: its capture timestamp and its index in the frame stream.
struct FrameStamp {
  std::int64_t ns = 0;
  std::uint64_t frame = 0;
};

struct Exchange {
  ExchangeKind kind = ExchangeKind::Reassociation;
  // What the request was, where the kind leaves it open: "open", "sae-commit", "sae-confirm", "ft",
  // "shared-key" (authentication), "association"/"reassociation", "identity"/"md5"/"tls"/... (EAP type of
  // the request); empty otherwise.
  std::string step;
  FrameStamp request;   // the last transmission of the request before the response
  FrameStamp response;
  int retries = 0;      // how many times the request was sent again before the response
  std::optional<int> channel;              // probe: the channel probed
  std::optional<std::uint16_t> status;     // authentication, FT action, (re)association: the response's status;
                                           // RADIUS: the response's Code (2 Accept, 3 Reject, 11 Challenge)
  std::optional<std::uint8_t> identifier;  // EAP identifier; RADIUS Identifier

  std::int64_t latencyNs() const { return response.ns - request.ns; }
};

// Short names of EAP method types for Exchange::step (IANA "EAP Method Types"): "identity", "md5", "tls",
// "ttls", "peap", "mschapv2", ...; "type-N" for the others.
std::string eapStepName(std::uint8_t type);
// Exchange::step of an authentication request (IEEE 802.11-2016 9.4.1.1 algorithm, 9.4.1.2 sequence).
std::string authenticationStepName(std::uint16_t algorithm, std::uint16_t sequence);

// Pending requests of one station's attempt and their pairing with responses. Memory is fixed: at most
// kMaxPending request kinds/keys are waiting, each remembering its last kMaxTransmissions sends.
class ExchangePairer {
 public:
  static constexpr std::size_t kMaxPending = 16;
  static constexpr std::size_t kMaxTransmissions = 8;

  // A request that a response with the same kind and key will answer. A request repeated with the same
  // kind and key before any response is a retransmission. `tag` is what the response echoes (the EAPOL-Key
  // replay counter), used to find which transmission it answers.
  void request(ExchangeKind kind, std::uint64_t key, FrameStamp at, std::string step = {},
               std::optional<std::uint64_t> tag = std::nullopt);
  // The response answers the last transmission before it (the last one whose tag equals `tag`, when
  // given and found). nullopt when no request of that kind and key waits; the request stops waiting,
  // so later responses (a second Probe Response on the same channel) are not paired again.
  std::optional<Exchange> respond(ExchangeKind kind, std::uint64_t key, FrameStamp at,
                                  std::optional<std::uint64_t> tag = std::nullopt);
  void clear() { pending_.clear(); }

 private:
  struct Transmission {
    FrameStamp at;
    std::optional<std::uint64_t> tag;
  };
  struct Pending {
    ExchangeKind kind = ExchangeKind::Reassociation;
    std::uint64_t key = 0;
    std::string step;
    int count = 0;                          // transmissions, all of them
    std::vector<Transmission> transmissions;  // the most recent kMaxTransmissions
  };
  std::vector<Pending> pending_;  // oldest first
};

// A capped list of exchanges: appends up to `cap`, counts the rest in `dropped`.
void appendExchange(std::vector<Exchange>& list, std::size_t& dropped, Exchange e, std::size_t cap);

}  // namespace rs::roam
