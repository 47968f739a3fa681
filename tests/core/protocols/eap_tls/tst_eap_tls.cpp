// SPDX-License-Identifier: GPL-3.0-or-later
// EAP-TLS (RFC 5216; RFC 9190 for TLS 1.3) between EapTlsPeer and EapTlsServer
// in memory, with the test PKI made by makeTestPki. Checks: both sides export
// the same 64-octet MSK/EMSK, fresh per run; the L/M fragmentation of RFC 5216
// 2.1.5 for several fragment sizes (piece counts, ACKs, total packet count);
// certificate failures at the right message with a readable reason; bad input
// rejected without changing state; and tshark, the independent oracle, reading
// the exchange as EAPOL frames over Ethernet.
#include <QTemporaryDir>
#include <QtTest>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "capture/file/pcap_writer.h"
#include "core/protocols/eap_tls/eap_tls_peer.h"
#include "core/protocols/eap_tls/eap_tls_server.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "dissectors/common/link_type.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/inet/ethernet.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::eap;

Q_DECLARE_METATYPE(rs::eap::TlsVersion)

namespace {

struct Packet {
  bool fromServer = false;
  Bytes bytes;
};

struct Run {
  std::unique_ptr<EapTlsServer> server;
  std::unique_ptr<EapTlsPeer> peer;
  std::vector<Packet> packets;
  std::string error;  // a step that returned an error (the exchange stopped there)
};

EapTlsConfig serverConfig(const TestPki& pki, TlsVersion version, std::size_t fragmentSize) {
  EapTlsConfig c;
  c.version = version;
  c.fragmentSize = fragmentSize;
  c.caCertificateDer = pki.ca.certificateDer;
  c.certificateDer = pki.server.certificateDer;
  c.privateKeyDer = pki.server.privateKeyDer;
  return c;
}

// The peer trusts `trust`'s CA and presents `own`'s client certificate.
EapTlsConfig peerConfig(const TestPki& trust, const TestPki& own, TlsVersion version, std::size_t fragmentSize) {
  EapTlsConfig c;
  c.version = version;
  c.fragmentSize = fragmentSize;
  c.caCertificateDer = trust.ca.certificateDer;
  c.certificateDer = own.client.certificateDer;
  c.privateKeyDer = own.client.privateKeyDer;
  return c;
}

// Drives both machines packet by packet until the peer has the final EAP-Success/Failure.
Run exchange(EapTlsConfig serverCfg, EapTlsConfig peerCfg) {
  Run run;
  auto server = EapTlsServer::create(std::move(serverCfg));
  auto peer = EapTlsPeer::create(std::move(peerCfg));
  if (!server || !peer) {
    run.error = !server ? server.error().describe() : peer.error().describe();
    return run;
  }
  run.server = std::move(*server);
  run.peer = std::move(*peer);
  auto request = run.server->start(7);
  for (int step = 0; step < 200 && request; ++step) {
    run.packets.push_back({true, *request});
    auto response = run.peer->handle(*request);
    if (!response) {
      run.error = "peer: " + response.error().describe();
      return run;
    }
    if (response->empty()) return run;  // the peer took EAP-Success/Failure
    run.packets.push_back({false, *response});
    request = run.server->handle(*response);
  }
  if (!request) run.error = "server: " + request.error().describe();
  return run;
}

const TestPki& pkiA() {
  static const TestPki pki = makeTestPki("RoamScope A").value();
  return pki;
}
const TestPki& pkiB() {
  static const TestPki pki = makeTestPki("RoamScope B").value();
  return pki;
}

struct FragmentCheck {
  std::size_t serverMessages = 0;  // non-empty TLS messages, each counted once
  std::size_t peerMessages = 0;
  std::size_t serverPieces = 0;
  std::size_t peerPieces = 0;
  std::string problem;
};

// Groups each side's data-carrying EAP-TLS packets into messages and checks
// RFC 5216 2.1.5 / 3.1: every piece but the last is exactly `fragmentSize`, the
// last is not larger, L (with the total) on the first piece exactly when there
// are several, M on all but the last, and ceil(total / fragmentSize) pieces.
FragmentCheck checkFragments(const std::vector<Packet>& packets, std::size_t fragmentSize) {
  FragmentCheck out;
  for (bool side : {true, false}) {
    std::size_t total = 0, pieces = 0;
    // The first fragment's TLS Message Length, if it had one (a plain flag and value: GCC 12 wrongly warns that
    // an optional here may be used uninitialized).
    bool lengthAnnounced = false;
    std::uint32_t announced = 0;
    for (const Packet& p : packets) {
      if (p.fromServer != side) continue;
      const auto eap = eapol::parseEap(p.bytes);
      if (!eap) {
        out.problem = "unparseable packet";
        return out;
      }
      if (!eap->tls || eap->tls->fragment.empty()) continue;
      const auto& tls = *eap->tls;
      if (pieces == 0) {
        lengthAnnounced = tls.messageLength.has_value();
        announced = tls.messageLength.value_or(0);
      } else if (tls.lengthIncluded()) {
        out.problem = "L flag on a later fragment";
      }
      ++pieces;
      total += tls.fragment.size();
      if (tls.fragment.size() > fragmentSize) out.problem = "fragment larger than the fragment size";
      if (tls.moreFragments()) {
        if (tls.fragment.size() != fragmentSize) out.problem = "short fragment with M";
        continue;
      }
      const std::size_t expected = (total + fragmentSize - 1) / fragmentSize;
      if (pieces != expected) out.problem = "piece count differs from ceil(total / fragment size)";
      if ((pieces > 1) != lengthAnnounced) out.problem = "L flag present iff the message is fragmented";
      if (lengthAnnounced && announced != total) out.problem = "TLS Message Length differs from the data";
      (side ? out.serverMessages : out.peerMessages) += 1;
      (side ? out.serverPieces : out.peerPieces) += pieces;
      total = 0;
      pieces = 0;
      lengthAnnounced = false;
    }
  }
  return out;
}

bool isTlsPacket(const Bytes& bytes) {
  const auto eap = eapol::parseEap(bytes);
  return eap && eap->tls.has_value();
}

}  // namespace

