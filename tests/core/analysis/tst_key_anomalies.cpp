// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #3: nonce reuse and replay counter anomalies of EAPOL-Key exchanges
// (IEEE 802.11-2016 12.7.2 replay counter rules; the KRACK key reinstallation
// class) are flagged per frame, shown in the packet details as
// roamscope.key_anomaly and in the roam analysis as "nonce-reuse" /
// "replay-counter" diagnostics; retransmissions are counted, not flagged; and
// the real captures of fixtures/ show none.
#include <QtTest>

#include <deque>

#include "capture/file/capture_file.h"
#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_anomaly_detector.h"
#include "core/analysis/key_annotator.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "core/demo/wpa2_demo_session.h"
#include "dissectors/dispatch.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/inet/llc.h"
#include "tests/support/fixtures.h"

using namespace rs;
using eapol::KeyMessage;

namespace {

const MacAddress kAp{{0x02, 0, 0, 0, 0, 0x01}};
const MacAddress kSta{{0x02, 0, 0, 0, 0, 0x10}};

// Builds EAPOL-Key frames of one pair and feeds them to a detector, frame by frame.
class Exchange {
 public:
  // `nonce` fills the nonce field (0: all zero, as in message 4).
  Exchange& send(KeyMessage m, std::uint64_t replayCounter, std::uint8_t nonce = 0) {
    using namespace eapol::keyinfo;
    eapol::EapolKeyFields f;
    switch (m) {
      case KeyMessage::Pairwise1: f.keyInfo = kPairwise | kAck | 2; break;
      case KeyMessage::Pairwise2: f.keyInfo = kPairwise | kMic | 2; f.keyData = Bytes(22, 0x30); break;
      case KeyMessage::Pairwise3:
        f.keyInfo = kPairwise | kInstall | kAck | kMic | kSecure | kEncryptedKeyData | 2;
        f.keyData = Bytes(24, 0x55);
        break;
      case KeyMessage::Pairwise4: f.keyInfo = kPairwise | kMic | kSecure | 2; break;
      case KeyMessage::Group1: f.keyInfo = kAck | kMic | kSecure | kEncryptedKeyData | 2; f.keyData = Bytes(24, 0x66); break;
      case KeyMessage::Group2: f.keyInfo = kMic | kSecure | 2; break;
    }
    f.replayCounter = replayCounter;
    f.nonce.fill(nonce);
    storage_.push_back(eapol::buildEapolKey(f));
    const auto parsed = eapol::parseEapolKey(storage_.back());
    if (!parsed || parsed->message != m) {
      ok_ = false;
      return *this;
    }
    std::vector<KeyAnomaly> anomalies;
    bool retransmission = false;
    detector_.observe(kAp, kSta, *parsed, index_, anomalies, retransmission);
    for (const auto& a : anomalies) found_.push_back({index_, a});
    retransmissions_ += retransmission;
    ++index_;
    return *this;
  }
  Exchange& reassociate() {
    detector_.resetReplayCounter(kAp, kSta);
    return *this;
  }
  bool ok() const { return ok_; }
  // "frame:kind" for each anomaly, 0-based frames of this exchange.
  QStringList anomalies() const {
    QStringList out;
    for (const auto& [frame, a] : found_)
      out << QStringLiteral("%1:%2").arg(frame).arg(QString::fromUtf8(keyAnomalyName(a.kind).data()));
    return out;
  }
  int retransmissions() const { return retransmissions_; }

