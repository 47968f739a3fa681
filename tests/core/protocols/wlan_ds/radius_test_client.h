// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The access point's side of RADIUS/EAP (RFC 3579) for the DS tests: wraps
// the EAP of a real EapTlsPeer into signed Access-Requests (the attributes an
// 802.1X authenticator sends, RFC 3580 3), sends them over the AP node's first
// wired link, carries the State, and collects the replies addressed to it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/protocols/eap_tls/eap_tls_config.h"
#include "core/protocols/eap_tls/eap_tls_peer.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/simulation.h"

namespace rs::test {

inline constexpr char kTestIdentity[] = "peer@roamscope.test";

struct RadiusReply {
  sim::SimTime time = 0;
  Bytes radius;  // the UDP payload
};

// One Access-Request as sent, and what came back for it.
struct RadiusRound {
  sim::SimTime sent = 0;
  Bytes authenticator;
  bool carriedEapTls = false;  // a Response the server's EAP-TLS machine handles (not the Identity)
  std::optional<RadiusReply> reply;
};

// The peer trusts `trusted`'s CA and presents `own`'s client certificate.
eap::EapTlsConfig testPeerConfig(const eap::TestPki& trusted, const eap::TestPki& own, eap::TlsVersion version);

class RadiusTestClient {
 public:
  // `self` is the AP's address (its UDP port included), `server` the RADIUS server's.
  RadiusTestClient(sim::Simulation& sim, sim::NodeId ap, wlan::UdpEndpoint self, wlan::UdpEndpoint server,
                   std::string secret, const eap::EapTlsConfig& peerConfig);

  // An Access-Request with the attributes of RFC 3580 3, `eap` in EAP-Message,
  // `state` if not empty, and a Message-Authenticator signed with `secret`.
  Bytes accessRequest(std::uint8_t identifier, ByteView authenticator, ByteView eap, ByteView stateValue,
                      std::string_view secret, bool withMessageAuthenticator = true) const;
  Bytes accessRequest(std::uint8_t identifier, ByteView authenticator, ByteView eap, ByteView stateValue) const {
    return accessRequest(identifier, authenticator, eap, stateValue, secret_);
  }
  // `payload` in a UDP frame to the server (or another of its ports).
  Bytes frameOf(ByteView payload, std::optional<std::uint16_t> port = std::nullopt);
  void transmit(Bytes frame);

  // Sends `eap` in a new Access-Request (next Identifier, fresh authenticator,
  // the current State); returns the frame, for retransmissions.
  Bytes send(ByteView eap, bool carriesEapTls, std::optional<std::string_view> secret = std::nullopt);
  // The peer's EAP-Response/Identity to the AP's EAP-Request/Identity.
  Bytes identityResponse();
  // Feeds the reply's EAP to the peer, keeps its State; the peer's Response (empty after Success/Failure).
  Bytes onReply(const RadiusReply& reply);
  // Runs the whole conversation; the final reply's code (0 when the server went silent).
  std::uint8_t authenticate();

  std::unique_ptr<eap::EapTlsPeer> peer;
  std::vector<RadiusReply> replies;
  std::vector<RadiusRound> rounds;
  Bytes state;

 private:
  Bytes newAuthenticator();

  sim::Simulation& sim_;
  sim::NodeId ap_;
  sim::WiredLink* link_;
  wlan::UdpEndpoint self_;
  wlan::UdpEndpoint server_;
  std::string secret_;
  sim::Random authenticators_;
  std::uint8_t nextIdentifier_ = 0;
  std::uint16_t ipIdentification_ = 0;
};

}  // namespace rs::test
