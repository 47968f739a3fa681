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
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/ft_mic.h"
#include "core/crypto/pbkdf2.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/index/frame_class.h"
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
    {"roaming/ft-psk/ft-psk.pcap", "hwsim-roam-passphrase", "hwsim-ft"},
};
constexpr int kFtPsk = 6;  // index of the FT-PSK capture in kNetworks

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

// Frame indexes (0-based) whose FTE MIC the tracker checked, with the verdicts.
std::map<std::uint64_t, bool> ftMicVerdicts(Analysed& a) {
  std::map<std::uint64_t, bool> out;
  CaptureFrame f;
  a.file->rewind();
  while (a.file->next(f))
    if (const FtMicCheck* c = a.tracker->ftMicCheck(f.index); c && c->micValid) out[f.index] = *c->micValid;
  a.file->rewind();
  return out;
}

// The frames (1-based numbers) RoamScope decrypts to an LLC payload, by BSSID.
std::map<std::size_t, std::string> decryptedByRoamScope(Analysed& a) {
  std::map<std::size_t, std::string> ours;
  CaptureFrame f;
  a.file->rewind();
  while (a.file->next(f)) {
    Dissection d = dissectFrame(f.linkType, f.data);
    annotateKeys(*a.tracker, toFrameView(f), d);
    if (!d.find("roamscope.decrypted") || !d.layer("llc")) continue;
    const auto header = parseMacHeader(locateIeee80211(f.linkType, f.data));
    ours[f.index + 1] = header && header->bssid() ? header->bssid()->toString() : "";
  }
  a.file->rewind();
  return ours;
}

