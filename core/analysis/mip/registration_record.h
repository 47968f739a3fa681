// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Mobile IP registration (RFC 3344 3) as RoamScope reports it: who
// registered where, why (movement, renewal, seed-001 re-key, return home),
// which security association authenticated it, the outcome with its reply
// code, the timestamps of every message on its path (MN -> FA -> HA -> AAA
// and back) and the latency of each hop (docs/latency.md, "Mobile IP").
// Emulator ground truth and the analysis of captures both produce it. Times
// are nanoseconds of the frame stream's clock, the first bit of each message
// as a capture point on the sender's link records it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::mipreg {

// Why the MN registered.
enum class Trigger : std::uint8_t {
  Movement,        // a new care-of address: the MN moved (or registers for the first time)
  Renewal,         // the binding's lifetime was running out
  Rekey,           // seed 001: refresh Skey' with Skey, without the AAA server
  Deregistration,  // back on the home link: lifetime 0 (RFC 3344 3.6.1.1)
  Replayed,        // not the MN's: an on-path attacker's copy of an earlier request
};
std::string_view triggerName(Trigger t);  // "movement", "renewal", "re-key", "deregistration", "replayed"

// The security association whose key made the MN-HA authenticator.
enum class Auth : std::uint8_t {
  Static,      // RFC 3344's pre-configured key
  AaaDynamic,  // seed 001 initial request: MS-CHAPv2 via the AAA server, Skey derived by both ends
  SkeyPrime,   // seed 001: the derived key Skey'
  SkeyRekey,   // seed 001 re-keying: authenticated with Skey, installs a new Skey'
};
std::string_view authName(Auth a);  // "static", "aaa-dynamic", "skey-prime", "skey-rekey"

// The messages of a registration, in path order; a record holds those that were sent.
enum class Step : std::uint8_t {
  Attach,          // the MN was plugged into the new link (movement only)
  Advertisement,   // the agent advertisement that told the MN it had moved
  Request,         // the MN's Registration Request (its last transmission)
  FaAccessRequest, // RFC 3012: the FA's RADIUS Access-Request (CHAP) checking the MN-AAA authenticator
  FaAccessReply,   // the AAA server's answer to it
  RelayedRequest,  // the FA's relay toward the HA
  AccessRequest,   // the HA's RADIUS Access-Request (AaaDynamic only)
  AccessReply,     // the AAA server's Access-Accept or Access-Reject
  Reply,           // the HA's Registration Reply
  RelayedReply,    // the FA's reply toward the MN: the HA's, relayed, or the FA's own denial (RFC 3012 codes)
  ReplyReceived,   // the reply reached the MN (ground truth only: no capture point sees an arrival)
};
inline constexpr int kStepCount = 11;
std::string_view stepName(Step s);  // "attach", "advertisement", "request", "relayed-request", ...

// The latency figures of docs/latency.md "Mobile IP", in report order.
enum class Figure : std::uint8_t {
  Registration,         // Request -> the reply on the MN's link (RelayedReply via an FA, else Reply)
  MovementToRegistered, // Attach -> the reply on the MN's link (movement detection included)
  MnToFa,               // Request -> FaAccessRequest (RFC 3012) or RelayedRequest: the access link and the FA
  FaAaaRoundTrip,       // FaAccessRequest -> FaAccessReply: the FA's AAA check of the MN-AAA authenticator
  FaToHa,               // FaAccessReply or RelayedRequest (or Request) -> AccessRequest (or Reply): backbone and HA
  AaaRoundTrip,         // AccessRequest -> AccessReply
  HomeAgentKeys,        // AccessReply -> Reply: the HA's key derivation and reply
  HaToMn,               // Reply -> RelayedReply: back through the FA
};
inline constexpr int kFigureCount = 8;
// Every figure in report order (the reports' columns).
inline constexpr Figure kFigures[kFigureCount] = {Figure::Registration, Figure::MovementToRegistered, Figure::MnToFa,
                                                  Figure::FaAaaRoundTrip, Figure::FaToHa, Figure::AaaRoundTrip,
                                                  Figure::HomeAgentKeys, Figure::HaToMn};
std::string_view figureName(Figure f);  // "registration", "movement-to-registered", "mn-fa", ...

struct RegistrationRecord {
  std::string nai;
  std::uint32_t homeAddress = 0;  // host order
  std::uint32_t homeAgent = 0;
  std::uint32_t careOfAddress = 0;
  std::optional<std::uint32_t> foreignAgent;  // when relayed by an FA
  Trigger trigger = Trigger::Movement;
  Auth auth = Auth::Static;
  std::uint64_t identification = 0;  // of the last request sent
  std::uint16_t lifetime = 0;        // requested
  bool success = false;
  std::optional<std::uint8_t> code;  // the reply code (RFC 3344 3.4), when a reply came
  std::string reason;                // for people, on failure: "133: identification mismatch (replayed request)"
  int retransmissions = 0;
  std::int64_t startNs = 0;          // first transmission of the request
  std::int64_t endNs = 0;            // the reply on the MN's link, or when the MN gave up
  std::map<Step, std::int64_t> steps;
  std::map<Figure, std::int64_t> latencyNs;  // only the figures whose steps are present

  // Fills latencyNs from steps (and success: no registration latency for a failure).
  void computeLatency();
};

}  // namespace rs::mipreg