class TestEapTls : public QObject {
  Q_OBJECT

 private slots:
  void testPkiCertificates() {
    const TestPki& pki = pkiA();
    QVERIFY(!pki.ca.certificateDer.empty());
    QVERIFY(!pki.server.certificateDer.empty());
    QVERIFY(!pki.client.certificateDer.empty());
    QCOMPARE(pki.server.subject, std::string("CN=RoamScope A server, O=RoamScope test PKI"));
    auto pem = pemCertificate(pki.server.certificateDer);
    QVERIFY2(pem.ok(), pem.ok() ? "" : pem.error().describe().c_str());
    QVERIFY(pem->starts_with("-----BEGIN CERTIFICATE-----\n"));
    auto keyPem = pemPrivateKey(pki.client.privateKeyDer);
    QVERIFY(keyPem.ok());
    QVERIFY(keyPem->starts_with("-----BEGIN PRIVATE KEY-----\n"));
    QVERIFY(!pemCertificate(Bytes{0x30, 0x03, 0x02, 0x01}).ok());
    // Two PKIs, two CAs: their keys differ even though names and serials are fixed.
    QVERIFY(pkiA().ca.certificateDer != pkiB().ca.certificateDer);
  }

  void fullExchange_data() {
    QTest::addColumn<TlsVersion>("version");
    QTest::addColumn<int>("fragmentSize");
    for (auto [name, version] : {std::pair{"TLS 1.2", TlsVersion::Tls12}, std::pair{"TLS 1.3", TlsVersion::Tls13}})
      for (int size : {200, 1020, 1400})
        QTest::addRow("RFC %s, %d-octet fragments", version == TlsVersion::Tls12 ? "5216 TLS 1.2" : "9190 TLS 1.3",
                      size)
            << version << size;
  }