 private:
  KeyAnomalyDetector detector_;
  std::deque<Bytes> storage_;
  std::vector<std::pair<std::uint64_t, KeyAnomaly>> found_;
  std::uint64_t index_ = 0;
  int retransmissions_ = 0;
  bool ok_ = true;
};

// Where the EAPOL PDU of an EAPOL-Key data frame starts in `frame` (radiotap + 802.11), if it is one.
std::optional<std::size_t> eapolOffset(std::uint32_t linkType, ByteView frame, KeyMessage& message) {
  const ByteView wlan = locateIeee80211(linkType, frame);
  const auto header = parseMacHeader(wlan);
  if (!header || !header->isData() || header->isProtected()) return std::nullopt;
  const ByteView msdu = wlan.subspan(header->bodyOffset());
  const auto llc = inet::parseLlcSnap(msdu);
  if (!llc || llc->etherType != 0x888e) return std::nullopt;
  const ByteView eapol = msdu.subspan(llc->payloadOffset);
  const auto key = eapol::parseEapolKey(eapol);
  if (!key) return std::nullopt;
  message = key->message;
  return static_cast<std::size_t>(eapol.data() - frame.data());
}

// A copy of a handshake frame with another replay counter (octets 9-16 of the
// EAPOL PDU, 12.7.2). Its MIC no longer verifies; the anomaly checks do not need it to.
Bytes withReplayCounter(const Bytes& frame, std::size_t eapol, std::uint64_t counter) {
  Bytes out = frame;
  for (int i = 0; i < 8; ++i) out[eapol + 9 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(counter >> (56 - 8 * i));
  return out;
}

constexpr std::uint32_t kRadiotap = 127;

// The built-in WPA2 demo session, then what a key reinstallation attack (or a
// broken AP) adds: message 3 again after message 4 with a higher replay
// counter, then message 1 with the completed handshake's ANonce and an old counter.
struct AttackedSession {
  DemoSessionConfig config;
  std::vector<Bytes> frames;
  std::uint64_t reinstalledM3 = 0;
  std::uint64_t staleM1 = 0;
};

std::optional<AttackedSession> attackedSession() {
  AttackedSession s;
  auto demo = buildWpa2DemoSession(s.config);
  if (!demo) return std::nullopt;
  std::optional<std::size_t> m1Offset, m3Offset;
  Bytes m1, m3;
  for (const auto& f : *demo) {
    s.frames.push_back(f.bytes);
    KeyMessage m{};
    if (auto off = eapolOffset(kRadiotap, f.bytes, m)) {
      if (m == KeyMessage::Pairwise1) m1Offset = off, m1 = f.bytes;
      if (m == KeyMessage::Pairwise3) m3Offset = off, m3 = f.bytes;
    }
  }
  if (!m1Offset || !m3Offset) return std::nullopt;
  s.reinstalledM3 = s.frames.size();
  s.frames.push_back(withReplayCounter(m3, *m3Offset, 3));
  s.staleM1 = s.frames.size();
  s.frames.push_back(withReplayCounter(m1, *m1Offset, 1));
  return s;
}

}  // namespace

class KeyAnomalies : public QObject {
  Q_OBJECT
 private slots:
  void normalHandshakeHasNone() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 1, 0xa1).send(KeyMessage::Pairwise2, 1, 0x51).send(KeyMessage::Pairwise3, 2, 0xa1)
        .send(KeyMessage::Pairwise4, 2).send(KeyMessage::Group1, 3).send(KeyMessage::Group2, 3);
    // A rekey: a new handshake with fresh nonces and higher counters.
    e.send(KeyMessage::Pairwise1, 4, 0xa2).send(KeyMessage::Pairwise2, 4, 0x52).send(KeyMessage::Pairwise3, 5, 0xa2)
        .send(KeyMessage::Pairwise4, 5);
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), QStringList{});
    QCOMPARE(e.retransmissions(), 0);
  }

  // Retries are normal (12.7.6.1 lets the Authenticator retransmit messages 1
  // and 3): counted, never flagged — heard twice with the same counter, or sent
  // again with an incremented one.
  void retransmissionsAreCountedNotFlagged() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 1, 0xa1).send(KeyMessage::Pairwise1, 1, 0xa1).send(KeyMessage::Pairwise1, 2, 0xa1)
        .send(KeyMessage::Pairwise2, 2, 0x51).send(KeyMessage::Pairwise3, 3, 0xa1).send(KeyMessage::Pairwise3, 4, 0xa1)
        .send(KeyMessage::Pairwise4, 4)
        .send(KeyMessage::Pairwise3, 4, 0xa1);  // the last message 3 heard again after message 4: same counter
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), QStringList{});
    QCOMPARE(e.retransmissions(), 4);
  }

  void anonceReusedForANewHandshake() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 1, 0xa1).send(KeyMessage::Pairwise2, 1, 0x51).send(KeyMessage::Pairwise3, 2, 0xa1)
        .send(KeyMessage::Pairwise4, 2)
        .reassociate()
        .send(KeyMessage::Pairwise1, 1, 0xa1)   // same ANonce after a completed handshake
        .send(KeyMessage::Pairwise2, 1, 0x51);  // and the station's SNonce too
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), (QStringList{"4:anonce-reused", "5:snonce-reused"}));
  }

  void replayCounterNotIncreasing() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 5, 0xa1).send(KeyMessage::Pairwise2, 5, 0x51)
        .send(KeyMessage::Pairwise3, 4, 0xa1)   // below message 1's counter
        .send(KeyMessage::Pairwise4, 4)
        .send(KeyMessage::Group1, 5);           // equal to the highest so far, another message
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), (QStringList{"2:replay-counter", "4:replay-counter"}));
  }

  // KRACK (Vanhoef & Piessens 2017): message 3 again after message 4, with a
  // new replay counter, makes the station install the same PTK again.
  void message3AfterMessage4IsAReinstallation() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 1, 0xa1).send(KeyMessage::Pairwise2, 1, 0x51).send(KeyMessage::Pairwise3, 2, 0xa1)
        .send(KeyMessage::Pairwise4, 2).send(KeyMessage::Pairwise3, 3, 0xa1).send(KeyMessage::Pairwise4, 3);
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), QStringList{"4:key-reinstallation"});
    QCOMPARE(e.retransmissions(), 0);
  }

  // 12.7.2: the replay counter starts again with each (re)association.
  void reassociationRestartsTheReplayCounter() {
    Exchange e;
    e.send(KeyMessage::Pairwise1, 7, 0xa1).send(KeyMessage::Pairwise2, 7, 0x51).send(KeyMessage::Pairwise3, 8, 0xa1)
        .send(KeyMessage::Pairwise4, 8).reassociate().send(KeyMessage::Pairwise1, 1, 0xb1);
    QVERIFY(e.ok());
    QCOMPARE(e.anomalies(), QStringList{});
  }

  // The same anomalies through the whole pipeline: HandshakeTracker, the
  // packet details and the roam analysis's diagnostics.
  void attackedSessionIsFlaggedEverywhere() {
    const auto s = attackedSession();
    QVERIFY(s);
    KeyRing ring;
    ring.addPassphrase(s->config.passphrase, Bytes(s->config.ssid.begin(), s->config.ssid.end()));
    HandshakeTracker tracker(ring);
    roam::RoamAnalyzer analyzer(&ring);
    for (std::size_t i = 0; i < s->frames.size(); ++i) {
      const FrameView f{i, static_cast<std::int64_t>(i) * 10'000'000, kRadiotap, 0, s->frames[i]};
      tracker.observe(f);
      analyzer.observe(f);
    }
    analyzer.finish();
    const KeyFrameCheck* m3 = tracker.check(s->reinstalledM3);
    QVERIFY(m3);
    QCOMPARE(m3->anomalies.size(), std::size_t{1});
    QCOMPARE(m3->anomalies[0].kind, KeyAnomalyKind::KeyReinstallation);
    const KeyFrameCheck* m1 = tracker.check(s->staleM1);
    QVERIFY(m1);
    QCOMPARE(m1->anomalies.size(), std::size_t{2});  // counter 1 after 3, and the completed handshake's ANonce
    QCOMPARE(tracker.summary().anomalies, std::size_t{3});

    const FrameView f{s->reinstalledM3, 0, kRadiotap, 0, s->frames[s->reinstalledM3]};
    Dissection d = dissectFrame(kRadiotap, s->frames[s->reinstalledM3]);
    annotateKeys(tracker, f, d);
    const Field* field = d.find("roamscope.key_anomaly");
    QVERIFY(field);
    QCOMPARE(field->valueString(), std::string("key-reinstallation"));
    QVERIFY(!field->expert.empty());

    std::map<std::string, int> kinds;
    for (const auto& r : analyzer.records())
      for (const auto& diag : r.diagnostics) ++kinds[diag.kind];
    QCOMPARE(kinds["nonce-reuse"], 2);     // the reinstalled message 3, the reused ANonce
    QCOMPARE(kinds["replay-counter"], 1);  // the stale message 1
  }

  // Every real capture: no anomaly. Their handshakes are ordinary — the linksys
  // captures rekey with fresh nonces and increasing counters, the roaming
  // captures restart the counter with each reassociation (which is legal), and
  // testm1m2m3's message 2 ten minutes after message 1 is late, not anomalous.
  void realCapturesHaveNone_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("ssid");
    QTest::newRow("wpa2-psk-linksys") << "captures/wpa2-psk-linksys.cap" << "dictionary" << "linksys";
    QTest::newRow("wpa-psk-linksys") << "captures/wpa-psk-linksys.cap" << "dictionary" << "linksys";
    QTest::newRow("wpa") << "captures/wpa.cap" << "biscotte" << "test";
    QTest::newRow("wpa2.eapol") << "captures/wpa2.eapol.cap" << "12345678" << "Harkonen";
    QTest::newRow("testm1m2m3") << "captures/testm1m2m3.pcap" << "12345678" << "WLAN-2";
    // Passphrase unknown: the anomaly checks read the frames, they need no right key.
    QTest::newRow("wpa3-psk") << "captures/wpa3-psk.pcap" << "unknown-passphrase" << "";
    QTest::newRow("capture_wds-01") << "captures/capture_wds-01.cap" << "unknown-passphrase" << "";
    QTest::newRow("roaming psk") << "roaming/psk/psk.pcap" << "hwsim-roam-passphrase" << "hwsim-psk";
    QTest::newRow("roaming ft-psk") << "roaming/ft-psk/ft-psk.pcap" << "hwsim-roam-passphrase" << "hwsim-ft";
    QTest::newRow("roaming eap") << "roaming/eap/eap.pcap" << "" << "";
  }
  void realCapturesHaveNone() {
    QFETCH(QString, file);
    QFETCH(QString, passphrase);
    QFETCH(QString, ssid);
    RS_REQUIRE_FIXTURE(file.toStdString());
    auto opened = openCapture(test::fixturePath(file.toStdString()));
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& capture = *std::get<std::unique_ptr<CaptureFile>>(opened);
    KeyRing ring;
    if (passphrase.isEmpty()) {
      std::string error;
      QVERIFY2(ring.loadWiresharkKeysFile(test::fixturePath("roaming/eap/80211_keys"), error), error.c_str());
    } else {
      const std::string s = ssid.toStdString();
      ring.addPassphrase(passphrase.toStdString(), Bytes(s.begin(), s.end()));
    }
    HandshakeTracker tracker(ring);
    CaptureFrame f;
    std::size_t keyFrames = 0;
    while (capture.next(f)) {
      tracker.observe(toFrameView(f));
      if (const KeyFrameCheck* c = tracker.check(f.index)) {
        ++keyFrames;
        for (const auto& a : c->anomalies)
          QFAIL(qPrintable(QStringLiteral("frame %1: %2").arg(f.index + 1).arg(QString::fromStdString(a.message))));
      }
    }
    QVERIFY(keyFrames >= 2);
    QCOMPARE(tracker.summary().anomalies, std::size_t{0});
  }
};

QTEST_GUILESS_MAIN(KeyAnomalies)
#include "tst_key_anomalies.moc"
