// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The ESS's 802.1X authentication server: a RADIUS server (RFC 2865) that
// runs EAP-TLS (RFC 5216, RFC 9190) for the access points, its RADIUS clients
// (RFC 3579), and hands each AP the station's keys in the Access-Accept as
// MS-MPPE-Recv-Key / MS-MPPE-Send-Key (RFC 2548; radius_replies.h).
//
// One session per EAP conversation, found by the State attribute it issued
// (RFC 2865 5.24); an Access-Request without State must carry an
// EAP-Response/Identity and starts one. Every Access-Request must carry
// EAP-Message and a valid Message-Authenticator, else it is silently
// discarded (RFC 3579 3.2); so is anything else that is not a well-formed
// Access-Request. A retransmitted request (same client address and port,
// Identifier and Request Authenticator) gets the cached reply again without
// running EAP twice (RFC 5080 2.2.2). Each packet costs the node
// "radius-processing", each EAP-TLS step "eap-tls-server-message", the
// Accept's key encryption "mppe-key-crypto" (wlan_costs.h); the reply leaves
// when the node has done that work. Sessions end with the Accept or Reject,
// or after kSessionIdleLifetime without a request.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>

#include "core/protocols/eap_tls/eap_tls_config.h"
#include "core/protocols/eap_tls/eap_tls_server.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/radius_replies.h"
#include "core/sim/random.h"
#include "core/sim/simulation.h"
#include "dissectors/radius/radius.h"

namespace rs::wlan {

struct RadiusServerSettings {
  std::string sharedSecret;  // the RADIUS client secret every AP uses
  eap::TlsVersion tlsVersion = eap::TlsVersion::Tls12;
  std::size_t fragmentSize = eap::kDefaultFragmentSize;
  std::uint16_t port = radius::kAuthPort;
};

class RadiusServer {
 public:
  // A supplicant that stops answering leaves its session behind; RADIUS
  // clients retry within seconds (RFC 5080 2.2.1), so 30 s idle means gone.
  static constexpr sim::SimTime kSessionIdleLifetime = sim::seconds(30);
  // Bounds the memory a flood of new conversations can take.
  static constexpr std::size_t kMaxSessions = 4096;
  // Replies kept for retransmitted requests (RFC 5080 2.2.2), as long as a session may idle.
  static constexpr std::size_t kMaxCachedReplies = 4096;

  // Listens on the node's single wired link (its ipv4 and mac from the
  // Topology); `pki` gives the server credential and CA. Throws
  // std::invalid_argument when the node has no IPv4 address, not exactly one
  // link, the secret is empty or the PKI does not decode.
  RadiusServer(sim::Simulation& sim, sim::NodeId node, RadiusServerSettings settings, const eap::TestPki& pki);
  RadiusServer(const RadiusServer&) = delete;
  RadiusServer& operator=(const RadiusServer&) = delete;

  std::size_t sessionsStarted() const { return sessionsStarted_; }
  std::size_t accepts() const { return accepts_; }
  std::size_t rejects() const { return rejects_; }
  std::size_t discarded() const { return discarded_; }            // silently dropped requests
  std::size_t duplicatesAnswered() const { return duplicates_; }  // cached replies sent again
  std::size_t openSessions() const { return sessions_.size(); }

 private:
  struct Session {
    std::unique_ptr<eap::EapTlsServer> eap;
    std::string identity;
    sim::SimTime lastActivity = 0;
  };
  struct CachedReply {
    Bytes frame;              // the whole Ethernet frame, sent again as it was
    sim::SimTime sendAt = 0;  // before this the original is still being processed
    sim::SimTime stored = 0;
    std::string_view label;
  };
  // (client IPv4, client port, Identifier, Request Authenticator): RFC 5080 2.2.2's duplicate key.
  using RequestKey = std::tuple<std::uint32_t, std::uint16_t, std::uint8_t, Bytes>;

  // One Access-Request being answered.
  struct Request {
    UdpEndpoint client;
    const radius::Packet* packet = nullptr;
    RequestKey key;
    sim::SimTime done = 0;  // when the node has finished its work on it
    std::string origin;     // "Access-Request 7 from 10.0.0.11:49152 (NAS ap1, station 02-...)"
  };

  void receive(const sim::WireDelivery& delivery);
  void onAccessRequest(Request& request);
  void startSession(Request& request, ByteView eap);
  void continueSession(Request& request, ByteView state, ByteView eap);
  void answerFromSession(Request& request, std::map<Bytes, Session>::iterator session, Bytes eapOut);
  void accept(Request& request, Session& session, ByteView eapSuccess);
  void reject(Request& request, ByteView eapFailure, std::string_view why);
  RadiusReplyContext replyContext(const Request& request) const;
  void sendReply(const Request& request, std::string_view label, crypto::Result<Bytes> reply, std::string what);
  void discard(const std::string& what, const std::string& why);
  bool resendDuplicate(Request& request);
  void expireIdle();
  Session* findSession(ByteView state);
  Bytes newState();
  MppeSalts newSalts();
  std::string describeClient(const UdpEndpoint& from, const radius::Packet& packet) const;

  sim::Simulation& sim_;
  sim::NodeId node_;
  RadiusServerSettings settings_;
  eap::EapTlsConfig eapConfig_;
  std::string name_;
  MacAddress mac_;
  std::uint32_t ip_ = 0;
  sim::WiredLink* link_ = nullptr;
  sim::Random stateRandom_;
  sim::Random saltRandom_;
  std::uint16_t ipIdentification_ = 0;
  sim::SimTime lastSweep_ = 0;
  std::map<Bytes, Session> sessions_;  // by State
  std::map<RequestKey, CachedReply> replies_;
  std::size_t sessionsStarted_ = 0;
  std::size_t accepts_ = 0;
  std::size_t rejects_ = 0;
  std::size_t discarded_ = 0;
  std::size_t duplicates_ = 0;
};

}  // namespace rs::wlan
