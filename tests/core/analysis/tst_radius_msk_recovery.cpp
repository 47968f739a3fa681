// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #3: with the RADIUS shared secret, the PMK comes from the MS-MPPE keys
// of the Access-Accept and the 802.1X session decrypts.
//  - FreeRADIUS's EAP-PEAP capture: every Access-Accept yields a 64-octet MSK
//    with "hasecret", none with a wrong secret; the MS-CHAPv2 capture's keys
//    are recognised as MPPE session keys, not an MSK.
//  - End to end on frames built with the project's builders: an Ethernet/UDP
//    Access-Request/-Accept carrying the MSK, then an 802.11 4-way handshake
//    whose PMK is L(MSK, 0, 256) and CCMP-protected data: with the secret every
//    MIC verifies and the data decrypts; without it (or with a wrong one) nothing does.
#include <QtTest>

#include "core/analysis/frame_decryptor.h"
#include "core/analysis/handshake_tracker.h"
#include "core/analysis/radius_key_annotator.h"
#include "core/analysis/radius_msk_recovery.h"
#include "core/crypto/pbkdf2.h"
#include "core/crypto/radius_crypto.h"
#include "core/demo/wpa2_demo_session.h"
#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"

using namespace rs;

namespace {

constexpr const char* kPeap = "peers/radius-eap-peap-mschapv2.pcap";
constexpr const char* kMsChap = "peers/radius-mschapv2.pcap";

FrameView viewOf(const CaptureFrame& f) {
  return FrameView{f.index, f.timestampNs, f.linkType, f.interfaceId, f.data};
}

// Runs the recovery over a fixture with the given secrets.
std::unique_ptr<RadiusMskRecovery> recoverFrom(const std::string& relative, KeyRing& ring) {
  auto recovery = std::make_unique<RadiusMskRecovery>(ring);
  auto loaded = rs::test::loadCapture(rs::test::fixturePath(relative));
  for (const auto& f : loaded.frames) recovery->observe(viewOf(f));
  return recovery;
}

// An Ethernet/IPv4/UDP frame between the AP (NAS, 10.0.0.1) and the server (10.0.0.2).
Bytes overEthernet(const Bytes& radiusPacket, bool toServer) {
  const std::uint32_t nas = 0x0a000001, server = 0x0a000002;
  const std::uint16_t nasPort = 40000, serverPort = radius::kAuthPort;
  inet::Ipv4Fields ip;
  ip.protocol = inet::kIpProtoUdp;
  ip.source = toServer ? nas : server;
  ip.destination = toServer ? server : nas;
  const Bytes udp = inet::buildUdp(ip.source, ip.destination, toServer ? nasPort : serverPort,
                                   toServer ? serverPort : nasPort, radiusPacket);
  const auto apMac = *MacAddress::parse("02:00:00:00:aa:01");
  const auto serverMac = *MacAddress::parse("02:00:00:00:aa:02");
  return inet::buildEthernet(toServer ? serverMac : apMac, toServer ? apMac : serverMac, inet::kEtherTypeIpv4,
                             inet::buildIpv4(ip, udp));
}

struct Scene {
  std::vector<Bytes> bytes;
  std::vector<std::uint32_t> linkTypes;
  std::vector<std::int64_t> timestamps;
  std::vector<std::size_t> protectedData;  // indexes of CCMP-protected data frames
};

// The AP's RADIUS exchange for the station, then the demo's WPA2 session with
// PMK = L(MSK, 0, 256): the demo derives its PMK from a passphrase, so the MSK
// is built around that PMK (its first 256 bits), followed by 256 other bits.
Scene buildScene(const std::string& secret) {
  Scene s;
  DemoSessionConfig cfg;
  cfg.dataFrames = 4;
  auto pmk = crypto::pmkFromPassphrase(cfg.passphrase, cfg.ssid);
  if (!pmk) return s;
  Bytes msk = pmk->revealCopy();
  for (int i = 0; i < 32; ++i) msk.push_back(static_cast<std::uint8_t>(0xc0 + i));

  const Bytes requestAuth = {0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87,
                             0x98, 0xa9, 0xba, 0xcb, 0xdc, 0xed, 0xfe, 0x0f};
  radius::PacketBuilder req(radius::code::kAccessRequest, 7, requestAuth);
  req.addText(radius::attr::kUserName, "mnuser")
      .addText(radius::attr::kCallingStationId, "02-52-53-00-00-10")
      .addText(radius::attr::kCalledStationId, "02-52-53-00-00-01:RoamScope-Demo")
      .addEapMessage(Bytes{2, 9, 0, 11, 1, 'm', 'n', 'u', 's', 'e', 'r'})
      .addMessageAuthenticator();
  auto request = req.build();
  if (!request || !crypto::radius::signMessageAuthenticator(*request, requestAuth, asView(secret))) return s;

  // RFC 5216 2.3: Recv-Key carries MSK(0,31), Send-Key MSK(32,63); distinct salts (RFC 2548 2.4.2).
  auto recv = crypto::radius::encryptMppeKey(ByteView(msk).first(32), 0x8001, requestAuth, asView(secret));
  auto send = crypto::radius::encryptMppeKey(ByteView(msk).subspan(32), 0x8002, requestAuth, asView(secret));
  if (!recv || !send) return s;
  radius::PacketBuilder acc(radius::code::kAccessAccept, 7, Bytes(16, 0));
  acc.addMicrosoft(radius::ms::kMppeRecvKey, *recv).addMicrosoft(radius::ms::kMppeSendKey, *send)
      .addEapMessage(Bytes{3, 9, 0, 4}).addMessageAuthenticator();
  auto accept = acc.build();
  if (!accept || !crypto::radius::signReply(*accept, requestAuth, asView(secret))) return s;
  crypto::wipe(msk);

  s.bytes = {overEthernet(*request, true), overEthernet(*accept, false)};
  s.linkTypes = {1, 1};
  s.timestamps = {cfg.startNs - 2'000'000, cfg.startNs - 1'000'000};
  auto demo = buildWpa2DemoSession(cfg);
  if (!demo) return {};
  for (const auto& f : *demo) {
    const ByteView wlan = locateIeee80211(127, f.bytes);
    const auto h = parseMacHeader(wlan);
    if (h && h->isData() && h->isProtected()) s.protectedData.push_back(s.bytes.size());
    s.bytes.push_back(f.bytes);
    s.linkTypes.push_back(127);
    s.timestamps.push_back(f.timestampNs);
  }
  return s;
}

FrameView frameAt(const Scene& s, std::size_t i) {
  return FrameView{i, s.timestamps[i], s.linkTypes[i], 0, s.bytes[i]};
}

}  // namespace