// An element of a management frame's body, whole (ID, Length, information).
ByteView wholeElement(ByteView elements, std::uint8_t id) {
  const auto e = ieee80211::findElement(elements, id);
  return e ? elements.subspan(e->offset, e->totalLength()) : ByteView{};
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

  // FT-PSK (issue 3): the initial mobility domain association's 4-way handshake
  // (keys from PMK-R1) verifies, and so do both FTE MICs of the FT roam to AP2
  // (reassociation request, frame 1493; response, frame 1495; 13.8.4/13.8.5).
  void ftPskReassociationMicsVerify() {
    const Network& n = kNetworks[kFtPsk];
    RS_REQUIRE_FIXTURE(n.file);
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    const auto verdicts = ftMicVerdicts(a);
    const std::map<std::uint64_t, bool> expected{{1492, true}, {1494, true}};
    QCOMPARE(verdicts, expected);
    // The packet details carry the verdict under the management body.
    CaptureFrame f;
    while (a.file->next(f)) {
      if (f.index != 1492) continue;
      Dissection d = dissectFrame(f.linkType, f.data);
      annotateKeys(*a.tracker, toFrameView(f), d);
      const Field* verdict = d.find("roamscope.mic_valid");
      QVERIFY(verdict);
      QCOMPARE(verdict->valueString(), std::string("true"));
    }
    a.file->rewind();
    // The roam's PTKSA is verified, belongs to AP2 and came from the passphrase.
    const FtMicCheck* request = a.tracker->ftMicCheck(1492);
    QVERIFY(request && request->ptksa);
    const Ptksa& roam = a.tracker->ptksas()[*request->ptksa];
    QVERIFY(roam.verified);
    QCOMPARE(roam.aa.toString(), std::string("02:00:00:00:01:00"));
    // AP2's GTK came wrapped in the response's FTE; tshark shows it as 7f4fc63f... (frame 1502).
    const FtMicCheck* response = a.tracker->ftMicCheck(1494);
    QVERIFY(response && response->gtksa);
    QCOMPARE(toHex(a.tracker->gtksas()[*response->gtksa].gtk.revealCopy()),
             std::string("7f4fc63f63f279085800f0b639b6eb90"));
    const KeyCheckSummary s = a.tracker->summary();
    QCOMPARE(s.micValid, s.micChecked);
    QVERIFY(s.micChecked >= 5);  // messages 2, 3, 4 and the two reassociation frames
    QVERIFY(s.pmkidChecked >= 2);  // PMKR1Names in message 2 and the reassociation request
    QCOMPARE(s.pmkidValid, s.pmkidChecked);
  }

  void ftPskMicsFailWithWrongPassphrase() {
    const Network& n = kNetworks[kFtPsk];
    RS_REQUIRE_FIXTURE(n.file);
    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), "not-the-passphrase", n.ssid, a));
    const std::map<std::uint64_t, bool> expected{{1492, false}, {1494, false}};
    QCOMPARE(ftMicVerdicts(a), expected);
    const KeyCheckSummary s = a.tracker->summary();
    QVERIFY(s.micChecked >= 5);
    QCOMPARE(s.micValid, std::size_t{0});
    QCOMPARE(s.pmkidValid, std::size_t{0});
    QCOMPARE(s.verifiedHandshakes, std::size_t{0});
    QVERIFY(decryptedByRoamScope(a).empty());
  }

  // Known answer for crypto::ftMic: the MICs wpa_supplicant and hostapd put in
  // the FT reassociation of the ft-psk capture, with the KCK of the roam's PTK
  // (PMK-R1 for R1KH-ID = AP2, nonces from the request's FTE; its TK is the one
  // tshark shows on AP2's data frames).
  void ftMicMatchesTheCapture() {
    const Network& n = kNetworks[kFtPsk];
    RS_REQUIRE_FIXTURE(n.file);
    auto opened = openCapture(test::fixturePath(n.file));
    QVERIFY(std::holds_alternative<std::unique_ptr<CaptureFile>>(opened));
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    std::map<std::uint64_t, Bytes> frames;
    CaptureFrame f;
    while (file.next(f))
      if (f.index == 1492 || f.index == 1494) frames[f.index] = toBytes(locateIeee80211(f.linkType, f.data));
    QCOMPARE(frames.size(), std::size_t{2});
    const auto elementsOf = [&](std::uint64_t index, bool request) -> ByteView {
      const ByteView wlan = frames[index];
      const auto header = parseMacHeader(wlan);
      if (!header) return {};
      const ByteView body = wlan.subspan(header->bodyOffset());
      if (request) {
        auto r = ieee80211::parseAssociationRequestBody(body, true);
        return r ? r->elements : ByteView{};
      }
      auto r = ieee80211::parseAssociationResponseBody(body);
      return r ? r->elements : ByteView{};
    };
    const ByteView requestElements = elementsOf(1492, true);
    const ByteView responseElements = elementsOf(1494, false);
    const auto fteElement = ieee80211::findElement(requestElements, 55);
    QVERIFY(fteElement);
    const auto fte = ieee80211::parseFte(fteElement->data);
    QVERIFY(fte && fte->r0khId());

    const auto sta = *MacAddress::parse("02:00:00:00:02:00");
    const auto ap2 = *MacAddress::parse("02:00:00:00:01:00");
    const Bytes ssid{'h', 'w', 's', 'i', 'm', '-', 'f', 't'};
    auto psk = crypto::pmkFromPassphrase("hwsim-roam-passphrase", std::string_view("hwsim-ft"));
    QVERIFY(psk);
    const Bytes mdid{0xa1, 0xb2};
    auto r0 = crypto::derivePmkR0(crypto::akm::FtPsk, *psk, ssid, mdid, *fte->r0khId(), sta);
    QVERIFY(r0);
    auto r1 = crypto::derivePmkR1(crypto::akm::FtPsk, r0->pmkR0, r0->pmkR0Name, ap2, sta);
    QVERIFY(r1);
    auto ptk = crypto::derivePtkFt(crypto::akm::FtPsk, r1->pmkR1, r1->pmkR1Name, fte->snonce, fte->anonce, ap2, sta,
                                   crypto::cipher::Ccmp128);
    QVERIFY(ptk);
    QCOMPARE(toHex(ptk->ptk.tk.revealCopy()), std::string("b8d62a65f1f082a58f65433833d9b907"));
    const ByteView kck = ptk->ptk.kck;

    const auto check = [&](ByteView elements, std::uint8_t transaction) {
      return crypto::verifyFtMic(kck, sta, ap2, transaction, wholeElement(elements, 48), wholeElement(elements, 54),
                                 wholeElement(elements, 55));
    };
    using crypto::ft_transaction::kReassociationRequest;
    using crypto::ft_transaction::kReassociationResponse;
    auto requestOk = check(requestElements, kReassociationRequest);
    QVERIFY(requestOk && *requestOk);
    auto responseOk = check(responseElements, kReassociationResponse);
    QVERIFY(responseOk && *responseOk);
    // The transaction number and every covered octet matter.
    auto swapped = check(requestElements, kReassociationResponse);
    QVERIFY(swapped && !*swapped);
    Bytes tamperedMde = toBytes(wholeElement(requestElements, 54));
    tamperedMde[2] ^= 0x01;
    auto tampered = crypto::verifyFtMic(kck, sta, ap2, kReassociationRequest, wholeElement(requestElements, 48),
                                        tamperedMde, wholeElement(requestElements, 55));
    QVERIFY(tampered && !*tampered);
    // Refusals: a 24-octet KCK (SHA-384 AKM), an FTE too short to hold a MIC.
    QCOMPARE(crypto::ftMic(Bytes(24, 1), sta, ap2, kReassociationRequest, {}, {}, wholeElement(requestElements, 55))
                 .code(),
             crypto::ErrorCode::Unsupported);
    const Bytes shortFte{55, 3, 0, 3, 0};
    QCOMPARE(crypto::ftMic(kck, sta, ap2, kReassociationRequest, {}, {}, shortFte).code(),
             crypto::ErrorCode::Malformed);
  }

  // Every protected frame tshark decrypts in the FT-PSK capture, on AP1 before
  // the roam and on AP2 after it, RoamScope decrypts too — and nothing else.
  void ftPskDecryptsTheSameFramesAsTshark() {
    const Network& n = kNetworks[kFtPsk];
    RS_REQUIRE_FIXTURE(n.file);
    RS_REQUIRE_TSHARK();
    QString err;
    auto t = test::runTsharkFields(test::fixturePath(n.file), {"frame.number", "wlan.bssid"},
                                   tsharkKeyArgs(n) << "-Y" << "wlan.fc.protected == 1 && llc", err);
    QVERIFY2(t.has_value(), qPrintable(err));
    std::map<std::size_t, std::string> theirs;
    for (const auto& row : t->rows) theirs[std::stoul(row[0])] = row[1];
    std::map<std::string, std::size_t> perBssid;
    for (const auto& [frame, bssid] : theirs) ++perBssid[bssid];
    QVERIFY(perBssid["02:00:00:00:00:00"] > 0);
    QVERIFY(perBssid["02:00:00:00:01:00"] > 0);

    Analysed a;
    QVERIFY(analyse(test::fixturePath(n.file), n.passphrase, n.ssid, a));
    QCOMPARE(decryptedByRoamScope(a), theirs);
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
