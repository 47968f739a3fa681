// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #2 acceptance 2: with the published passphrases, RoamScope derives the
// same KCK/KEK/TK as tshark for every handshake, every MIC of messages 2-4
// verifies (and fails with a wrong passphrase), and the protected data frames
// decrypt — as many as tshark decrypts, with the same contents.
#include <QtTest>

#include <set>

#include "capture/file/capture_file.h"
#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_annotator.h"
#include "dissectors/dispatch.h"
#include "tests/support/field_compare.h"
#include "tests/support/fixtures.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

struct Network {
  const char* file;
  const char* passphrase;
  const char* ssid;
};

const Network kNetworks[] = {
    {"captures/wpa2-psk-linksys.cap", "dictionary", "linksys"},
    {"captures/wpa-psk-linksys.cap", "dictionary", "linksys"},
    {"captures/wpa.cap", "biscotte", "test"},
    {"captures/wpa2.eapol.cap", "12345678", "Harkonen"},
    {"captures/testm1m2m3.pcap", "12345678", "WLAN-2"},
    {"roaming/psk/psk.pcap", "hwsim-roam-passphrase", "hwsim-psk"},
};

QStringList tsharkKeyArgs(const Network& n) {
  return {"-o", "wlan.enable_decryption:TRUE", "-o",
          QStringLiteral("uat:80211_keys:\"wpa-pwd\",\"%1:%2\"").arg(n.passphrase, n.ssid)};
}

// Opens a capture and runs the handshake pass with one passphrase.
struct Analysed {
  std::unique_ptr<CaptureFile> file;
  KeyRing ring;
  std::unique_ptr<HandshakeTracker> tracker;
};

bool analyse(const std::string& path, const std::string& passphrase, const std::string& ssid, Analysed& out) {
  auto opened = openCapture(path);
  if (!std::holds_alternative<std::unique_ptr<CaptureFile>>(opened)) return false;
  out.file = std::move(std::get<std::unique_ptr<CaptureFile>>(opened));
  out.ring.addPassphrase(passphrase, Bytes(ssid.begin(), ssid.end()));
  out.tracker = std::make_unique<HandshakeTracker>(out.ring);
  CaptureFrame f;
  while (out.file->next(f)) out.tracker->observe(toFrameView(f));
  out.file->rewind();
  return true;
}

bool isMicMessage(eapol::KeyMessage m) {
  return m == eapol::KeyMessage::Pairwise2 || m == eapol::KeyMessage::Pairwise3 ||
         m == eapol::KeyMessage::Pairwise4 || m == eapol::KeyMessage::Group1 || m == eapol::KeyMessage::Group2;
}

}  // namespace

class KeyAnalysis : public QObject {
  Q_OBJECT
 private slots:
  void keysEqualTshark_data() {
    QTest::addColumn<int>("network");
    for (int i = 0; i < static_cast<int>(std::size(kNetworks)); ++i) QTest::newRow(kNetworks[i].file) << i;
  }
  // KCK/KEK/TK/GTK wherever tshark shows them, and the decrypted payloads' fields.
  void keysEqualTshark() {
    QFETCH(int, network);
    const Network& n = kNetworks[network];
    RS_REQUIRE_FIXTURE(n.file);
    RS_REQUIRE_TSHARK();
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    const HandshakeTracker& tracker = *a.tracker;
    const auto withKeys = [&](const CaptureFrame& f) {
      Dissection d = dissectFrame(f.linkType, f.data);
      annotateKeys(tracker, toFrameView(f), d);
      return d;
    };
    // Our trees carry keys on more frames than tshark's (every message of a
    // verified handshake), so compare only where tshark has a value.
    const std::vector<std::string> keyFields = {"wlan.analysis.kck", "wlan.analysis.kek", "wlan.analysis.tk",
                                                "wlan.analysis.gtk"};
    const auto r = test::compareWithTshark(test::fixturePath(n.file), keyFields, tsharkKeyArgs(n), withKeys);
    QVERIFY2(r.error.empty(), r.error.c_str());
    std::size_t compared = 0;
    for (const auto& m : r.mismatches) {
      if (m.tshark.empty()) continue;  // tshark shows no key on this frame
      QVERIFY2(m.ours.find(m.tshark) != std::string::npos,
               qPrintable(QStringLiteral("frame %1 %2: RoamScope '%3' tshark '%4'")
                              .arg(m.frameNumber)
                              .arg(QString::fromStdString(m.field), QString::fromStdString(m.ours),
                                   QString::fromStdString(m.tshark))));
    }
    compared = r.comparedValues;
    if (std::string(n.file) != "captures/wpa.cap" && std::string(n.file) != "captures/testm1m2m3.pcap")
      QVERIFY2(compared > 0, "tshark derived no key: the comparison would be empty");

    // The decrypted payloads dissect as tshark's do.
    const std::vector<std::string> payloadFields = {"llc.type", "ip.src", "ip.dst", "ip.proto", "arp.opcode",
                                                    "udp.srcport", "udp.dstport", "tcp.srcport"};
    const auto p = test::compareWithTshark(test::fixturePath(n.file), payloadFields, tsharkKeyArgs(n), withKeys);
    QVERIFY2(p.error.empty() && p.mismatches.empty(), test::describe(p).c_str());
  }

