// SPDX-License-Identifier: GPL-3.0-or-later
// The seed-000 three-message re-association end to end (core/protocols/seed000),
// and the negative cases of issue #4: a wrong PMK, PTKID or MIC, or a replayed
// SRandom/ARandom, ends the exchange at the message docs/protocols/seed-000.md
// section 4 names, with nothing installed.
#include <QTest>

#include <numeric>

#include "core/crypto/seed000_keys.h"
#include "core/protocols/seed000/reassociation.h"

using namespace rs;
using namespace rs::protocols::seed000;
namespace keys = rs::crypto::seed000;

namespace {

Bytes run(std::uint8_t first, std::size_t n) {
  Bytes b(n);
  std::iota(b.begin(), b.end(), first);
  return b;
}

const MacAddress kSta{{0x02, 0, 0, 0, 0, 0x02}};
const MacAddress kBssid{{0x02, 0, 0, 0, 0, 0x01}};
const Bytes kANonce = run(0x40, 32);
const Bytes kSNonce = run(0x60, 32);
const Bytes kGtk = run(0xc0, 16);

// The PTKSA one side derives from `pmk` and the pre-re-association handshake nonces.
Ptksa ptksaFrom(const Bytes& pmk) {
  Ptksa sa;
  sa.sta = kSta;
  sa.bssid = kBssid;
  auto ptk = keys::derivePtk(pmk, kBssid, kSta, kANonce, kSNonce);
  if (!ptk) return sa;
  sa.ptk = std::move(*ptk);
  auto id = keys::ptkId(sa.ptk.kck, kBssid, kSta, kANonce, kSNonce);
  if (id) sa.ptkId = std::move(*id);
  return sa;
}

const Bytes kPmk = run(0x00, 32);

AccessPoint makeAp() { return AccessPoint(ptksaFrom(kPmk), crypto::SecretBytes(kGtk), 1); }

#define EXPECT_OUTCOME(step, expected)                                                    \
  QCOMPARE(std::string(outcomeName((step).outcome)), std::string(outcomeName(expected)))

}  // namespace

class TestSeed000Reassociation : public QObject {
  Q_OBJECT

 private slots:
  void threeMessagesInstallKeys() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    const Step m1 = sta.start(run(0xe0, 32));
    EXPECT_OUTCOME(m1, Outcome::Accepted);
    const Step m2 = ap.onRequest(m1.reply, run(0xa0, 32));
    EXPECT_OUTCOME(m2, Outcome::Accepted);
    const Step m3 = sta.onResponse(m2.reply);
    EXPECT_OUTCOME(m3, Outcome::Accepted);
    QVERIFY(sta.complete());
    QCOMPARE(sta.gtk().revealCopy(), kGtk);
    QCOMPARE(int(sta.gtkId()), 1);
    EXPECT_OUTCOME(ap.onConfirm(m3.reply), Outcome::Accepted);
    QVERIFY(ap.associated());
  }

  // The STA's PMK differs: its PTKID names no PTKSA at the AP -> ends at message 1.
  void wrongPmkEndsAtMessage1() {
    Bytes wrong = kPmk;
    wrong[31] ^= 0xff;
    Station sta(ptksaFrom(wrong));
    AccessPoint ap = makeAp();
    EXPECT_OUTCOME(ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)), Outcome::UnknownPtkId);
    QVERIFY(!ap.associated());
  }

  // Same PTKID but another KCK (a PTKSA forged under the right name) -> MIC failure at message 1.
  void wrongKeyWithRightPtkIdEndsAtMessage1Mic() {
    Bytes wrong = kPmk;
    wrong[0] ^= 0x01;
    Ptksa forged = ptksaFrom(wrong);
    forged.ptkId = ptksaFrom(kPmk).ptkId;
    Station sta(forged);
    AccessPoint ap = makeAp();
    EXPECT_OUTCOME(ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)), Outcome::MicFailure);
  }

  void alteredPtkIdEndsAtMessage1() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    Bytes m1 = sta.start(run(0xe0, 32)).reply;
    m1[6 + 12 + 32] ^= 0x01;
    EXPECT_OUTCOME(ap.onRequest(m1, run(0xa0, 32)), Outcome::UnknownPtkId);
  }

  void alteredSRandomEndsAtMessage1Mic() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    Bytes m1 = sta.start(run(0xe0, 32)).reply;
    m1[18] ^= 0x01;
    EXPECT_OUTCOME(ap.onRequest(m1, run(0xa0, 32)), Outcome::MicFailure);
  }

  void replayedSRandomEndsAtMessage1() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    const Bytes m1 = sta.start(run(0xe0, 32)).reply;
    EXPECT_OUTCOME(ap.onRequest(m1, run(0xa0, 32)), Outcome::Accepted);
    EXPECT_OUTCOME(ap.onRequest(m1, run(0x10, 32)), Outcome::ReplayedSRandom);
  }

  void alteredMicEndsAtMessage2() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    Bytes m2 = ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)).reply;
    m2.back() ^= 0x01;
    EXPECT_OUTCOME(sta.onResponse(m2), Outcome::MicFailure);
    QVERIFY(!sta.complete());
    QVERIFY(sta.gtk().empty());
  }

  // A message 2 from an earlier exchange echoes the old SRandom.
  void replayedMessage2EndsAtMessage2() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    const Bytes oldM2 = ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)).reply;
    sta.start(run(0x30, 32));
    EXPECT_OUTCOME(sta.onResponse(oldM2), Outcome::StaleSRandom);
  }

  // A Group Key Confirm from an earlier exchange echoes the old ARandom.
  void replayedARandomEndsAtMessage3() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    const Bytes oldM3 =
        sta.onResponse(ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)).reply).reply;
    EXPECT_OUTCOME(ap.onConfirm(oldM3), Outcome::Accepted);
    const Step m2 = ap.onRequest(sta.start(run(0x30, 32)).reply, run(0x50, 32));
    EXPECT_OUTCOME(m2, Outcome::Accepted);
    QVERIFY(!ap.associated());
    EXPECT_OUTCOME(ap.onConfirm(oldM3), Outcome::StaleARandom);
    QVERIFY(!ap.associated());
  }

  void alteredMicEndsAtMessage3() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    Bytes m3 = sta.onResponse(ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)).reply).reply;
    m3[40] ^= 0x01;
    EXPECT_OUTCOME(ap.onConfirm(m3), Outcome::MicFailure);
    QVERIFY(!ap.associated());
  }

  void saTypeMismatchEndsAtMessage1() {
    Ptksa other = ptksaFrom(kPmk);
    other.saType.akm.type = 2;  // PSK instead of 802.1X
    Station sta(other);
    AccessPoint ap = makeAp();
    EXPECT_OUTCOME(ap.onRequest(sta.start(run(0xe0, 32)).reply, run(0xa0, 32)), Outcome::SaTypeMismatch);
  }

  void wrongMessageOrGarbage() {
    Station sta(ptksaFrom(kPmk));
    AccessPoint ap = makeAp();
    const Bytes m1 = sta.start(run(0xe0, 32)).reply;
    EXPECT_OUTCOME(ap.onConfirm(m1), Outcome::UnexpectedMessage);
    EXPECT_OUTCOME(sta.onResponse(m1), Outcome::UnexpectedMessage);
    EXPECT_OUTCOME(ap.onRequest(Bytes{0x7f, 0x02}, run(0xa0, 32)), Outcome::Malformed);
  }
};

QTEST_GUILESS_MAIN(TestSeed000Reassociation)
#include "tst_seed000_reassociation.moc"