  void fullExchange() {
    QFETCH(TlsVersion, version);
    QFETCH(int, fragmentSize);
    const auto size = static_cast<std::size_t>(fragmentSize);
    Run run = exchange(serverConfig(pkiA(), version, size), peerConfig(pkiA(), pkiA(), version, size));
    QVERIFY2(run.error.empty(), run.error.c_str());
    QCOMPARE(run.server->state(), EapTlsServer::State::Succeeded);
    QVERIFY2(run.peer->state() == EapTlsPeer::State::Succeeded, run.peer->failureReason().c_str());

    const EapTlsKeys* serverKeys = run.server->keys();
    const EapTlsKeys* peerKeys = run.peer->keys();
    QVERIFY(serverKeys && peerKeys);
    QCOMPARE(serverKeys->msk.size(), std::size_t{64});
    QCOMPARE(serverKeys->emsk.size(), std::size_t{64});
    QVERIFY(serverKeys->msk == peerKeys->msk);
    QVERIFY(serverKeys->emsk == peerKeys->emsk);
    QVERIFY(!(serverKeys->msk == serverKeys->emsk));
    QCOMPARE(serverKeys->methodId, peerKeys->methodId);
    QCOMPARE(serverKeys->tlsVersion, std::string(version == TlsVersion::Tls12 ? "TLSv1.2" : "TLSv1.3"));
    auto pmk = pmkFromMsk(peerKeys->msk);
    QVERIFY(pmk.ok());
    QCOMPARE(pmk->size(), std::size_t{32});
    QVERIFY(pmk->view().size() == 32 && std::equal(pmk->view().begin(), pmk->view().end(), peerKeys->msk.data()));

    // The TLS conversation does not depend on the fragment size: two whole
    // messages each way (TLS 1.2: ClientHello, client flight / server flight,
    // CCS+Finished; TLS 1.3: ClientHello, Certificate..Finished / server
    // flight, commitment).
    QCOMPARE(run.server->peerMessages(), std::size_t{2});
    QCOMPARE(run.peer->serverMessages(), std::size_t{2});

    const FragmentCheck fragments = checkFragments(run.packets, size);
    QVERIFY2(fragments.problem.empty(), fragments.problem.c_str());
    QCOMPARE(fragments.serverMessages, std::size_t{2});
    QCOMPARE(fragments.peerMessages, std::size_t{2});
    // Every server packet is accounted for: Start, each of its pieces, one ACK
    // per peer piece that had a successor, and the final EAP-Success.
    std::size_t serverPackets = 0, peerPackets = 0;
    for (const Packet& p : run.packets) (p.fromServer ? serverPackets : peerPackets) += 1;
    const std::size_t peerAcksReceived = fragments.peerPieces - fragments.peerMessages;
    const std::size_t serverAcksReceived = fragments.serverPieces - fragments.serverMessages;
    QCOMPARE(serverPackets, 1 + fragments.serverPieces + peerAcksReceived + 1);
    // Peer: each piece, one ACK per server piece with a successor, and the final empty Response.
    QCOMPARE(peerPackets, fragments.peerPieces + serverAcksReceived + 1);
    if (size == 200) QVERIFY(fragments.serverPieces > fragments.serverMessages);  // fragmentation exercised
    const auto last = eapol::parseEap(run.packets.back().bytes);
    QVERIFY(last && last->code == static_cast<std::uint8_t>(eapol::EapCode::Success));
    QCOMPARE(last->identifier, run.server->identifier());
  }

  void mskIsFreshPerRun_data() {
    QTest::addColumn<TlsVersion>("version");
    QTest::newRow("RFC 5216 TLS 1.2") << TlsVersion::Tls12;
    QTest::newRow("RFC 9190 TLS 1.3") << TlsVersion::Tls13;
  }

