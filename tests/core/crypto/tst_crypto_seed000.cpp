// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-000 keys (core/crypto/seed000_keys.h, docs/protocols/seed-000.md).
// Expected bytes were computed once, independently of RoamScope, from the
// document's formulas:
//   PTK / PTKID: Python 3 hmac + hashlib (no RoamScope code), with
//     ctx = Min(AA,SPA)||Max(AA,SPA)||Min(AN,SN)||Max(AN,SN)
//     PTK = HMAC-SHA256(PMK, 01 00 || "RoamScope seed-000 PTK" || ctx || 80 01)
//        || HMAC-SHA256(PMK, 02 00 || "RoamScope seed-000 PTK" || ctx || 80 01), first 48 octets
//     PTKID = HMAC-SHA256(KCK, "RoamScope seed-000 PTKID" || AA || SPA || AN || SN)[0:16]
//   MIC: `openssl mac -cipher AES-128-CBC -macopt hexkey:<KCK> -in m3.bin CMAC` where m3.bin =
//     SPA || BSSID || 7f 02 52 53 00 03 || ARandom || 16 zero octets
//   wrapped GTK: `openssl enc -id-aes128-wrap -K <KEK> -iv A6A6A6A6A6A6A6A6` over the GTK.
// Inputs: PMK = 00..1f, AA = BSSID = 02:00:00:00:00:01, SPA = 02:00:00:00:00:02,
// ANonce = 40..5f, SNonce = 60..7f, ARandom = a0..bf, SRandom = e0..ff, GTK = c0..cf.
#include <QTest>

#include <numeric>

#include "core/crypto/seed000_keys.h"
#include "dissectors/seed000/seed000.h"
#include "tests/core/crypto/hex_helpers.h"

using namespace rs;
using rs::crypto::ErrorCode;
using rs::test::hx;
using rs::test::mac;
namespace keys = rs::crypto::seed000;
namespace wire = rs::seed000;

namespace {

Bytes run(std::uint8_t first, std::size_t n) {
  Bytes b(n);
  std::iota(b.begin(), b.end(), first);
  return b;
}

const MacAddress kAa = mac("02:00:00:00:00:01");
const MacAddress kSpa = mac("02:00:00:00:00:02");
const Bytes kPmk = run(0x00, 32);
const Bytes kANonce = run(0x40, 32);
const Bytes kSNonce = run(0x60, 32);
const Bytes kARandom = run(0xa0, 32);
const Bytes kSRandom = run(0xe0, 32);
const Bytes kGtk = run(0xc0, 16);

constexpr const char* kKck = "14631fbe73531ce78f9d554b3a400358";
constexpr const char* kKek = "81f6d51451369ed2f3f8fc8c9f90b36c";
constexpr const char* kTk = "51abb8d90863008a1c2f501ce1fe3aaa";
constexpr const char* kPtkId = "72329dfffd91ef3034529552fc824b8f";
constexpr const char* kConfirmMic = "7bbc5a000cf265c6520796c45dd17abd";
constexpr const char* kWrappedGtk = "dc0020126eda920cf5a0fbf6e9356eb93b53709cdfd7a912";

// A message body with its MIC computed under `kck`.
Bytes signedBody(const wire::Message& m, ByteView kck) {
  Bytes body = wire::buildActionBody(m).value_or(Bytes{});
  auto mic = keys::messageMic(kck, kSpa, kAa, body);
  if (mic) wire::setMic(body, *mic);
  return body;
}

wire::Message request(ByteView sRandom, ByteView ptkId) {
  wire::Message m;
  m.type = wire::MessageType::AuthenticatePtkRequest;
  m.sRandom = sRandom;
  m.ptkId = ptkId;
  return m;
}

wire::Message confirm(ByteView aRandom) {
  wire::Message m;
  m.type = wire::MessageType::GroupKeyConfirm;
  m.aRandom = aRandom;
  return m;
}

}  // namespace

class TestCryptoSeed000 : public QObject {
  Q_OBJECT

 private slots:
  void ptkFromKdfSha256() {
    auto ptk = keys::derivePtk(kPmk, kAa, kSpa, kANonce, kSNonce);
    QVERIFY(ptk.ok());
    RS_COMPARE_HEX(ptk->kck.view(), kKck);
    RS_COMPARE_HEX(ptk->kek.view(), kKek);
    RS_COMPARE_HEX(ptk->tk.view(), kTk);
  }

  // Min/Max ordering: the AP and the STA get the same PTK whichever side computes it.
  void ptkIsSymmetric() {
    auto ptk = keys::derivePtk(kPmk, kSpa, kAa, kSNonce, kANonce);
    QVERIFY(ptk.ok());
    RS_COMPARE_HEX(ptk->kck.view(), kKck);
  }

  void ptkDiffersFromPairwiseKeyExpansion() {
    auto seed = keys::derivePtk(kPmk, kAa, kSpa, kANonce, kSNonce);
    auto standard = rs::crypto::derivePtk(rs::crypto::akm::Ieee8021xSha256, kPmk, kAa, kSpa, kANonce, kSNonce, 4);
    QVERIFY(seed.ok() && standard.ok());
    QVERIFY(!(seed->kck == standard->kck));
  }