class TestRadiusMskRecovery : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { QVERIFY(inet::registerUdpDecodeAs(11812, "radius")); }
  void cleanupTestCase() { inet::clearUdpDecodeAs(); }

  void peapFixtureWithSecret() {
    RS_REQUIRE_FIXTURE(kPeap);
    KeyRing ring;
    ring.addRadiusSecret("wrong-first");  // the right secret is found among several
    ring.addRadiusSecret("hasecret");
    const auto recovery = recoverFrom(kPeap, ring);
    QCOMPARE(recovery->findings().size(), std::size_t{3});
    QCOMPARE(recovery->recovered(), std::size_t{3});
    // Sessions 1 and 3 are PEAP (a 64-octet MSK); session 2 is EAP-MSCHAPv2,
    // whose 32-octet key (RFC 3079 master keys) is the PMK itself.
    QCOMPARE(ring.msks().size(), std::size_t{2});
    const std::uint64_t acceptFrames[] = {20, 28, 46};  // 1-based, as tshark numbers them
    const std::size_t mskLengths[] = {64, 32, 64};
    for (std::size_t i = 0; i < 3; ++i) {
      const RadiusMskFinding& f = recovery->findings()[i];
      QCOMPARE(f.frame + 1, acceptFrames[i]);
      QCOMPARE(f.verdict, RadiusMskVerdict::Recovered);
      QCOMPARE(f.secretIndex.value_or(99), std::size_t{1});
      QCOMPARE(f.mskLength, mskLengths[i]);
      QVERIFY(f.station);
      QCOMPARE(QString::fromStdString(f.station->toString()), QString("02:00:00:00:00:01"));
      QVERIFY(f.messageAuthenticatorValid.value_or(false));
    }
    for (std::size_t i = 0; i < 2; ++i) {
      QCOMPARE(ring.msks()[i].msk.size(), std::size_t{64});
      QCOMPARE(QString::fromStdString(ring.msks()[i].origin),
               QString("RADIUS Access-Accept in frame %1 for 02:00:00:00:00:01").arg(i == 0 ? 20 : 46));
    }
    QVERIFY(!(ring.msks()[0].msk == ring.msks()[1].msk));
    // Every recovered key is a PMK candidate.
    const auto pmks = ring.candidates(std::nullopt);
    QCOMPARE(pmks.size(), std::size_t{3});
    QVERIFY(pmks[1]->origin.find("32-octet EAP key from RADIUS Access-Accept in frame 28") != std::string::npos);
    QCOMPARE(recovery->pending(), std::size_t{0});
  }

  void peapFixtureWrongSecret() {
    RS_REQUIRE_FIXTURE(kPeap);
    KeyRing ring;
    ring.addRadiusSecret("hasecreT");
    const auto recovery = recoverFrom(kPeap, ring);
    QCOMPARE(recovery->recovered(), std::size_t{0});
    QCOMPARE(ring.msks().size(), std::size_t{0});
    QCOMPARE(recovery->findings().size(), std::size_t{3});
    for (const auto& f : recovery->findings()) QCOMPARE(f.verdict, RadiusMskVerdict::NoSecretMatched);
  }

  void peapFixtureWithoutDecodeAs() {
    RS_REQUIRE_FIXTURE(kPeap);
    inet::clearUdpDecodeAs();
    KeyRing ring;
    ring.addRadiusSecret("hasecret");
    const auto recovery = recoverFrom(kPeap, ring);  // port 11812 is not a RADIUS port by default
    QVERIFY(inet::registerUdpDecodeAs(11812, "radius"));
    QCOMPARE(recovery->findings().size(), std::size_t{0});
  }

  void msChapV2KeysAreNotAnMsk() {
    RS_REQUIRE_FIXTURE(kMsChap);
    KeyRing ring;
    ring.addRadiusSecret("hasecret");
    const auto recovery = recoverFrom(kMsChap, ring);
    // Frames 2 and 8 carry MS-CHAPv2 MPPE keys (16 octets each), frame 6 answers
    // Status-Server, frame 10 carries MS-CHAP-MPPE-Keys (MS-CHAPv1).
    const RadiusMskFinding* v4 = recovery->findingAt(1);
    const RadiusMskFinding* v6 = recovery->findingAt(7);
    QVERIFY(v4 && v6);
    QCOMPARE(v4->verdict, RadiusMskVerdict::NotAnMsk);
    QCOMPARE(v4->mskLength, std::size_t{32});
    QCOMPARE(v6->verdict, RadiusMskVerdict::NotAnMsk);
    const RadiusMskFinding* v1 = recovery->findingAt(9);
    QVERIFY(v1);
    QCOMPARE(v1->verdict, RadiusMskVerdict::NoMppeKeys);
    QCOMPARE(ring.msks().size(), std::size_t{0});
  }

  void pendingRequestsAreBounded() {
    KeyRing ring;
    ring.addRadiusSecret("s");
    RadiusMskRecovery recovery(ring);
    for (std::size_t i = 0; i < RadiusMskRecovery::kMaxPending + 100; ++i) {
      radius::PacketBuilder b(radius::code::kAccessRequest, static_cast<std::uint8_t>(i), Bytes(16, 1));
      b.addText(radius::attr::kUserName, "u");
      // A new client port every 256 requests keeps the keys distinct.
      const Bytes frame = overEthernet(*b.build(), true);
      Bytes copy = frame;
      const std::size_t sportAt = 14 + 20;
      copy[sportAt] = static_cast<std::uint8_t>(0x80 + (i >> 8));  // checksum no longer matters to the recovery
      recovery.observe(FrameView{i, static_cast<std::int64_t>(i), 1, 0, copy});
    }
    QVERIFY(recovery.pending() <= RadiusMskRecovery::kMaxPending);
    // Requests older than the lifetime are dropped when the table fills up again.
    radius::PacketBuilder late(radius::code::kAccessRequest, 1, Bytes(16, 1));
    const Bytes frame = overEthernet(*late.build(), true);
    recovery.observe(FrameView{999999, RadiusMskRecovery::kPendingLifetimeNs + 10'000, 1, 0, frame});
    QVERIFY(recovery.pending() < 200);
  }

  void endToEnd_data() {
    QTest::addColumn<QString>("secretGiven");
    QTest::addColumn<bool>("expectKeys");
    QTest::newRow("with the shared secret") << "testing123" << true;
    QTest::newRow("with a wrong secret") << "testing124" << false;
    QTest::newRow("without a secret") << "" << false;
  }
  void endToEnd() {
    QFETCH(QString, secretGiven);
    QFETCH(bool, expectKeys);
    const Scene scene = buildScene("testing123");
    QVERIFY(scene.bytes.size() > 6);
    QVERIFY(!scene.protectedData.empty());
    KeyRing ring;
    if (!secretGiven.isEmpty()) ring.addRadiusSecret(secretGiven.toStdString());
    ring.addPassphrase("not-the-passphrase", {});  // so that the tracker has something to try either way
    HandshakeTracker tracker(ring);
    for (std::size_t i = 0; i < scene.bytes.size(); ++i) tracker.observe(frameAt(scene, i));
    const KeyCheckSummary s = tracker.summary();
    QVERIFY(s.micChecked >= 3);
    if (expectKeys) {
      QCOMPARE(tracker.radiusRecovery().recovered(), std::size_t{1});
      QCOMPARE(s.micValid, s.micChecked);
      QVERIFY(s.verifiedHandshakes >= 1);
    } else {
      QCOMPARE(tracker.radiusRecovery().recovered(), std::size_t{0});
      QCOMPARE(s.micValid, std::size_t{0});
    }
    for (std::size_t i : scene.protectedData) {
      const ByteView wlan = locateIeee80211(127, scene.bytes[i]);
      const auto plain = decryptFrame(tracker, wlan, i);
      QCOMPARE(plain.has_value(), expectKeys);
    }

    // The dissect command's view of the Access-Accept: keys shown as secret fields.
    Dissection d = dissectFrame(1, scene.bytes[1]);
    annotateRadiusKeys(tracker.radiusRecovery(), ring, frameAt(scene, 1), d);
    const Field* recvKey = d.find("roamscope.radius.mppe_recv_key");
    QCOMPARE(recvKey != nullptr, expectKeys);
    if (recvKey) {
      QVERIFY(recvKey->secret);
      QCOMPARE(recvKey->bytes.size(), std::size_t{32});
      QVERIFY(d.find("roamscope.radius.mppe_send_key")->secret);
    }
  }
};

QTEST_GUILESS_MAIN(TestRadiusMskRecovery)
#include "tst_radius_msk_recovery.moc"
