// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #3: FT-802.1X (AKM 00-0F-AC:3) keys follow the roam. On a synthetic
// capture built with the project's builders (ft_8021x_scene.h) — initial
// mobility domain association and 4-way handshake with AP1, data, FT
// authentication and reassociation with AP2, data — the MSK alone (XXKey =
// L(MSK, 256, 256), IEEE 802.11-2016 12.7.1.7.3) verifies every MIC (EAPOL-Key
// messages 2-4 with the PMK-R1-derived PTK, both FTE MICs of 13.8.4/13.8.5),
// checks PMKR1Name in message 2 and the reassociation request, and decrypts
// every protected frame on both APs; a wrong MSK verifies and decrypts nothing.
#include <QtTest>

#include <QTemporaryDir>
#include <set>

#include "core/analysis/frame_decryptor.h"
#include "core/analysis/handshake_tracker.h"
#include "tests/core/analysis/ft_8021x_scene.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"
#include "tests/support/tshark_fields.h"

using namespace rs;

namespace {

constexpr std::uint32_t kLinkTypeIeee80211 = 105;

std::unique_ptr<HandshakeTracker> analyse(const test::Ft8021xScene& scene, KeyRing& ring) {
  auto tracker = std::make_unique<HandshakeTracker>(ring);
  for (std::size_t i = 0; i < scene.frames.size(); ++i)
    tracker->observe(FrameView{i, static_cast<std::int64_t>(i) * 1'000'000, kLinkTypeIeee80211, 0, scene.frames[i]});
  return tracker;
}

std::optional<bool> micVerdict(const HandshakeTracker& t, std::uint64_t frame) {
  if (const FtMicCheck* c = t.ftMicCheck(frame)) return c->micValid;
  if (const KeyFrameCheck* c = t.check(frame)) return c->micValid;
  return std::nullopt;
}

std::set<std::uint64_t> decrypted(const HandshakeTracker& t, const test::Ft8021xScene& scene) {
  std::set<std::uint64_t> out;
  for (std::size_t i = 0; i < scene.frames.size(); ++i)
    if (decryptFrame(t, scene.frames[i], i)) out.insert(i);
  return out;
}

}  // namespace

class Ft8021xKeys : public QObject {
  Q_OBJECT
 private slots:
  void mskVerifiesEveryMicAndDecryptsBothAps() {
    auto scene = test::buildFt8021xScene();
    QVERIFY2(scene, scene ? "" : scene.error().message.c_str());
    KeyRing ring;
    ring.addMsk(crypto::SecretBytes(scene->msk), "test MSK");
    const auto tracker = analyse(*scene, ring);
    QCOMPARE(scene->micFrames.size(), std::size_t{5});
    for (std::uint64_t f : scene->micFrames) {
      const auto verdict = micVerdict(*tracker, f);
      QVERIFY2(verdict.has_value(), qPrintable(QStringLiteral("frame %1 not checked").arg(f + 1)));
      QVERIFY2(*verdict, qPrintable(QStringLiteral("frame %1: MIC did not verify").arg(f + 1)));
    }
    const KeyCheckSummary s = tracker->summary();
    QCOMPARE(s.micValid, s.micChecked);
    QCOMPARE(s.micChecked, std::size_t{5});
    QCOMPARE(s.pmkidChecked, std::size_t{2});  // PMKR1Name in message 2 and in the reassociation request
    QCOMPARE(s.pmkidValid, s.pmkidChecked);
    QCOMPARE(s.verifiedHandshakes, std::size_t{2});  // AP1's 4-way handshake and the FT roam to AP2
    QCOMPARE(s.groupKeys, std::size_t{2});           // message 3's GTK KDE and the response FTE's GTK

    std::set<std::uint64_t> expected(scene->ap1DataFrames.begin(), scene->ap1DataFrames.end());
    expected.insert(scene->ap2DataFrames.begin(), scene->ap2DataFrames.end());
    QCOMPARE(decrypted(*tracker, *scene), expected);
    // Frames on AP2 decrypt with the roam's PTKSA, which belongs to AP2 and came from the MSK.
    const auto plain = decryptFrame(*tracker, scene->frames[scene->ap2DataFrames.front()], scene->ap2DataFrames.front());
    QVERIFY(plain && plain->ptksa);
    QCOMPARE(plain->ptksa->aa, scene->ap2);
    QVERIFY(plain->ptksa->pmkOrigin.find("MSK") != std::string::npos);
  }

