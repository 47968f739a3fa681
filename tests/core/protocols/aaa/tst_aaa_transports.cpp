// SPDX-License-Identifier: GPL-3.0-or-later
// The Home Agent's AAA client over both transports: on the emulation core
// against the embedded server node (registrations, reject -> 131, Status-Server,
// an unreachable server ending as NoAnswer on the virtual clock,
// reproducible bytes), and over loopback UDP against the embedded server on a
// real socket (several requests in flight, a silent peer, the emulation
// pointed at an external server); CHAP checks over both.
#include <QtTest>

#include "core/protocols/aaa/external_aaa_transport.h"
#include "core/protocols/aaa/home_agent_aaa.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "core/protocols/aaa/udp_aaa_server.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/core/protocols/aaa/aaa_emulation.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"

using namespace rs;
using rs::test::hexOf;

namespace {

aaa::UdpAddress loopback(std::uint16_t port = 0) {
  std::string error;
  return aaa::resolveUdpAddress("127.0.0.1", port, error).value();
}

QString mobileMaterial(const aaa::MsChapV2Response& r) {
  return hexOf(aaa::mobileNodeKeyMaterial(test::kMnPassword, r.ntResponse).value().view());
}

}  // namespace

class TestAaaTransports : public QObject {
  Q_OBJECT
 private slots:
  void emulatedRegistrations() {
    test::AaaEmulation run(42);
    QCOMPARE(run.statusServer().outcome, aaa::AaaOutcome::Accepted);
    const auto good = test::mobileResponse(test::kMnNai, test::kMnPassword, 1);
    const auto accepted = run.registerMobile(good, std::string(test::kMnPassword));
    QCOMPARE(accepted.outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(accepted.authenticatorResponseValid, std::optional<bool>(true));
    QCOMPARE(hexOf(accepted.keyMaterial.view()), mobileMaterial(good));
    const auto rejected = run.registerMobile(test::mobileResponse(test::kMnNai, "wrong", 2));
    QCOMPARE(rejected.outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(aaa::registrationDenialCode(rejected.outcome), std::optional<std::uint8_t>(131));
    const auto unknown = run.registerMobile(test::mobileResponse("stranger@home.example", "x", 3));
    QCOMPARE(unknown.outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(run.server->server().accepts(), std::size_t{1});
    QCOMPARE(run.server->server().rejects(), std::size_t{2});
    QCOMPARE(run.client->pending(), std::size_t{0});
    // 4 exchanges, 2 frames each, nothing retransmitted.
    QCOMPARE(run.capture.frames.size(), std::size_t{8});
    // The server's trace explains the key material, masked.
    bool keyTrace = false;
    for (const auto& e : run.traces.events)
      if (e.kind == sim::TraceKind::KeyDerivation && e.derivation && e.derivation->outputs.front().secret) keyTrace = true;
    QVERIFY(keyTrace);
  }

  // A Foreign Agent's CHAP checks on the emulation core: accepted without keys,
  // rejected -> 131; the server charges no "mppe-key-crypto" for a CHAP accept
  // (it answers as fast as a reject of the same size) and traces no key derivation.
  void emulatedChapChecks() {
    test::AaaEmulation run(44);
    sim::SimTime start = run.sim.now();
    const auto accepted = run.authenticateChap(test::chapResponse(test::kMnNai, test::kMnPassword, 1));
    const sim::SimTime acceptTime = run.sim.now() - start;
    QCOMPARE(accepted.outcome, aaa::AaaOutcome::Accepted);
    QVERIFY(accepted.keyMaterial.empty());
    QVERIFY2(accepted.detail.empty(), accepted.detail.c_str());
    start = run.sim.now();
    const auto rejected = run.authenticateChap(test::chapResponse(test::kMnNai, "wrong", 2));
    const sim::SimTime rejectTime = run.sim.now() - start;
    QCOMPARE(rejected.outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(aaa::registrationDenialCode(rejected.outcome), std::optional<std::uint8_t>(131));
    QCOMPARE(acceptTime, rejectTime);
    QCOMPARE(run.server->server().accepts(), std::size_t{1});
    QCOMPARE(run.server->server().rejects(), std::size_t{1});
    QCOMPARE(run.capture.frames.size(), std::size_t{4});
    for (const auto& e : run.traces.events) QVERIFY(e.kind != sim::TraceKind::KeyDerivation);
  }

  // Nobody listens on the port: 1 + retries transmissions, then NoAnswer at
  // exactly (1 + retries) x timeout of virtual time.
  void unreachableServerEndsAsNoAnswer() {
    test::AaaEmulation run(43, 1999);
    const sim::SimTime start = run.sim.now();
    const auto result = run.registerMobile(test::mobileResponse(test::kMnNai, test::kMnPassword, 1));
    QCOMPARE(result.outcome, aaa::AaaOutcome::NoAnswer);
    const aaa::AaaRetryPolicy policy;
    QCOMPARE(result.attempts, policy.retries + 1);
    QCOMPARE(run.sim.now() - start, static_cast<sim::SimTime>(policy.retries + 1) * policy.timeout);
    QCOMPARE(run.capture.frames.size(), std::size_t{policy.retries + 1});
    QCOMPARE(aaa::registrationDenialCode(result.outcome), std::optional<std::uint8_t>(130));
  }

  // Same seed, same bytes (authenticators, salts and challenges come from the run's streams).
  void emulationIsReproducible() {
    std::vector<Bytes> first, second;
    for (auto* out : {&first, &second}) {
      test::AaaEmulation run(77);
      run.registerMobile(test::mobileResponse(test::kMnNai, test::kMnPassword, 1));
      run.registerMobile(test::mobileResponse(test::kMnNai, "wrong", 2));
      *out = run.capture.frames;
    }
    QCOMPARE(first.size(), std::size_t{4});
    QVERIFY(first == second);
    test::AaaEmulation other(78);
    other.registerMobile(test::mobileResponse(test::kMnNai, test::kMnPassword, 1));
    QVERIFY(other.capture.frames.front() != first.front());
  }

  void loopbackUdpWithRequestsInFlight() {
    aaa::UdpAaaServer server;
    server.server().addClient("127.0.0.1", test::kAaaSecret);
    server.server().addUser(test::kMnNai, test::kMnPassword);
    std::string error;
    QVERIFY2(server.start(loopback(), error), error.c_str());
    aaa::MschapAaaClient client(aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "ha"}, {}}, aaa::secureRandom);
    auto socket = aaa::UdpSocket::forPeer(server.address(), error);
    QVERIFY2(socket, error.c_str());
    std::vector<aaa::AaaWork> work;
    for (std::uint64_t i = 0; i < 40; ++i) {
      const bool good = i % 4 != 3;
      work.push_back(aaa::AaaWork{test::mobileResponse(test::kMnNai, good ? test::kMnPassword : "bad", i + 1),
                                  std::string(test::kMnPassword)});
    }
    work.push_back(aaa::AaaWork{});  // a Status-Server among them
    aaa::UdpExchangeStats stats;
    const auto results = aaa::runUdpAaaExchanges(client, *socket, server.address(), work, 8, &stats);
    server.stop();
    QCOMPARE(results.size(), work.size());
    for (std::size_t i = 0; i + 1 < work.size(); ++i) {
      const bool good = i % 4 != 3;
      QCOMPARE(results[i].outcome, good ? aaa::AaaOutcome::Accepted : aaa::AaaOutcome::Rejected);
      if (good) {
        QCOMPARE(hexOf(results[i].keyMaterial.view()), mobileMaterial(*work[i].response));
        QCOMPARE(results[i].authenticatorResponseValid, std::optional<bool>(true));
      }
    }
    QVERIFY(results.back().statusServer);
    QCOMPARE(results.back().outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(server.server().accepts(), std::size_t{30});
    QCOMPARE(server.server().rejects(), std::size_t{10});
    QCOMPARE(client.pending(), std::size_t{0});
  }

  // A peer that never answers: each request ends as NoAnswer after its retransmissions.
  void silentPeerGivesNoAnswer() {
    std::string error;
    auto silent = aaa::UdpSocket::bind(loopback(), error);
    QVERIFY2(silent, error.c_str());
    aaa::AaaClientConfig config{test::kAaaSecret, {0x7f000001, "ha"}, {sim::milliseconds(30), 1}};
    aaa::MschapAaaClient client(config, aaa::secureRandom);
    auto socket = aaa::UdpSocket::forPeer(silent->localAddress(), error);
    QVERIFY(socket);
    aaa::UdpExchangeStats stats;
    const auto results = aaa::runUdpAaaExchanges(
        client, *socket, silent->localAddress(),
        {aaa::AaaWork{test::mobileResponse(test::kMnNai, test::kMnPassword, 1), {}}, aaa::AaaWork{}}, 2, &stats);
    QCOMPARE(results.size(), std::size_t{2});
    for (const auto& r : results) {
      QCOMPARE(r.outcome, aaa::AaaOutcome::NoAnswer);
      QCOMPARE(r.attempts, 2u);
      QVERIFY(!r.detail.empty());
    }
    QCOMPARE(stats.sent, std::size_t{4});
    // The silent peer received each request twice, the retransmission byte-identical (RFC 5080 2.2.1).
    std::vector<Bytes> received;
    while (auto d = silent->receive(std::chrono::milliseconds(100), error)) received.push_back(d->data);
    QCOMPARE(received.size(), std::size_t{4});
    std::sort(received.begin(), received.end());
    QVERIFY(received[0] == received[1]);
    QVERIFY(received[2] == received[3]);
    QVERIFY(received[1] != received[2]);
  }

  // A server that leaves a request unanswered is marked dead: the next Access-Request fails at once without a
  // datagram (one wait per run, not one per registration), while a Status-Server probe still goes out.
  void silentExternalServerIsMarkedDead() {
    std::string error;
    auto silent = aaa::UdpSocket::bind(loopback(), error);
    QVERIFY2(silent, error.c_str());
    sim::Simulation sim(3);
    const sim::NodeId ha = sim.topology().addNode(sim::Node{sim::kNoNode, "ha", sim::NodeRole::HomeAgent, {}, {}, {}, {}});
    aaa::ExternalAaaTransport transport(
        sim, ha, silent->localAddress(),
        aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "ha"}, {sim::milliseconds(30), 1}});
    std::optional<aaa::AaaResult> first, chap, probe;
    transport.submitAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 1),
                                  [&](const aaa::AaaResult& r) { first = r; });
    QVERIFY(transport.serverMarkedDead());
    transport.submitChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 2),
                                      [&](const aaa::AaaResult& r) { chap = r; });
    transport.submitStatusServer([&](const aaa::AaaResult& r) { probe = r; });
    while (sim.scheduler().step()) {
    }
    QVERIFY(first && chap && probe);
    QCOMPARE(first->outcome, aaa::AaaOutcome::NoAnswer);
    QCOMPARE(first->attempts, 2u);
    QCOMPARE(chap->outcome, aaa::AaaOutcome::NoAnswer);
    QCOMPARE(chap->attempts, 0u);
    QVERIFY2(chap->detail.find("not sent") != std::string::npos, chap->detail.c_str());
    QCOMPARE(chap->userName, std::string(test::kMnNai));
    QCOMPARE(probe->outcome, aaa::AaaOutcome::NoAnswer);
    QCOMPARE(probe->attempts, 2u);
    // The silent peer saw the first Access-Request twice and the probe twice: nothing of the CHAP request.
    std::size_t received = 0;
    while (silent->receive(std::chrono::milliseconds(100), error)) ++received;
    QCOMPARE(received, std::size_t{4});
  }

  // The emulated HA pointed at a real server: the result arrives by a scheduler event, later in virtual time.
  void emulationWithExternalServer() {
    aaa::UdpAaaServer server;
    server.server().addClient("127.0.0.1", test::kAaaSecret);
    server.server().addUser(test::kMnNai, test::kMnPassword);
    std::string error;
    QVERIFY2(server.start(loopback(), error), error.c_str());
    sim::Simulation sim(5);
    const sim::NodeId ha = sim.topology().addNode(sim::Node{sim::kNoNode, "ha", sim::NodeRole::HomeAgent, {}, {}, {}, {}});
    aaa::ExternalAaaTransport transport(sim, ha, server.address(),
                                        aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "ha"}, {}});
    std::optional<aaa::AaaResult> result;
    const auto response = test::mobileResponse(test::kMnNai, test::kMnPassword, 9);
    transport.submitAccessRequest(response, [&](const aaa::AaaResult& r) { result = r; });
    QVERIFY(!result);  // delivered by an event, not inside submit
    while (!result && sim.scheduler().step()) {
    }
    server.stop();
    QVERIFY(result);
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(hexOf(result->keyMaterial.view()), mobileMaterial(response));
    QVERIFY(sim.now() > 0);
  }

  // CHAP over a real socket, through ExternalAaaTransport and runUdpAaaExchanges.
  void chapOverLoopbackUdp() {
    aaa::UdpAaaServer server;
    server.server().addClient("127.0.0.1", test::kAaaSecret);
    server.server().addUser(test::kMnNai, test::kMnPassword);
    std::string error;
    QVERIFY2(server.start(loopback(), error), error.c_str());
    sim::Simulation sim(7);
    const sim::NodeId fa =
        sim.topology().addNode(sim::Node{sim::kNoNode, "fa", sim::NodeRole::ForeignAgent, {}, {}, {}, {}});
    aaa::ExternalAaaTransport transport(sim, fa, server.address(),
                                        aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "fa"}, {}});
    std::optional<aaa::AaaResult> result;
    transport.submitChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 5),
                                      [&](const aaa::AaaResult& r) { result = r; });
    QVERIFY(!result);  // delivered by an event, not inside submit
    while (!result && sim.scheduler().step()) {
    }
    QVERIFY(result);
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QVERIFY(result->keyMaterial.empty());

    aaa::MschapAaaClient client(aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "fa"}, {}}, aaa::secureRandom);
    auto socket = aaa::UdpSocket::forPeer(server.address(), error);
    QVERIFY2(socket, error.c_str());
    std::vector<aaa::AaaWork> work(3);
    work[0].chap = test::chapResponse(test::kMnNai, test::kMnPassword, 6);
    work[1].chap = test::chapResponse(test::kMnNai, "wrong", 7);
    work[2].response = test::mobileResponse(test::kMnNai, test::kMnPassword, 8);  // MS-CHAPv2 among them
    const auto results = aaa::runUdpAaaExchanges(client, *socket, server.address(), work, 3);
    server.stop();
    QCOMPARE(results[0].outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(results[1].outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(results[2].outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(results[2].keyMaterial.size(), aaa::kKeyMaterialLength);
    QCOMPARE(server.server().accepts(), std::size_t{3});
    QCOMPARE(server.server().rejects(), std::size_t{1});
  }

  // The configuration switch a future `simulate --aaa-server` uses: embedded by default, external by address.
  void homeAgentTransportChoice() {
    aaa::UdpAaaServer server;
    server.server().addClient("127.0.0.1", test::kAaaSecret);
    server.server().addUser(test::kMnNai, test::kMnPassword);
    std::string error;
    QVERIFY2(server.start(loopback(), error), error.c_str());
    test::AaaEmulation run(6);
    aaa::HomeAgentAaaSettings settings{test::kAaaSecret, {0x0a000001, "ha"}, {}, {}};
    const wlan::UdpEndpoint haEndpoint{*MacAddress::parse("02:00:00:00:01:01"), 0x0a000001, 40001};
    const auto embedded = aaa::makeHomeAgentAaaTransport(run.sim, run.ha, haEndpoint, run.server->endpoint(), settings);
    QVERIFY(dynamic_cast<aaa::SimAaaTransport*>(embedded.get()));
    settings.externalServer = server.address().text();
    const auto external = aaa::makeHomeAgentAaaTransport(run.sim, run.ha, haEndpoint, run.server->endpoint(), settings);
    QVERIFY(dynamic_cast<aaa::ExternalAaaTransport*>(external.get()));
    std::optional<aaa::AaaResult> result;
    external->submitAccessRequest(test::mobileResponse(test::kMnNai, test::kMnPassword, 3),
                                  [&](const aaa::AaaResult& r) { result = r; });
    while (!result && run.sim.scheduler().step()) {
    }
    server.stop();
    QVERIFY(result);
    QCOMPARE(result->outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(server.server().accepts(), std::size_t{1});
    QCOMPARE(run.server->server().accepts(), std::size_t{0});  // the embedded node was not asked
    settings.externalServer = "127.0.0.1:notaport";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             aaa::makeHomeAgentAaaTransport(run.sim, run.ha, haEndpoint, run.server->endpoint(), settings));
  }

  void addressParsing() {
    std::string error;
    auto a = aaa::parseUdpAddress("127.0.0.1:11812", 1812, error);
    QVERIFY(a);
    QCOMPARE(a->port(), std::uint16_t{11812});
    QCOMPARE(QString::fromStdString(a->text()), QString("127.0.0.1:11812"));
    auto b = aaa::parseUdpAddress("[::1]", 1812, error);
    QVERIFY(b);
    QCOMPARE(QString::fromStdString(b->text()), QString("[::1]:1812"));
    QVERIFY(!aaa::parseUdpAddress("127.0.0.1:0", 1812, error));
    QVERIFY(!aaa::parseUdpAddress("127.0.0.1:x", 1812, error));
    QVERIFY(!aaa::parseUdpAddress(":1812", 1812, error));
  }
};

QTEST_GUILESS_MAIN(TestAaaTransports)
#include "tst_aaa_transports.moc"
