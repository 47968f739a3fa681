// SPDX-License-Identifier: GPL-3.0-or-later
// The 802.1X authentication server (RadiusServer) on a Simulation built in
// code: an "ap" node and the server joined by one wired link. The test plays
// the AP: it wraps the EAP of a real EapTlsPeer into signed Access-Requests
// (RFC 2865, RFC 3579), carries the State, runs the scheduler and reads the
// replies. Checks the whole conversation to Access-Accept (TLS 1.2 and 1.3),
// the MS-MPPE keys against the peer's MSK, every reply's authenticators, the
// processing costs in the reply times, silent discards (wrong secret, missing
// attributes, garbage), RFC 5080 duplicates, TLS failure -> Access-Reject,
// session expiry, byte-identical captures under the seeded OpenSSL RNG, and
// tshark reading every packet without malformed/expert errors.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/crypto/radius_crypto.h"
#include "core/protocols/eap_tls/eap_tls_peer.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/radius_server.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "core/sim/deterministic_openssl_random.h"
#include "core/sim/simulation.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/radius/radius.h"
#include "tests/core/protocols/wlan_ds/radius_test_client.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::sim;

Q_DECLARE_METATYPE(rs::eap::TlsVersion)

namespace {

constexpr char kSecret[] = "testing123";
constexpr const char* kIdentity = test::kTestIdentity;
const MacAddress kApMac{{0x02, 0, 0, 0, 0, 0x01}};
const MacAddress kServerMac{{0x02, 0, 0, 0, 0, 0x20}};
constexpr std::uint32_t kApIp = 0x0a00000b;      // 10.0.0.11
constexpr std::uint32_t kServerIp = 0x0a000002;  // 10.0.0.2
constexpr std::uint16_t kApPort = 32768;
constexpr SimTime kLinkDelay = microseconds(100);
// Distinct figures, so a reply's delay tells which costs were charged.
constexpr SimTime kRadiusCost = microseconds(30);
constexpr SimTime kEapTlsCost = microseconds(700);
constexpr SimTime kMppeCost = microseconds(11);

const eap::TestPki& pkiA() {
  static const eap::TestPki pki = eap::makeTestPki("RoamScope A").value();
  return pki;
}
const eap::TestPki& pkiB() {
  static const eap::TestPki pki = eap::makeTestPki("RoamScope B").value();
  return pki;
}

using Reply = test::RadiusReply;
using Round = test::RadiusRound;

// A Simulation with the "ap" node and the server on one link; the test plays the AP through `client`.
struct ApHarness {
  Simulation sim;
  NodeId ap = 0, server = 0;
  WiredLink* link = nullptr;
  MemoryTraceSink traces;
  std::unique_ptr<wlan::RadiusServer> radius;
  std::unique_ptr<test::RadiusTestClient> client;

  // The server uses `serverPki`; the peer trusts `trusted`'s CA and presents `own`'s client certificate.
  ApHarness(std::uint64_t seed, const eap::TestPki& serverPki, const eap::TestPki& trusted, const eap::TestPki& own,
            eap::TlsVersion version = eap::TlsVersion::Tls12, FrameSink* sink = nullptr)
      : sim(seed) {
    ap = sim.topology().addNode(Node{kNoNode, "ap", NodeRole::AccessPoint, {}, kApMac, kApIp, {}});
    server =
        sim.topology().addNode(Node{kNoNode, "radius", NodeRole::AuthenticationServer, {}, kServerMac, kServerIp, {}});
    link = &sim.addLink(LinkConfig{"ds-radius", ap, server, kLinkDelay, 0, 0, 0});
    sim.costs().set(std::string(wlan::cost::kRadiusProcessing), kRadiusCost);
    sim.costs().set(std::string(wlan::cost::kEapTlsServerMessage), kEapTlsCost);
    sim.costs().set(std::string(wlan::cost::kMppeKeyCrypto), kMppeCost);
    if (sink) {
      link->addCapture(sim.captures().addPoint("ds", LinkType::Ethernet, "AP to RADIUS server"));
      sim.setFrameSink(sink);
    }
    sim.addTraceSink(&traces);
    wlan::RadiusServerSettings settings;
    settings.sharedSecret = kSecret;
    settings.tlsVersion = version;
    radius = std::make_unique<wlan::RadiusServer>(sim, server, settings, serverPki);
    client = std::make_unique<test::RadiusTestClient>(sim, ap, wlan::UdpEndpoint{kApMac, kApIp, kApPort},
                                                      wlan::UdpEndpoint{kServerMac, kServerIp, radius::kAuthPort},
                                                      kSecret, test::testPeerConfig(trusted, own, version));
  }