  void ptkId() {
    auto id = keys::ptkId(hx(kKck), kAa, kSpa, kANonce, kSNonce);
    QVERIFY(id.ok());
    RS_COMPARE_HEX(*id, kPtkId);
  }

  void groupKeyConfirmMic() {
    Bytes body = wire::buildActionBody(confirm(kARandom)).value();
    auto mic = keys::messageMic(hx(kKck), kSpa, kAa, body);
    QVERIFY(mic.ok());
    RS_COMPARE_HEX(*mic, kConfirmMic);
    QVERIFY(wire::setMic(body, *mic));
    auto verified = keys::verifyMessageMic(hx(kKck), kSpa, kAa, body);
    QVERIFY(verified.ok() && *verified);
  }

  void gtkWrapRfc3394() {
    auto wrapped = keys::wrapGtk(hx(kKek), kGtk);
    QVERIFY(wrapped.ok());
    RS_COMPARE_HEX(*wrapped, kWrappedGtk);
    auto gtk = keys::unwrapGtk(hx(kKek), *wrapped);
    QVERIFY(gtk.ok());
    QCOMPARE(gtk->revealCopy(), kGtk);
  }

  // Negative: the AP derived its PTK from the right PMK, the STA from a wrong one.
  void wrongPmkFailsMessage1Mic() {
    Bytes wrongPmk = kPmk;
    wrongPmk[0] ^= 0x01;
    auto staPtk = keys::derivePtk(wrongPmk, kAa, kSpa, kANonce, kSNonce);
    QVERIFY(staPtk.ok());
    auto staPtkId = keys::ptkId(staPtk->kck, kAa, kSpa, kANonce, kSNonce);
    QVERIFY(staPtkId.ok());
    QVERIFY(toHex(*staPtkId) != kPtkId);  // the AP finds no PTKSA of that name
    const Bytes body = signedBody(request(kSRandom, *staPtkId), staPtk->kck);
    auto verified = keys::verifyMessageMic(hx(kKck), kSpa, kAa, body);
    QVERIFY(verified.ok());
    QVERIFY(!*verified);
  }

  void alteredPtkIdFailsMic() {
    Bytes body = signedBody(request(kSRandom, hx(kPtkId)), hx(kKck));
    QVERIFY(*keys::verifyMessageMic(hx(kKck), kSpa, kAa, body));
    body[6 + 12 + 32] ^= 0x80;  // first PTKID octet (after header 6, SA type 12, SRandom 32)
    auto verified = keys::verifyMessageMic(hx(kKck), kSpa, kAa, body);
    QVERIFY(verified.ok());
    QVERIFY(!*verified);
  }

  // A confirm replayed from an earlier exchange verifies only with its old ARandom;
  // putting the current ARandom into it breaks the MIC, so the AP rejects it either way.
  void replayedARandomCannotBeRefreshed() {
    const Bytes oldARandom = run(0x10, 32);
    Bytes replay = signedBody(confirm(oldARandom), hx(kKck));
    auto parsed = wire::parseActionBody(replay);
    QVERIFY(parsed.ok);
    QVERIFY(toBytes(parsed.message.aRandom) != kARandom);
    std::copy(kARandom.begin(), kARandom.end(), replay.begin() + 6);
    auto verified = keys::verifyMessageMic(hx(kKck), kSpa, kAa, replay);
    QVERIFY(verified.ok());
    QVERIFY(!*verified);
  }

  // The MIC binds the addresses: a message moved to another BSSID fails.
  void otherBssidFailsMic() {
    const Bytes body = signedBody(confirm(kARandom), hx(kKck));
    auto verified = keys::verifyMessageMic(hx(kKck), kSpa, mac("02:00:00:00:00:03"), body);
    QVERIFY(verified.ok());
    QVERIFY(!*verified);
  }

  void wrongKekFailsUnwrap() {
    Bytes kek = hx(kKek);
    kek[15] ^= 0x01;
    auto gtk = keys::unwrapGtk(kek, hx(kWrappedGtk));
    QVERIFY(!gtk.ok());
    QCOMPARE(gtk.code(), ErrorCode::IntegrityFailure);
  }

  void badLengthsAreRefused() {
    QCOMPARE(keys::derivePtk(Bytes(16, 1), kAa, kSpa, kANonce, kSNonce).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::derivePtk(kPmk, kAa, kSpa, Bytes(31, 1), kSNonce).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::ptkId(Bytes(15, 1), kAa, kSpa, kANonce, kSNonce).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::messageMic(hx(kKck), kSpa, kAa, Bytes(15, 0)).code(), ErrorCode::Malformed);
    QCOMPARE(keys::wrapGtk(hx(kKek), Bytes(12, 1)).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::unwrapGtk(hx(kKek), Bytes(20, 1)).code(), ErrorCode::Malformed);
  }
};

QTEST_GUILESS_MAIN(TestCryptoSeed000)
#include "tst_crypto_seed000.moc"