  void mskIsFreshPerRun() {
    QFETCH(TlsVersion, version);
    Run first = exchange(serverConfig(pkiA(), version, 1020), peerConfig(pkiA(), pkiA(), version, 1020));
    Run second = exchange(serverConfig(pkiA(), version, 1020), peerConfig(pkiA(), pkiA(), version, 1020));
    QVERIFY2(first.error.empty() && second.error.empty(), (first.error + second.error).c_str());
    QVERIFY(first.server->keys() && second.server->keys());
    QVERIFY(!(first.server->keys()->msk == second.server->keys()->msk));
    QVERIFY(first.server->keys()->methodId != second.server->keys()->methodId);
  }

  void clientCertificateFromAnotherCa_data() { mskIsFreshPerRun_data(); }

  void clientCertificateFromAnotherCa() {
    QFETCH(TlsVersion, version);
    // The peer trusts the server (CA A) but presents a client certificate of CA B.
    Run run = exchange(serverConfig(pkiA(), version, 1020), peerConfig(pkiA(), pkiB(), version, 1020));
    QVERIFY2(run.error.empty(), run.error.c_str());
    QCOMPARE(run.server->state(), EapTlsServer::State::Failed);
    QCOMPARE(run.peer->state(), EapTlsPeer::State::Failed);
    QVERIFY(!run.server->keys() && !run.peer->keys());
    // It fails on the peer's second TLS message, the one with its Certificate.
    QCOMPARE(run.server->peerMessages(), std::size_t{2});
    const std::string& reason = run.server->failureReason();
    QVERIFY2(reason.find("TLS handshake failed at peer message 2") != std::string::npos, reason.c_str());
    QVERIFY2(reason.find("certificate verification failed") != std::string::npos, reason.c_str());
    QVERIFY2(reason.find("unable to get local issuer certificate") != std::string::npos, reason.c_str());
    QVERIFY(run.server->lastStep().find("EAP-Failure") != std::string::npos);
    const auto last = eapol::parseEap(run.packets.back().bytes);
    QVERIFY(last && last->code == static_cast<std::uint8_t>(eapol::EapCode::Failure));
  }

  void serverCertificateFromAnotherCa_data() { mskIsFreshPerRun_data(); }

  void serverCertificateFromAnotherCa() {
    QFETCH(TlsVersion, version);
    // The peer trusts only CA B; the server's certificate is from CA A.
    Run run = exchange(serverConfig(pkiA(), version, 1020), peerConfig(pkiB(), pkiA(), version, 1020));
    QVERIFY2(run.error.empty(), run.error.c_str());
    QCOMPARE(run.peer->state(), EapTlsPeer::State::Failed);
    QCOMPARE(run.server->state(), EapTlsServer::State::Failed);
    QCOMPARE(run.peer->serverMessages(), std::size_t{1});  // the flight with the server's Certificate
    const std::string& peerReason = run.peer->failureReason();
    QVERIFY2(peerReason.find("TLS handshake failed at server message 1") != std::string::npos, peerReason.c_str());
    QVERIFY2(peerReason.find("certificate verification failed") != std::string::npos, peerReason.c_str());
    // The server learns it from the peer's alert (RFC 5216 2.1.3).
    const std::string& serverReason = run.server->failureReason();
    QVERIFY2(serverReason.find("unknown ca") != std::string::npos, serverReason.c_str());
  }

