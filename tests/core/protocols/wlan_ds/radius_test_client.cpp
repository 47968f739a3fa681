// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/protocols/wlan_ds/radius_test_client.h"

#include "core/crypto/radius_crypto.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/radius/radius.h"

namespace rs::test {

eap::EapTlsConfig testPeerConfig(const eap::TestPki& trusted, const eap::TestPki& own, eap::TlsVersion version) {
  eap::EapTlsConfig c;
  c.version = version;
  c.caCertificateDer = trusted.ca.certificateDer;
  c.certificateDer = own.client.certificateDer;
  c.privateKeyDer = own.client.privateKeyDer;
  c.identity = kTestIdentity;
  return c;
}

RadiusTestClient::RadiusTestClient(sim::Simulation& sim, sim::NodeId ap, wlan::UdpEndpoint self,
                                   wlan::UdpEndpoint server, std::string secret, const eap::EapTlsConfig& peerConfig)
    : peer(eap::EapTlsPeer::create(peerConfig).value()),
      sim_(sim),
      ap_(ap),
      link_(sim.linksOf(ap).at(0)),
      self_(self),
      server_(server),
      secret_(std::move(secret)),
      authenticators_(sim.random("test/" + sim.topology().node(ap).name + "/authenticator")) {
  link_->setReceiver(ap_, [this](const sim::WireDelivery& d) {
    const auto udp = wlan::parseUdpFrame(d.frame);
    if (!udp || udp->to.mac != self_.mac || udp->to.ip != self_.ip || udp->to.port != self_.port) return;
    replies.push_back(RadiusReply{d.time, toBytes(udp->payload)});
    if (!rounds.empty() && !rounds.back().reply) rounds.back().reply = replies.back();
  });
}

Bytes RadiusTestClient::newAuthenticator() {
  Bytes a;
  for (int word = 0; word < 2; ++word) {
    const std::uint64_t v = authenticators_.next();
    for (int i = 0; i < 8; ++i) a.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  return a;
}

Bytes RadiusTestClient::accessRequest(std::uint8_t identifier, ByteView authenticator, ByteView eap,
                                      ByteView stateValue, std::string_view secret,
                                      bool withMessageAuthenticator) const {
  radius::PacketBuilder b(radius::code::kAccessRequest, identifier, authenticator);
  b.addText(radius::attr::kUserName, kTestIdentity)
      .addIpv4(radius::attr::kNasIpAddress, self_.ip)
      .addText(radius::attr::kNasIdentifier, sim_.topology().node(ap_).name)
      .addText(radius::attr::kCalledStationId, "02-00-00-00-00-01:roam")
      .addText(radius::attr::kCallingStationId, "02-00-00-00-01-00")
      .addU32(radius::attr::kServiceType, 2)  // Framed
      .addU32(radius::attr::kFramedMtu, 1400)
      .addU32(radius::attr::kNasPortType, 19);  // Wireless - IEEE 802.11
  if (!stateValue.empty()) b.add(radius::attr::kState, stateValue);
  b.addEapMessage(eap);
  if (withMessageAuthenticator) b.addMessageAuthenticator();
  Bytes packet = b.build().value();
  if (withMessageAuthenticator) crypto::radius::signMessageAuthenticator(packet, authenticator, asView(secret)).value();
  return packet;
}

Bytes RadiusTestClient::frameOf(ByteView payload, std::optional<std::uint16_t> port) {
  wlan::UdpEndpoint to = server_;
  if (port) to.port = *port;
  return wlan::buildUdpFrame(self_, to, ++ipIdentification_, payload);
}

void RadiusTestClient::transmit(Bytes frame) { link_->transmit(ap_, std::move(frame)); }

Bytes RadiusTestClient::send(ByteView eap, bool carriesEapTls, std::optional<std::string_view> secret) {
  RadiusRound r;
  r.sent = sim_.now();
  r.authenticator = newAuthenticator();
  r.carriedEapTls = carriesEapTls;
  Bytes frame = frameOf(accessRequest(nextIdentifier_++, r.authenticator, eap, state, secret.value_or(secret_)));
  rounds.push_back(std::move(r));
  transmit(frame);
  return frame;
}

Bytes RadiusTestClient::identityResponse() {
  return peer->handle(eapol::buildEapIdentity(eapol::EapCode::Request, 0, {})).value();
}

Bytes RadiusTestClient::onReply(const RadiusReply& reply) {
  const auto p = radius::parsePacket(reply.radius);
  if (!p) return {};
  if (const auto* s = p->find(radius::attr::kState)) state = toBytes(s->value);
  auto response = peer->handle(p->eapMessage());
  return response ? *response : Bytes{};
}

std::uint8_t RadiusTestClient::authenticate() {
  Bytes eap = identityResponse();
  bool eapTls = false;
  for (int step = 0; step < 100; ++step) {
    send(eap, eapTls);
    sim_.scheduler().run();
    if (!rounds.back().reply) return 0;
    const RadiusReply reply = *rounds.back().reply;
    eap = onReply(reply);
    const std::uint8_t code = radius::parsePacket(reply.radius)->code;
    if (code != radius::code::kAccessChallenge) return code;
    eapTls = true;
  }
  return 0;
}

}  // namespace rs::test