  void micsVerifyWithRightPassphrase_data() { keysEqualTshark_data(); }
  void micsVerifyWithRightPassphrase() {
    QFETCH(int, network);
    const Network& n = kNetworks[network];
    RS_REQUIRE_FIXTURE(n.file);
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    std::size_t checked = 0;
    CaptureFrame f;
    while (a.file->next(f)) {
      const KeyFrameCheck* c = a.tracker->check(f.index);
      if (!c || !isMicMessage(c->message)) continue;
      QVERIFY2(c->micValid.has_value(), qPrintable(QStringLiteral("frame %1 not checked: %2")
                                                        .arg(f.index + 1)
                                                        .arg(QString::fromStdString(c->note))));
      QVERIFY2(*c->micValid, qPrintable(QStringLiteral("frame %1: MIC did not verify").arg(f.index + 1)));
      ++checked;
    }
    QVERIFY(checked >= 2);
  }

  void micsFailWithWrongPassphrase_data() { keysEqualTshark_data(); }
  void micsFailWithWrongPassphrase() {
    QFETCH(int, network);
    const Network& n = kNetworks[network];
    RS_REQUIRE_FIXTURE(n.file);
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), "not-the-passphrase", n.ssid, a));
    std::size_t checked = 0;
    CaptureFrame f;
    while (a.file->next(f)) {
      const KeyFrameCheck* c = a.tracker->check(f.index);
      if (!c || !c->micValid) continue;
      QVERIFY2(!*c->micValid, qPrintable(QStringLiteral("frame %1 verified with a wrong key").arg(f.index + 1)));
      ++checked;
    }
    QVERIFY(checked >= 1);
    QCOMPARE(a.tracker->summary().verifiedHandshakes, std::size_t{0});
  }

  // tshark decrypts 30 LLC frames of the CCMP capture and 56 of the TKIP one
  // besides the protected EAPOL-Key frames (the TKIP capture's group key
  // handshakes travel encrypted); RoamScope must decrypt exactly the same frames.
  void decryptsAsManyFramesAsTshark_data() {
    QTest::addColumn<int>("network");
    QTest::addColumn<int>("expectedNonEapol");
    QTest::newRow("CCMP wpa2-psk-linksys") << 0 << 30;
    QTest::newRow("TKIP wpa-psk-linksys") << 1 << 56;
  }
  void decryptsAsManyFramesAsTshark() {
    QFETCH(int, network);
    QFETCH(int, expectedNonEapol);
    const Network& n = kNetworks[network];
    RS_REQUIRE_FIXTURE(n.file);
    RS_REQUIRE_TSHARK();
    QString err;
    auto t = test::runTsharkFields(test::fixturePath(n.file), {"frame.number", "eapol.type"},
                                   tsharkKeyArgs(n) << "-Y" << "wlan.fc.protected == 1 && llc", err);
    QVERIFY2(t.has_value(), qPrintable(err));
    std::set<std::size_t> theirs;
    int theirsNonEapol = 0;
    for (const auto& row : t->rows) {
      theirs.insert(std::stoul(row[0]));
      theirsNonEapol += row[1].empty();
    }
    QCOMPARE(theirsNonEapol, expectedNonEapol);

    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    std::set<std::size_t> ours;
    CaptureFrame f;
    while (a.file->next(f)) {
      Dissection d = dissectFrame(f.linkType, f.data);
      annotateKeys(*a.tracker, toFrameView(f), d);
      if (d.find("roamscope.decrypted") && d.layer("llc")) ours.insert(f.index + 1);
    }
    QCOMPARE(ours, theirs);
  }

  // The 802.1X roaming capture: PMKs from the key file, PMKIDs in message 1
  // (KDE), in the reassociation request of the PMKSA-cache roam and in its
  // message 2 (RSNE) — every one must check, and fail against a wrong PMK.
  void pmkidsCheckAgainstThePmk() {
    RS_REQUIRE_FIXTURE("roaming/eap/eap.pcap");
    auto opened = openCapture(test::fixturePath("roaming/eap/eap.pcap"));
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    for (bool rightKeys : {true, false}) {
      KeyRing ring;
      if (rightKeys) {
        std::string error;
        QVERIFY2(ring.loadWiresharkKeysFile(test::fixturePath("roaming/eap/80211_keys"), error), error.c_str());
      } else {
        ring.addPmk(crypto::SecretBytes(Bytes(32, 0x42)));
      }
      HandshakeTracker tracker(ring);
      file.rewind();
      CaptureFrame f;
      while (file.next(f)) tracker.observe(toFrameView(f));
      const KeyCheckSummary s = tracker.summary();
      QVERIFY2(s.pmkidChecked >= 5, qPrintable(QString::number(s.pmkidChecked)));
      QCOMPARE(s.pmkidValid, rightKeys ? s.pmkidChecked : std::size_t{0});
      QVERIFY(s.micChecked >= 9);
      QCOMPARE(s.micValid, rightKeys ? s.micChecked : std::size_t{0});
    }
  }

  // Key material is marked secret, so output paths mask it by default.
  void derivedKeysAreMarkedSecret() {
    const Network& n = kNetworks[3];
    RS_REQUIRE_FIXTURE(n.file);
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    CaptureFrame f;
    std::size_t keys = 0;
    while (a.file->next(f)) {
      Dissection d = dissectFrame(f.linkType, f.data);
      annotateKeys(*a.tracker, toFrameView(f), d);
      for (const char* name : {"wlan.analysis.kck", "wlan.analysis.kek", "wlan.analysis.tk"})
        for (const Field* k : d.findAll(name)) {
          QVERIFY(k->secret);
          ++keys;
        }
    }
    QVERIFY(keys >= 3);
  }
};

QTEST_GUILESS_MAIN(KeyAnalysis)
#include "tst_key_analysis.moc"