  void truncatedAndGarbagePacketsAreRejected() {
    // Every prefix of every real packet is offered to its receiver before the
    // real packet: each must be refused without changing state, and the
    // exchange must still succeed.
    const TlsVersion version = TlsVersion::Tls12;
    auto server = EapTlsServer::create(serverConfig(pkiA(), version, 200)).value();
    auto peer = EapTlsPeer::create(peerConfig(pkiA(), pkiA(), version, 200)).value();
    auto request = server->start(1);
    QVERIFY(request.ok());
    std::size_t rejected = 0;
    for (int step = 0; step < 200; ++step) {
      for (std::size_t n = 0; n < request->size(); ++n) {
        QVERIFY2(!peer->handle(ByteView(request->data(), n)).ok(), "peer accepted a truncated Request");
        ++rejected;
      }
      auto response = peer->handle(*request);
      QVERIFY2(response.ok(), response.ok() ? "" : response.error().describe().c_str());
      if (response->empty()) break;
      for (std::size_t n = 0; n < response->size(); ++n) {
        QVERIFY2(!server->handle(ByteView(response->data(), n)).ok(), "server accepted a truncated Response");
        ++rejected;
      }
      request = server->handle(*response);
      QVERIFY(request.ok());
    }
    QCOMPARE(server->state(), EapTlsServer::State::Succeeded);
    QCOMPARE(peer->state(), EapTlsPeer::State::Succeeded);
    QVERIFY(server->keys()->msk == peer->keys()->msk);
    QVERIFY(rejected > 1000);

    // Finished machines refuse more input.
    QVERIFY(!server->handle(*request).ok());
    QVERIFY(!peer->handle(eapol::buildEapSuccess(3)).ok());
  }

