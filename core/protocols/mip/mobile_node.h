// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mobile node (RFC 3344 3.6) with the seed-001 key schedule. It follows its
// itinerary from link to link, detects movement from agent advertisements
// (2.4.2: a new agent heard, or the current one's advertisement lifetime
// running out), and registers: through the foreign agent at its care-of
// address, or directly with a co-located care-of address, or de-registers
// when back on its home link. With dynamic keys the first registration with a
// home agent is the seed's initial request (MS-CHAPv2 values, Skey and Skey'
// computed from the password before the request leaves); later ones are
// authenticated with Skey', and Skey' is refreshed with Skey every re-key
// interval. Requests are sent again with new identifications and a doubling
// timeout (3.6.3); after the retries it tries its next home agent. A reply
// with code 133 that verifies resynchronises its clock (5.7). Through a
// foreign agent that advertises RFC 3012 challenges, every request echoes the
// latest challenge and carries an MN-AAA authenticator made with the
// password; a denial for an unknown, missing or stale challenge that hands
// out a new one is answered by sending the request again with it.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/analysis/mip/registration_record.h"
#include "core/crypto/secret_bytes.h"
#include "core/protocols/mip/mip_world.h"
#include "core/protocols/mip/sa_table.h"
#include "dissectors/mip/agent_advertisement.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip {

struct MobileNodeCounters {
  std::uint64_t requestsSent = 0;  // retransmissions included
  std::uint64_t registrations = 0; // accepted replies
  std::uint64_t denials = 0;
  std::uint64_t movements = 0;     // new agents heard
  std::uint64_t rekeys = 0;
  std::uint64_t keysExpired = 0;   // session keys dropped because the binding lifetime ran out
};

class MobileNode {
 public:
  // Throws std::invalid_argument when the node has no address or no link.
  MobileNode(MipWorld& world, const MobileSettings& settings);
  ~MobileNode();
  MobileNode(const MobileNode&) = delete;
  MobileNode& operator=(const MobileNode&) = delete;

  void start();
  // The fault "replay-request": the last request this MN sent goes out again, byte for byte, on its link.
  void replayLastRequest();
  // The faults unknown-, missing- and stale-challenge: the next request through a foreign agent gets it wrong.
  void spoilNextChallenge(FaultKind fault) { challengeFault_ = fault; }

  sim::NodeId node() const { return settings_.node; }
  std::uint32_t homeAddress() const { return home_; }
  const SaTable& securityAssociations() const { return sas_; }
  const MobileNodeCounters& counters() const { return counters_; }
  // The care-of address of the current binding, if registered away from home.
  std::optional<std::uint32_t> careOfAddress() const;

 private:
  struct Agent {
    std::uint32_t address = 0;
    MacAddress mac;
    bool home = false;     // one of this MN's home agents, on its home link
    bool foreign = false;  // offers a care-of address
    std::uint32_t careOf = 0;
    Bytes challenge;  // RFC 3012: the latest challenge it advertised (or handed out in a denial); empty: none
  };
  // The request in flight (one at a time).
  struct Pending {
    mipreg::Trigger trigger = mipreg::Trigger::Movement;
    mipreg::Auth auth = mipreg::Auth::Static;
    std::uint32_t careOf = 0;
    bool viaForeignAgent = false;
    bool colocated = false;
    std::uint16_t lifetime = 0;
    std::uint64_t identification = 0;  // of the last transmission
    std::optional<std::uint64_t> recorded;  // the identification the ground truth knows the record by
    sim::SimTime lastSent = 0;
    int transmissions = 0;
    int resyncs = 0;
    int challengeRetries = 0;  // RFC 3012 denials answered with the new challenge they carried
    crypto::SecretBytes skey;       // AaaDynamic: what the MN derived for this transmission
    crypto::SecretBytes skeyPrime;  // AaaDynamic, SkeyRekey: the Skey' to install on acceptance
    sim::EventId timer{};
  };
  struct Binding {
    std::uint32_t careOf = 0;
    std::size_t homeAgent = 0;  // index into settings_.homeAgents
    sim::SimTime expires = 0;
  };

  void attach(const Attachment& step);
  void detach();
  void receive(std::size_t link, const sim::WireDelivery& delivery);
  void onAdvertisement(const ParsedAgentAdvertisement& adv, const MacAddress& from, sim::SimTime firstBit);
  void agentLost();
  void solicit();
  // Requests (mobile_node_requests.cpp).
  void registerNow(mipreg::Trigger trigger);
  void transmit();
  // RFC 3012: the MN-FA Challenge and MN-AAA extensions for a request through a challenging foreign agent.
  crypto::Result<Bytes> answerChallenge(Bytes request);
  // A foreign agent's 104/105/106 with a new challenge: true when the request went out again with it.
  bool retryWithNewChallenge(const Message& reply, const std::string& reason, sim::SimTime arrival);
  void onTimeout();
  void onReply(ByteView payload, sim::SimTime arrival);
  void accepted(const Message& reply, sim::SimTime arrival);
  void abandon(std::string reason);
  void discardSessionKeys(std::string_view why);
  void scheduleTimers();
  std::uint64_t nextIdentification();
  std::uint32_t homeAgentAddress() const;

  MipWorld& world_;
  const MobileSettings& settings_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t home_ = 0;
  std::vector<sim::WiredLink*> links_;
  std::optional<std::size_t> current_;  // index into links_
  Attachment attachment_;
  std::optional<Agent> agent_;
  sim::EventId agentTimer_{};
  std::unique_ptr<Pending> pending_;
  std::optional<Binding> binding_;
  std::size_t homeAgent_ = 0;  // index into settings_.homeAgents of the HA in use
  SaTable sas_;
  std::int64_t clockOffsetNs_ = 0;
  std::uint64_t lastIdentification_ = 0;
  sim::EventId renewalTimer_{}, rekeyTimer_{}, expiryTimer_{};
  sim::SimTime lastKeyed_ = 0;  // when Skey' was last installed
  Bytes lastRequestFrame_;
  std::size_t lastRequestLink_ = 0;
  mipreg::RegistrationRecord lastRequestRecord_;
  Bytes lastChallenge_;  // RFC 3012: the challenge the last request echoed
  std::optional<FaultKind> challengeFault_;
  sim::Random random_;
  std::uint16_t ipIdentification_ = 0;
  MobileNodeCounters counters_;
};

}  // namespace rs::mip