  void wrongMskVerifiesAndDecryptsNothing() {
    auto scene = test::buildFt8021xScene();
    QVERIFY(scene);
    Bytes wrong = scene->msk;
    wrong[40] ^= 0x01;  // inside L(MSK, 256, 256): the XXKey differs
    KeyRing ring;
    ring.addMsk(crypto::SecretBytes(wrong), "wrong MSK");
    const auto tracker = analyse(*scene, ring);
    for (std::uint64_t f : scene->micFrames) {
      const auto verdict = micVerdict(*tracker, f);
      QVERIFY2(verdict.has_value() && !*verdict, qPrintable(QStringLiteral("frame %1 verified").arg(f + 1)));
    }
    const KeyCheckSummary s = tracker->summary();
    QCOMPARE(s.micValid, std::size_t{0});
    QCOMPARE(s.pmkidValid, std::size_t{0});
    QCOMPARE(s.verifiedHandshakes, std::size_t{0});
    QVERIFY(decrypted(*tracker, *scene).empty());
  }

  // Only the second half of the MSK is FT-802.1X's XXKey: the first half (the
  // PMK of non-FT 802.1X, 12.7.1.3) given as a PMK is not enough.
  void pmkOfTheMskIsNotTheXxKey() {
    auto scene = test::buildFt8021xScene();
    QVERIFY(scene);
    KeyRing ring;
    ring.addPmk(crypto::SecretBytes(ByteView(scene->msk).first(32)));
    const auto tracker = analyse(*scene, ring);
    QCOMPARE(tracker->summary().micValid, std::size_t{0});
    const KeyFrameCheck* m2 = tracker->check(scene->micFrames.front());
    QVERIFY(m2);
    QCOMPARE(m2->note, std::string("FT-802.1X: no MSK given"));
  }

  // Independent check: Wireshark's FT-EAP support ("msk" keys; the commit that
  // added it called it partial, derived from the 4-way handshake only) decrypts,
  // in tshark 4.0, the frames on both APs given the MSK: exactly the same
  // frames as RoamScope, with the same TKs.
  void tsharkWithTheMskDecryptsTheSameFrames() {
    RS_REQUIRE_TSHARK();
    auto scene = test::buildFt8021xScene();
    QVERIFY(scene);
    QTemporaryDir dir;
    const std::string path = dir.filePath("ft-8021x.pcap").toStdString();
    std::string error;
    QVERIFY2(test::writePcap(path, kLinkTypeIeee80211, scene->frames, &error), error.c_str());
    QString err;
    const QStringList args{"-o", "wlan.enable_decryption:TRUE", "-o",
                           QStringLiteral("uat:80211_keys:\"msk\",\"%1\"").arg(QString::fromStdString(toHex(scene->msk))),
                           "-Y", "wlan.fc.protected == 1 && llc"};
    auto t = test::runTsharkFields(path, {"frame.number", "wlan.analysis.tk", "wlan.analysis.gtk"}, args, err);
    QVERIFY2(t.has_value(), qPrintable(err));
    KeyRing ring;
    ring.addMsk(crypto::SecretBytes(scene->msk), "test MSK");
    const auto tracker = analyse(*scene, ring);
    std::set<std::uint64_t> theirs;
    for (const auto& row : t->rows) {
      const std::uint64_t f = std::stoull(row[0]) - 1;
      theirs.insert(f);
      const auto plain = decryptFrame(*tracker, scene->frames[f], f);
      QVERIFY2(plain, qPrintable(QStringLiteral("tshark decrypts frame %1, RoamScope does not").arg(f + 1)));
      const std::string ours = plain->ptksa ? toHex(plain->ptksa->ptk.tk.view()) : toHex(plain->gtksa->gtk.view());
      const std::string& tsharkKey = plain->ptksa ? row[1] : row[2];
      if (!tsharkKey.empty()) QCOMPARE(ours, tsharkKey);
    }
    QCOMPARE(decrypted(*tracker, *scene), theirs);
  }
};

QTEST_GUILESS_MAIN(Ft8021xKeys)
#include "tst_ft_8021x_keys.moc"