  bool traced(TraceKind kind, std::string_view fragment) const {
    for (const auto& e : traces.events)
      if (e.kind == kind && e.text.find(fragment) != std::string::npos) return true;
    return false;
  }
};

radius::Packet parsed(const Reply& r) { return radius::parsePacket(r.radius).value(); }

Bytes fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A complete authentication written to `path` under the seeded OpenSSL RNG (the PKI made inside it too).
std::size_t seededRunToFile(std::uint64_t seed, const std::string& path) {
  ScopedDeterministicOpensslRandom deterministic(seed);
  const eap::TestPki pki = eap::makeTestPki("seeded").value();
  auto created = PcapngFrameSink::create(path, "tst_wlan_radius_server");
  auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
  {
    ApHarness h(seed, pki, pki, pki, eap::TlsVersion::Tls12, &sink);
    if (h.client->authenticate() != radius::code::kAccessAccept) return 0;
    h.sim.setFrameSink(nullptr);
  }
  return sink.close() ? sink.framesWritten() : 0;
}

}  // namespace

class TestWlanRadiusServer : public QObject {
  Q_OBJECT
 private slots:
  void fullAuthenticationIsAccepted_data() {
    QTest::addColumn<eap::TlsVersion>("version");
    QTest::newRow("TLS 1.2") << eap::TlsVersion::Tls12;
    QTest::newRow("TLS 1.3") << eap::TlsVersion::Tls13;
  }
  void fullAuthenticationIsAccepted() {
    QFETCH(eap::TlsVersion, version);
    ApHarness h(1, pkiA(), pkiA(), pkiA(), version);
    QCOMPARE(h.client->authenticate(), radius::code::kAccessAccept);
    QCOMPARE(h.client->peer->state(), eap::EapTlsPeer::State::Succeeded);
    QVERIFY(h.client->rounds.size() >= 4);
    QCOMPARE(h.client->replies.size(), h.client->rounds.size());

    // Every reply: Response Authenticator (RFC 2865 3) and Message-Authenticator (RFC 3579 3.2) verify.
    for (const Round& r : h.client->rounds) {
      const Bytes& reply = r.reply->radius;
      QVERIFY(crypto::radius::verifyResponseAuthenticator(reply, r.authenticator, asView(kSecret)).value());
      QVERIFY(crypto::radius::verifyMessageAuthenticator(reply, r.authenticator, asView(kSecret)).value());
      QVERIFY(!crypto::radius::verifyResponseAuthenticator(reply, r.authenticator, asView("other")).value());
    }
    // Every Challenge carries the same 16-octet State; the Accept none.
    const Bytes state = toBytes(parsed(*h.client->rounds.front().reply).find(radius::attr::kState)->value);
    QCOMPARE(state.size(), std::size_t{16});
    for (std::size_t i = 0; i + 1 < h.client->rounds.size(); ++i) {
      const auto p = parsed(*h.client->rounds[i].reply);
      QCOMPARE(p.code, radius::code::kAccessChallenge);
      QCOMPARE(toBytes(p.find(radius::attr::kState)->value), state);
      QCOMPARE(p.identifier, static_cast<std::uint8_t>(i));
    }

    const Round& last = h.client->rounds.back();
    const auto accept = parsed(*last.reply);
    QCOMPARE(accept.text(radius::attr::kUserName).value_or(""), std::string(kIdentity));
    QVERIFY(accept.find(radius::attr::kState) == nullptr);
    const auto success = eapol::parseEap(accept.eapMessage());
    QCOMPARE(success->code, static_cast<std::uint8_t>(eapol::EapCode::Success));
    const auto recv = accept.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey);
    const auto send = accept.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeSendKey);
    QVERIFY(recv && send);
    const std::uint16_t recvSalt = static_cast<std::uint16_t>(recv->value[0] << 8 | recv->value[1]);
    const std::uint16_t sendSalt = static_cast<std::uint16_t>(send->value[0] << 8 | send->value[1]);
    QVERIFY(recvSalt & 0x8000);
    QVERIFY(sendSalt & 0x8000);
    QVERIFY(recvSalt != sendSalt);
    const auto recvKey = crypto::radius::decryptMppeKey(recv->value, last.authenticator, asView(kSecret));
    const auto sendKey = crypto::radius::decryptMppeKey(send->value, last.authenticator, asView(kSecret));
    QVERIFY(recvKey && sendKey);
    const crypto::SecretBytes& msk = h.client->peer->keys()->msk;
    QCOMPARE(msk.size(), std::size_t{64});
    QVERIFY(*recvKey == crypto::SecretBytes(msk.subview(0, 32)));
    QVERIFY(*sendKey == crypto::SecretBytes(msk.subview(32, 32)));
    // The AP's PMK (eap::pmkFromMsk) is the Recv-Key.
    QVERIFY(eap::pmkFromMsk(msk).value() == *recvKey);

    QCOMPARE(h.radius->sessionsStarted(), std::size_t{1});
    QCOMPARE(h.radius->accepts(), std::size_t{1});
    QCOMPARE(h.radius->rejects(), std::size_t{0});
    QCOMPARE(h.radius->discarded(), std::size_t{0});
    QCOMPARE(h.radius->openSessions(), std::size_t{0});

    // The key derivations are traced with their secrets flagged; no trace text shows a key.
    std::size_t derivations = 0;
    const std::string mskHex = toHex(msk.view());
    for (const auto& e : h.traces.events) {
      QVERIFY2(e.text.find(mskHex.substr(0, 16)) == std::string::npos, e.text.c_str());
      QVERIFY2(e.text.find(mskHex.substr(64, 16)) == std::string::npos, e.text.c_str());
      if (e.kind != TraceKind::KeyDerivation) continue;
      ++derivations;
      QVERIFY(e.derivation.has_value());
      for (const auto& out : e.derivation->outputs) {
        QVERIFY(out.secret);
        QVERIFY(displayValue(out, false).find(toHex(out.value.view())) == std::string::npos);
      }
    }
    QCOMPARE(derivations, std::size_t{2});
    QVERIFY(h.traced(TraceKind::KeyDerivation, "MSK exported"));
    QVERIFY(h.traced(TraceKind::FrameSent, "Access-Accept"));
    QVERIFY(h.traced(TraceKind::FrameReceived, "EAP-Response/Identity \"peer@roamscope.test\""));
  }

  // Each reply leaves when the server has done its work: radius-processing per
  // packet, eap-tls-server-message per EAP-TLS step, mppe-key-crypto for the Accept.
  void costsDelayTheReplies() {
    ApHarness h(2, pkiA(), pkiA(), pkiA());
    QCOMPARE(h.client->authenticate(), radius::code::kAccessAccept);
    for (std::size_t i = 0; i < h.client->rounds.size(); ++i) {
      const Round& r = h.client->rounds[i];
      SimTime cost = kRadiusCost;
      if (r.carriedEapTls) cost += kEapTlsCost;
      if (i + 1 == h.client->rounds.size()) cost += kMppeCost;
      QCOMPARE(r.reply->time - r.sent, 2 * kLinkDelay + cost);
    }
    QVERIFY(!h.client->rounds.front().carriedEapTls);
    QVERIFY(h.traced(TraceKind::Processing, "radius-processing"));
  }

  // RFC 3579 3.2 and bad input: silently discarded (traced), never answered, never a crash.
  void badRequestsAreDiscarded() {
    ApHarness h(3, pkiA(), pkiA(), pkiA());
    const Bytes identity = h.client->identityResponse();
    h.client->send(identity, false, "not the secret");
    h.sim.scheduler().run();
    QVERIFY(h.client->replies.empty());
    QCOMPARE(h.radius->discarded(), std::size_t{1});
    QVERIFY(h.traced(TraceKind::Error, "Message-Authenticator does not verify"));

    const Bytes auth(16, 0x42);
    const Bytes noMessageAuthenticator = h.client->accessRequest(1, auth, identity, {}, kSecret, false);
    Bytes noEap;
    {
      radius::PacketBuilder b(radius::code::kAccessRequest, 2, auth);
      b.addText(radius::attr::kUserName, kIdentity).addMessageAuthenticator();
      noEap = b.build().value();
      crypto::radius::signMessageAuthenticator(noEap, auth, asView(kSecret)).value();
    }
    Bytes truncated = h.client->accessRequest(3, auth, identity, {});
    truncated.resize(truncated.size() - 10);  // Length now runs past the data
    Bytes notARequest = h.client->accessRequest(4, auth, identity, {});
    notARequest[0] = radius::code::kAccessAccept;
    Bytes badAttribute = h.client->accessRequest(5, auth, identity, {});
    badAttribute[radius::kHeaderLength + 1] = 1;  // first attribute length below 2
    const Bytes garbage{0xde, 0xad, 0xbe, 0xef, 0x00};
    Bytes notIdentity = h.client->accessRequest(6, auth, eapol::buildEapSuccess(1), {});
    for (const Bytes& payload :
         {noMessageAuthenticator, noEap, truncated, notARequest, badAttribute, garbage, notIdentity})
      h.client->transmit(h.client->frameOf(payload));
    h.client->transmit(
        h.client->frameOf(h.client->accessRequest(7, auth, identity, {}), 1813));  // not its port: ignored
    h.client->transmit(Bytes(10, 0xff));                                           // not even a UDP frame
    h.sim.scheduler().run();
    QVERIFY(h.client->replies.empty());
    QCOMPARE(h.radius->discarded(), std::size_t{8});
    QCOMPARE(h.radius->sessionsStarted(), std::size_t{0});
    QVERIFY(h.traced(TraceKind::Error, "no 16-octet Message-Authenticator"));
    QVERIFY(h.traced(TraceKind::Error, "no EAP-Message"));
    QVERIFY(h.traced(TraceKind::Error, "runs past"));
    QVERIFY(h.traced(TraceKind::Error, "Access-Requests only"));
    QVERIFY(h.traced(TraceKind::Error, "not a RADIUS packet"));
    QVERIFY(h.traced(TraceKind::Error, "no EAP-Response/Identity"));

    // The server is still fine: a good request starts a session.
    h.client->send(identity, false);
    h.sim.scheduler().run();
    QCOMPARE(h.client->replies.size(), std::size_t{1});
    QCOMPARE(parsed(h.client->replies[0]).code, radius::code::kAccessChallenge);
  }

  // Mutated EAP inside correctly signed requests reaches the EAP-TLS machine:
  // every outcome is a reply or a traced discard, never a crash or a hang.
  void mutatedEapNeverCrashes() {
    ApHarness h(9, pkiA(), pkiA(), pkiA());
    Random mutate = h.sim.random("test/mutate");
    Bytes eap = h.client->identityResponse();
    h.client->send(eap, false);
    h.sim.scheduler().run();
    const Bytes clientHello = h.client->onReply(*h.client->rounds.back().reply);
    std::size_t answered = 0;
    for (int i = 0; i < 300; ++i) {
      Bytes bad = i % 3 == 0 ? eap : clientHello;
      const auto flips = mutate.uniformInt(1, 4);
      for (std::int64_t f = 0; f < flips; ++f)
        bad[static_cast<std::size_t>(mutate.uniformInt(0, static_cast<std::int64_t>(bad.size()) - 1))] =
            static_cast<std::uint8_t>(mutate.next());
      if (i % 7 == 0) bad.resize(static_cast<std::size_t>(mutate.uniformInt(1, static_cast<std::int64_t>(bad.size()))));
      if (i % 2 == 0) h.client->state.clear();  // half of them try to start a session
      const std::size_t before = h.client->replies.size();
      h.client->send(bad, true);
      h.sim.scheduler().run();
      answered += h.client->replies.size() - before;
      if (h.client->replies.size() > before)
        h.client->onReply(h.client->replies.back());  // keeps the State of a new session
    }
    QCOMPARE(answered + h.radius->discarded(), std::size_t{300});
    QVERIFY(h.radius->discarded() > 0);
    QVERIFY(h.radius->openSessions() <= h.radius->sessionsStarted());
  }

  // RFC 5080 2.2.2: a retransmission gets the cached reply, EAP does not run again.
  void duplicateGetsTheCachedReply() {
    ApHarness h(4, pkiA(), pkiA(), pkiA());
    Bytes eap = h.client->identityResponse();
    const Bytes first = h.client->send(eap, false);
    h.sim.scheduler().run();
    eap = h.client->onReply(*h.client->rounds.back().reply);
    const Bytes second = h.client->send(eap, true);  // the ClientHello
    h.sim.scheduler().run();
    const Reply original = *h.client->rounds.back().reply;

    const SimTime resent = h.sim.now();
    h.client->transmit(second);
    h.sim.scheduler().run();
    QCOMPARE(h.client->replies.size(), std::size_t{3});
    QCOMPARE(h.client->replies.back().radius, original.radius);
    QCOMPARE(h.client->replies.back().time - resent, 2 * kLinkDelay + kRadiusCost);  // no EAP-TLS work
    QCOMPARE(h.radius->duplicatesAnswered(), std::size_t{1});

    // An older request of the conversation is answered from the cache too.
    h.client->transmit(first);
    h.sim.scheduler().run();
    QCOMPARE(h.client->replies.size(), std::size_t{4});
    QCOMPARE(h.client->replies.back().radius, h.client->replies.front().radius);
    QCOMPARE(h.radius->duplicatesAnswered(), std::size_t{2});
    QCOMPARE(h.radius->sessionsStarted(), std::size_t{1});

    // The conversation goes on from where it was: the peer answers the original reply once.
    eap = h.client->onReply(original);
    for (int step = 0; step < 100 && !eap.empty(); ++step) {
      h.client->send(eap, true);
      h.sim.scheduler().run();
      eap = h.client->onReply(*h.client->rounds.back().reply);
    }
    QCOMPARE(parsed(h.client->replies.back()).code, radius::code::kAccessAccept);
    QCOMPARE(h.client->peer->state(), eap::EapTlsPeer::State::Succeeded);
  }

  void duplicateInProgressIsDropped() {
    ApHarness h(5, pkiA(), pkiA(), pkiA());
    const Bytes frame = h.client->send(h.client->identityResponse(), false);
    h.client->transmit(frame);  // arrives at the same time, before the first reply leaves
    h.sim.scheduler().run();
    QCOMPARE(h.client->replies.size(), std::size_t{1});
    QCOMPARE(h.radius->discarded(), std::size_t{1});
    QCOMPARE(h.radius->sessionsStarted(), std::size_t{1});
    QVERIFY(h.traced(TraceKind::Info, "still being processed"));
  }

  // The peer presents a client certificate of another PKI: TLS fails, the server answers Access-Reject.
  void failedTlsEndsInReject() {
    ApHarness h(6, pkiA(), pkiA(), pkiB());
    QCOMPARE(h.client->authenticate(), radius::code::kAccessReject);
    QCOMPARE(h.client->peer->state(), eap::EapTlsPeer::State::Failed);
    const Round& last = h.client->rounds.back();
    const auto reject = parsed(*last.reply);
    QCOMPARE(eapol::parseEap(reject.eapMessage())->code, static_cast<std::uint8_t>(eapol::EapCode::Failure));
    QVERIFY(!reject.vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey));
    QVERIFY(
        crypto::radius::verifyResponseAuthenticator(last.reply->radius, last.authenticator, asView(kSecret)).value());
    QVERIFY(
        crypto::radius::verifyMessageAuthenticator(last.reply->radius, last.authenticator, asView(kSecret)).value());
    QCOMPARE(h.radius->rejects(), std::size_t{1});
    QCOMPARE(h.radius->accepts(), std::size_t{0});
    QCOMPARE(h.radius->openSessions(), std::size_t{0});
    QVERIFY(h.traced(TraceKind::FrameSent, "Access-Reject"));
  }

  // A State that names no session (never issued, or idle for more than 30 s) ends in Access-Reject.
  void unknownOrExpiredStateIsRejected() {
    ApHarness h(7, pkiA(), pkiA(), pkiA());
    Bytes eap = h.client->identityResponse();
    h.client->send(eap, false);
    h.sim.scheduler().run();
    eap = h.client->onReply(*h.client->rounds.back().reply);
    QCOMPARE(h.radius->openSessions(), std::size_t{1});
    h.sim.scheduler().runUntil(h.sim.now() + wlan::RadiusServer::kSessionIdleLifetime + seconds(1));
    h.client->send(eap, true);
    h.sim.scheduler().run();
    QCOMPARE(parsed(*h.client->rounds.back().reply).code, radius::code::kAccessReject);
    QCOMPARE(h.radius->openSessions(), std::size_t{0});
    QVERIFY(h.traced(TraceKind::StateChange, "expired"));

    h.client->state = Bytes(16, 0x77);
    h.client->send(eap, false);
    h.sim.scheduler().run();
    QCOMPARE(parsed(*h.client->rounds.back().reply).code, radius::code::kAccessReject);
    QCOMPARE(h.radius->rejects(), std::size_t{2});
    QVERIFY(h.traced(TraceKind::FrameSent, "names no open session"));
  }

  void constructorChecksTheNode() {
    Simulation sim(1);
    const NodeId lonely =
        sim.topology().addNode(Node{kNoNode, "radius", NodeRole::AuthenticationServer, {}, kServerMac, kServerIp, {}});
    wlan::RadiusServerSettings settings;
    settings.sharedSecret = kSecret;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wlan::RadiusServer(sim, lonely, settings, pkiA()));  // no link
    const NodeId ap = sim.topology().addNode(Node{kNoNode, "ap", NodeRole::AccessPoint, {}, kApMac, kApIp, {}});
    sim.addLink(LinkConfig{"l", ap, lonely, 0, 0, 0, 0});
    settings.sharedSecret.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wlan::RadiusServer(sim, lonely, settings, pkiA()));
    settings.sharedSecret = kSecret;
    eap::TestPki broken = pkiA();
    broken.server.certificateDer.resize(10);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wlan::RadiusServer(sim, lonely, settings, broken));
    const NodeId noAddress =
        sim.topology().addNode(Node{kNoNode, "radius2", NodeRole::AuthenticationServer, {}, kServerMac, {}, {}});
    sim.addLink(LinkConfig{"l2", ap, noAddress, 0, 0, 0, 0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wlan::RadiusServer(sim, noAddress, settings, pkiA()));
    wlan::RadiusServer fine(sim, lonely, settings, pkiA());
    QCOMPARE(fine.sessionsStarted(), std::size_t{0});
  }

  // With OpenSSL's RNG seeded from the run, the same seed gives the same capture, byte for byte.
  void seededRunsAreByteIdentical() {
    QTemporaryDir dir;
    const std::string a = dir.filePath("a.pcapng").toStdString();
    const std::string b = dir.filePath("b.pcapng").toStdString();
    const std::string c = dir.filePath("c.pcapng").toStdString();
    const std::size_t frames = seededRunToFile(21, a);
    QVERIFY(frames >= 8);
    QCOMPARE(seededRunToFile(21, b), frames);
    QVERIFY(fileBytes(a) == fileBytes(b));
    seededRunToFile(22, c);
    QVERIFY(fileBytes(a) != fileBytes(c));
  }

  // tshark, the independent oracle, with the shared secret: every packet is
  // RADIUS, the codes alternate as sent, nothing malformed, no expert warning or error.
  void tsharkReadsEveryPacket() {
    if (!test::tsharkAvailable()) QSKIP("tshark is not installed (scripts/install-deps.sh --test installs it)");
    QTemporaryDir dir;
    const std::string path = dir.filePath("radius.pcapng").toStdString();
    auto created = PcapngFrameSink::create(path, "tst_wlan_radius_server");
    auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
    std::vector<std::uint8_t> codes;
    {
      ApHarness h(8, pkiA(), pkiA(), pkiA(), eap::TlsVersion::Tls12, &sink);
      QCOMPARE(h.client->authenticate(), radius::code::kAccessAccept);
      h.sim.setFrameSink(nullptr);
      for (const Round& r : h.client->rounds) {
        codes.push_back(radius::code::kAccessRequest);
        codes.push_back(parsed(*r.reply).code);
      }
    }
    QVERIFY(sink.close());
    QString error;
    const auto table = test::runTsharkFields(
        path,
        {"radius.code", "_ws.expert", "_ws.malformed", "_ws.expert.severity", "radius.authenticator.valid", "eap.code",
         "tls.handshake.type"},
        {"-o", QStringLiteral("radius.shared_secret:%1").arg(kSecret), "-o", "radius.validate_authenticator:TRUE"},
        error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), codes.size());
    std::set<std::string> handshakeTypes;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      const auto& row = table->rows[i];
      QCOMPARE(row[0], std::to_string(codes[i]));
      QCOMPARE(row[2], std::string());
      // No expert warning (0x00600000) or error (0x00800000).
      QVERIFY2(row[3].find("6291456") == std::string::npos && row[3].find("8388608") == std::string::npos,
               (row[1] + " " + row[3]).c_str());
      // Wireshark checks every reply's Response Authenticator against its request with the secret.
      if (codes[i] != radius::code::kAccessRequest) QCOMPARE(row[4], std::string("1"));
      QVERIFY(!row[5].empty());  // the EAP inside
      for (const auto& t : table->values(i, 6)) handshakeTypes.insert(t);
    }
    // Wireshark reassembled the EAP-TLS fragments: ClientHello, ServerHello, Certificate, ... are all there.
    for (const char* type : {"1", "2", "11", "12", "13", "14", "15", "16"})
      QVERIFY2(handshakeTypes.contains(type), type);
    QCOMPARE(table->rows.back()[5], std::string("3"));  // EAP-Success in the Accept
  }
};

QTEST_GUILESS_MAIN(TestWlanRadiusServer)
#include "tst_wlan_radius_server.moc"