  void protocolViolationsAreRejected() {
    auto server = EapTlsServer::create(serverConfig(pkiA(), TlsVersion::Tls12, 1020)).value();
    QVERIFY(!server->handle(eapol::buildEapSuccess(1)).ok());  // before start()
    const Bytes start = server->start(10).value();
    const std::uint8_t id = 10;
    const Bytes data(300, 0x16);
    // Wrong Identifier (RFC 3748 4.1: discarded).
    QVERIFY(
        !server->handle(eapol::buildEapTls(eapol::EapCode::Response, 11, eapol::eaptype::kTls, 0, std::nullopt, data))
             .ok());
    // A Request where a Response belongs.
    QVERIFY(
        !server->handle(eapol::buildEapTls(eapol::EapCode::Request, id, eapol::eaptype::kTls, 0, std::nullopt, data))
             .ok());
    // First of several fragments without L (RFC 5216 3.1).
    QVERIFY(!server
                 ->handle(eapol::buildEapTls(eapol::EapCode::Response, id, eapol::eaptype::kTls,
                                             eapol::tlsflag::kMoreFragments, std::nullopt, data))
                 .ok());
    // A TLS Message Length beyond the limit, and one the data overruns.
    QVERIFY(!server
                 ->handle(eapol::buildEapTls(eapol::EapCode::Response, id, eapol::eaptype::kTls,
                                             eapol::tlsflag::kMoreFragments, 0x7fffffffu, data))
                 .ok());
    QVERIFY(!server
                 ->handle(eapol::buildEapTls(eapol::EapCode::Response, id, eapol::eaptype::kTls,
                                             eapol::tlsflag::kMoreFragments, 100, data))
                 .ok());
    // A single message shorter than its TLS Message Length.
    QVERIFY(!server->handle(eapol::buildEapTls(eapol::EapCode::Response, id, eapol::eaptype::kTls, 0, 301, data)).ok());
    QCOMPARE(server->state(), EapTlsServer::State::Handshaking);
    QCOMPARE(server->identifier(), id);

    // Records that are not TLS end the handshake with a reason, not a crash.
    auto failure =
        server->handle(eapol::buildEapTls(eapol::EapCode::Response, id, eapol::eaptype::kTls, 0, std::nullopt, data));
    QVERIFY(failure.ok());
    QVERIFY(server->state() == EapTlsServer::State::Failed || server->state() == EapTlsServer::State::Failing);
    QVERIFY(server->failureReason().find("TLS handshake failed at peer message 1") != std::string::npos);

    // The peer: a TLS Request before Start, then a Nak for another method.
    auto peer = EapTlsPeer::create(peerConfig(pkiA(), pkiA(), TlsVersion::Tls12, 1020)).value();
    QVERIFY(!peer->handle(eapol::buildEapTls(eapol::EapCode::Request, 2, eapol::eaptype::kTls, 0, std::nullopt, data))
                 .ok());
    const std::uint8_t challenge[] = {16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    auto nak = peer->handle(eapol::buildEap(eapol::EapCode::Request, 3, eapol::eaptype::kMd5Challenge, challenge));
    QVERIFY(nak.ok());
    const auto parsedNak = eapol::parseEap(*nak);
    QVERIFY(parsedNak && parsedNak->type == eapol::eaptype::kNak && parsedNak->typeData.size() == 1 &&
            parsedNak->typeData[0] == eapol::eaptype::kTls);
    // A premature EAP-Success is refused (RFC 9190 2.5, RFC 5216 2.1.1).
    QVERIFY(peer->handle(start).ok());
    QVERIFY(peer->handle(eapol::buildEapSuccess(10)).ok());
    QCOMPARE(peer->state(), EapTlsPeer::State::Failed);
    QVERIFY(!peer->keys());
    QVERIFY(peer->failureReason().find("before the TLS exchange completed") != std::string::npos);
  }

  void identityAndRetransmission() {
    auto server = EapTlsServer::create(serverConfig(pkiA(), TlsVersion::Tls12, 1400)).value();
    EapTlsConfig config = peerConfig(pkiA(), pkiA(), TlsVersion::Tls12, 1400);
    config.identity = "station-7@roamscope.test";
    auto peer = EapTlsPeer::create(std::move(config)).value();
    // 1400-octet fragments: the server's first flight travels whole.
    // RFC 3748 5.1: Identity Response with the configured text.
    auto identity = peer->handle(eapol::buildEapIdentity(eapol::EapCode::Request, 1, {}));
    QVERIFY(identity.ok());
    const auto parsedIdentity = eapol::parseEap(*identity);
    QVERIFY(parsedIdentity && parsedIdentity->isResponse() && parsedIdentity->identifier == 1);
    QCOMPARE(parsedIdentity->text(), std::string("station-7@roamscope.test"));
    // RFC 3748 4.3: a retransmitted Request (same Identifier) gets the same Response,
    // and the TLS state does not advance twice.
    const Bytes start = server->start(2).value();
    const Bytes clientHello = peer->handle(start).value();
    QCOMPARE(peer->handle(start).value(), clientHello);
    const Bytes serverFlight = server->handle(clientHello).value();
    const Bytes answer = peer->handle(serverFlight).value();
    QCOMPARE(peer->handle(serverFlight).value(), answer);
    QCOMPARE(peer->serverMessages(), std::size_t{1});
    QVERIFY(server->handle(answer).ok());
  }

  void randomGarbageNeverCrashes() {
    std::mt19937 random(5216);  // fixed seed: the same inputs every run
    auto server = EapTlsServer::create(serverConfig(pkiA(), TlsVersion::Tls13, 200)).value();
    auto peer = EapTlsPeer::create(peerConfig(pkiA(), pkiA(), TlsVersion::Tls13, 200)).value();
    QVERIFY(server->start(1).ok());
    std::size_t refused = 0;
    for (int i = 0; i < 3000; ++i) {
      Bytes garbage(static_cast<std::size_t>(random() % 64));
      for (auto& b : garbage) b = static_cast<std::uint8_t>(random());
      // Half of them look like EAP-TLS so they reach the TLS and fragment code.
      if (garbage.size() >= 6 && i % 2 == 0) {
        garbage[0] = static_cast<std::uint8_t>(1 + (i / 2) % 2);
        garbage[2] = 0;
        garbage[3] = static_cast<std::uint8_t>(garbage.size());
        garbage[4] = eapol::eaptype::kTls;
      }
      if (!server->handle(garbage).ok()) ++refused;
      if (!peer->handle(garbage).ok()) ++refused;
    }
    QVERIFY(refused > 3000);
  }

  void tsharkReadsTheExchange_data() { mskIsFreshPerRun_data(); }

  void tsharkReadsTheExchange() {
    RS_REQUIRE_TSHARK();
    QFETCH(TlsVersion, version);
    Run run = exchange(serverConfig(pkiA(), version, kDefaultFragmentSize),
                       peerConfig(pkiA(), pkiA(), version, kDefaultFragmentSize));
    QVERIFY2(run.error.empty(), run.error.c_str());
    QCOMPARE(run.server->state(), EapTlsServer::State::Succeeded);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("eap-tls.pcap").toStdString();
    {
      auto created = PcapWriter::create(path, static_cast<std::uint32_t>(LinkType::Ethernet));
      QVERIFY(std::holds_alternative<std::unique_ptr<PcapWriter>>(created));
      auto& writer = std::get<std::unique_ptr<PcapWriter>>(created);
      const MacAddress authenticator = MacAddress::parse("02:00:00:00:0a:01").value();
      const MacAddress supplicant = MacAddress::parse("02:00:00:00:0b:01").value();
      // IEEE 802.1X-2010 11.1.1: EAPOL frames go to the PAE group address on a LAN.
      const MacAddress paeGroup = MacAddress::parse("01:80:c2:00:00:03").value();
      std::int64_t t = 1'700'000'000'000'000'000;
      for (const Packet& p : run.packets) {
        const Bytes eapol = eapol::buildEapol(2, eapol::PacketType::EapPacket, p.bytes);
        const Bytes frame =
            inet::buildEthernet(paeGroup, p.fromServer ? authenticator : supplicant, inet::kEtherTypeEapol, eapol);
        QVERIFY(writer->writePacket(t, frame));
        t += 1'000'000;
      }
      QVERIFY(writer->close());
    }
    QString error;
    auto table =
        test::runTsharkFields(path,
                              {"frame.protocols", "eap.code", "eap.type", "_ws.malformed", "_ws.expert.severity",
                               "_ws.expert.message", "tls.handshake.type", "tls.record.version"},
                              {"-o", "tls.desegment_ssl_records:TRUE"}, error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), run.packets.size());
    std::size_t certificates = 0;
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      QVERIFY2(row[1] != "", qPrintable(QString("frame %1 has no EAP code").arg(i + 1)));
      if (isTlsPacket(run.packets[i].bytes)) QCOMPARE(row[2], std::string("13"));
      QVERIFY2(row[3].empty(), qPrintable(QString("frame %1 malformed").arg(i + 1)));
      // Expert severity 0x00800000 is "error" (epan/proto.h PI_ERROR).
      for (const std::string& severity : table->values(i, 4))
        QVERIFY2(severity != "8388608",
                 qPrintable(QString("frame %1 expert error: %2").arg(i + 1).arg(QString::fromStdString(row[5]))));
      for (const std::string& type : table->values(i, 6))
        if (type == "11") ++certificates;
    }
    if (version == TlsVersion::Tls12) {
      // The reassembled handshake shows both Certificate messages (server's, then the client's).
      QCOMPARE(certificates, std::size_t{2});
    } else {
      // TLS 1.3 encrypts the Certificates; tshark still sees the ClientHello and ServerHello.
      QCOMPARE(certificates, std::size_t{0});
      bool clientHello = false, serverHello = false;
      for (std::size_t i = 0; i < table->rows.size(); ++i)
        for (const std::string& type : table->values(i, 6)) {
          clientHello = clientHello || type == "1";
          serverHello = serverHello || type == "2";
        }
      QVERIFY(clientHello && serverHello);
    }
  }
};

QTEST_GUILESS_MAIN(TestEapTls)
#include "tst_eap_tls.moc"
