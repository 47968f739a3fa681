// SPDX-License-Identifier: GPL-3.0-or-later
// RADIUS cryptography (core/crypto/radius_crypto.h): the RFC 2865 section 7
// examples, round trips of every hiding/encryption, and FreeRADIUS's own
// packets from ../shared/fixtures/peers (shared secret "hasecret"): every
// reply's Response Authenticator and every Message-Authenticator verifies, and
// the MPPE keys of the MS-CHAPv2 Access-Accept are the RFC 3079 keys.
#include <QtTest>

#include "core/crypto/mschapv2.h"
#include "core/crypto/radius_crypto.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"

using namespace rs;
using rs::test::hexOf;
using rs::test::hx;
namespace rc = rs::crypto::radius;

namespace {

// RFC 2865 7.1: "nemo" / "arctangent" at NAS 192.168.1.16 port 3, secret "xyzzy5461".
const char* kRfc2865Request71 =
    "01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb 98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d"
    "93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8 01 10 05 06 00 00 00 03";
const char* kRfc2865Accept71 =
    "02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf 9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00"
    "0e 06 c0 a8 01 03";
const char* kRfc2865Secret = "xyzzy5461";

struct RadiusFrame {
  std::size_t number;  // 1-based
  Bytes packet;        // the RADIUS packet (Length octets)
};

// The RADIUS packets of a fixture, found by the dissector (Decode As udp.port==11812).
std::vector<RadiusFrame> radiusFrames(const std::string& relative) {
  std::vector<RadiusFrame> out;
  auto loaded = rs::test::loadCapture(rs::test::fixturePath(relative));
  for (const auto& f : loaded.frames) {
    const Dissection d = dissectFrame(f.linkType, f.data);
    const Field* layer = d.layer("radius");
    if (!layer) continue;
    const auto p = radius::parsePacket(f.data.subspan(layer->offset));
    if (!p) continue;
    out.push_back(RadiusFrame{f.index + 1, toBytes(p->packet)});
  }
  return out;
}

}  // namespace

class TestCryptoRadius : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { QVERIFY(inet::registerUdpDecodeAs(11812, "radius")); }
  void cleanupTestCase() { inet::clearUdpDecodeAs(); }

  void rfc2865Section71UserPassword() {
    const Bytes request = hx(kRfc2865Request71);
    const auto p = radius::parsePacket(request);
    QVERIFY(p);
    const auto* hidden = p->find(radius::attr::kUserPassword);
    QVERIFY(hidden);
    auto hiddenAgain = rc::hideUserPassword(asView("arctangent"), p->authenticator, asView(kRfc2865Secret));
    QVERIFY(hiddenAgain);
    QCOMPARE(hexOf(*hiddenAgain), hexOf(hidden->value));
    auto plain = rc::unhideUserPassword(hidden->value, p->authenticator, asView(kRfc2865Secret));
    QVERIFY(plain);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<int>(plain->size())),
             QByteArray("arctangent"));
  }

  void rfc2865Section71ResponseAuthenticator() {
    const Bytes request = hx(kRfc2865Request71);
    const Bytes accept = hx(kRfc2865Accept71);
    const ByteView requestAuth = ByteView(request).subspan(4, 16);
    auto ok = rc::verifyResponseAuthenticator(accept, requestAuth, asView(kRfc2865Secret));
    QVERIFY(ok);
    QVERIFY(*ok);
    auto wrong = rc::verifyResponseAuthenticator(accept, requestAuth, asView("xyzzy5462"));
    QVERIFY(wrong);
    QVERIFY(!*wrong);
    // Rebuilding the reply with the builder and signing it gives the same bytes.
    radius::PacketBuilder b(radius::code::kAccessAccept, 0, Bytes(16, 0));
    b.addU32(radius::attr::kServiceType, 1).addU32(15, 0).addIpv4(14, 0xc0a80103);
    auto built = b.build();
    QVERIFY(built);
    QVERIFY(rc::signReply(*built, requestAuth, asView(kRfc2865Secret)));
    QCOMPARE(hexOf(*built), hexOf(accept));
  }

  void userPasswordRoundTrip_data() {
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("1 octet") << QByteArray("x");
    QTest::newRow("16 octets (one block, no padding)") << QByteArray("0123456789abcdef");
    QTest::newRow("17 octets (two blocks)") << QByteArray("0123456789abcdefg");
    QTest::newRow("128 octets (maximum)") << QByteArray(128, 'p');
  }
  void userPasswordRoundTrip() {
    QFETCH(QByteArray, password);
    const Bytes auth = hx("00112233445566778899aabbccddeeff");
    const ByteView pw(reinterpret_cast<const std::uint8_t*>(password.data()), static_cast<std::size_t>(password.size()));
    auto hidden = rc::hideUserPassword(pw, auth, asView("s3cret"));
    QVERIFY(hidden);
    QCOMPARE(hidden->size() % 16, std::size_t{0});
    auto plain = rc::unhideUserPassword(*hidden, auth, asView("s3cret"));
    QVERIFY(plain);
    QCOMPARE(hexOf(plain->view()), hexOf(pw));
  }

  void userPasswordLimits() {
    const Bytes auth(16, 1);
    QCOMPARE(rc::hideUserPassword({}, auth, asView("s")).code(), crypto::ErrorCode::InvalidArgument);
    QCOMPARE(rc::hideUserPassword(Bytes(129, 'a'), auth, asView("s")).code(), crypto::ErrorCode::InvalidArgument);
    QCOMPARE(rc::unhideUserPassword(Bytes(15, 0), auth, asView("s")).code(), crypto::ErrorCode::Malformed);
    QCOMPARE(rc::unhideUserPassword(Bytes(16, 0), Bytes(15, 0), asView("s")).code(),
             crypto::ErrorCode::InvalidArgument);
  }

  void mppeKeyRoundTrip_data() {
    QTest::addColumn<int>("keyLength");
    QTest::addColumn<int>("cipherLength");
    QTest::newRow("16-octet MS-CHAPv2 key") << 16 << 32;
    QTest::newRow("32-octet half of an MSK") << 32 << 48;
    QTest::newRow("15 octets: exactly one block") << 15 << 16;
  }
  void mppeKeyRoundTrip() {
    QFETCH(int, keyLength);
    QFETCH(int, cipherLength);
    Bytes key(static_cast<std::size_t>(keyLength));
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(0xa0 + i);
    const Bytes auth = hx("0f403f9473978057bd83d5cb98f4227a");
    auto value = rc::encryptMppeKey(key, 0x8123, auth, asView("hasecret"));
    QVERIFY(value);
    QCOMPARE(value->size(), std::size_t(2 + cipherLength));
    QCOMPARE((*value)[0], std::uint8_t{0x81});
    QCOMPARE((*value)[1], std::uint8_t{0x23});
    auto back = rc::decryptMppeKey(*value, auth, asView("hasecret"));
    QVERIFY(back);
    QCOMPARE(hexOf(back->view()), hexOf(key));
    // Another salt gives another ciphertext (RFC 2548 2.4.2: salts must differ per key).
    auto other = rc::encryptMppeKey(key, 0x8124, auth, asView("hasecret"));
    QVERIFY(other);
    QVERIFY(ByteView(*other).subspan(2).size() == ByteView(*value).subspan(2).size());
    QVERIFY(!std::equal(other->begin() + 2, other->end(), value->begin() + 2));
  }

  void mppeKeyErrors() {
    const Bytes auth(16, 7);
    QCOMPARE(rc::encryptMppeKey(Bytes(16, 1), 0x0123, auth, asView("s")).code(), crypto::ErrorCode::InvalidArgument);
    QCOMPARE(rc::decryptMppeKey(Bytes(17, 0x80), auth, asView("s")).code(), crypto::ErrorCode::Malformed);
    QCOMPARE(rc::decryptMppeKey(Bytes(2, 0x80), auth, asView("s")).code(), crypto::ErrorCode::Malformed);
  }

  void messageAuthenticatorRoundTrip() {
    const Bytes auth = hx("112233445566778899aabbccddeeff00");
    radius::PacketBuilder req(radius::code::kAccessRequest, 9, auth);
    req.addText(radius::attr::kUserName, "alice").addEapMessage(Bytes(600, 0x42)).addMessageAuthenticator();
    auto request = req.build();
    QVERIFY(request);
    QVERIFY(rc::signMessageAuthenticator(*request, auth, asView("k")));
    auto ok = rc::verifyMessageAuthenticator(*request, auth, asView("k"));
    QVERIFY(ok && *ok);
    auto wrong = rc::verifyMessageAuthenticator(*request, auth, asView("K"));
    QVERIFY(wrong && !*wrong);
    (*request)[30] ^= 1;  // any change in the covered bytes breaks it
    auto tampered = rc::verifyMessageAuthenticator(*request, auth, asView("k"));
    QVERIFY(tampered && !*tampered);

    radius::PacketBuilder rep(radius::code::kAccessChallenge, 9, Bytes(16, 0));
    rep.addEapMessage(Bytes(20, 1)).addMessageAuthenticator();
    auto reply = rep.build();
    QVERIFY(reply);
    QVERIFY(rc::signReply(*reply, auth, asView("k")));
    auto replyMac = rc::verifyMessageAuthenticator(*reply, auth, asView("k"));
    QVERIFY(replyMac && *replyMac);
    auto replyAuth = rc::verifyResponseAuthenticator(*reply, auth, asView("k"));
    QVERIFY(replyAuth && *replyAuth);
    QCOMPARE(rc::messageAuthenticator(hx(kRfc2865Accept71), auth, asView("k")).code(), crypto::ErrorCode::Malformed);
  }

  // RFC 2866 3: the Request Authenticator of an Accounting-Request is an MD5 over zeros.
  void accountingRequestAuthenticator() {
    radius::PacketBuilder b(radius::code::kAccountingRequest, 3, Bytes(16, 0));
    b.addU32(radius::attr::kAcctStatusType, 1).addText(radius::attr::kAcctSessionId, "0001");
    auto request = b.build();
    QVERIFY(request);
    QVERIFY(rc::signAccountingRequest(*request, asView("acct")));
    auto ok = rc::verifyAccountingRequestAuthenticator(*request, asView("acct"));
    QVERIFY(ok && *ok);
    auto wrong = rc::verifyAccountingRequestAuthenticator(*request, asView("acct2"));
    QVERIFY(wrong && !*wrong);
  }

  // FreeRADIUS 3.2.1's packets: every reply verifies with "hasecret" and the
  // request it answers, every Message-Authenticator too; another secret fails.
  void fixtureAuthenticators_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumReplies");
    QTest::newRow("radius-mschapv2.pcap") << "peers/radius-mschapv2.pcap" << 5;
    QTest::newRow("radius-eap-peap-mschapv2.pcap") << "peers/radius-eap-peap-mschapv2.pcap" << 23;
  }
  void fixtureAuthenticators() {
    QFETCH(QString, file);
    QFETCH(int, minimumReplies);
    RS_REQUIRE_FIXTURE(file.toStdString());
    const auto frames = radiusFrames(file.toStdString());
    std::map<std::uint8_t, Bytes> requestAuth;  // by identifier (one client, one server in these captures)
    int replies = 0, macs = 0;
    for (const auto& f : frames) {
      const auto p = radius::parsePacket(f.packet);
      QVERIFY(p);
      if (radius::isRequestCode(p->code)) {
        requestAuth[p->identifier] = toBytes(p->authenticator);
        if (p->messageAuthenticatorOffset()) {
          auto ok = rc::verifyMessageAuthenticator(f.packet, p->authenticator, asView("hasecret"));
          QVERIFY2(ok && *ok, qPrintable(QString("frame %1 request Message-Authenticator").arg(f.number)));
          auto bad = rc::verifyMessageAuthenticator(f.packet, p->authenticator, asView("notsecret"));
          QVERIFY(bad && !*bad);
          ++macs;
        }
        continue;
      }
      QVERIFY2(requestAuth.count(p->identifier), qPrintable(QString("frame %1 has no request").arg(f.number)));
      const Bytes& ra = requestAuth[p->identifier];
      auto ok = rc::verifyResponseAuthenticator(f.packet, ra, asView("hasecret"));
      QVERIFY2(ok && *ok, qPrintable(QString("frame %1 Response Authenticator").arg(f.number)));
      auto bad = rc::verifyResponseAuthenticator(f.packet, ra, asView("hasecret2"));
      QVERIFY(bad && !*bad);
      if (p->messageAuthenticatorOffset()) {
        auto mac = rc::verifyMessageAuthenticator(f.packet, ra, asView("hasecret"));
        QVERIFY2(mac && *mac, qPrintable(QString("frame %1 reply Message-Authenticator").arg(f.number)));
        ++macs;
      }
      ++replies;
    }
    qInfo("%d replies, %d Message-Authenticators verified", replies, macs);
    QVERIFY(replies >= minimumReplies);
    QVERIFY(macs > 0);
  }

  // The MS-CHAPv2 Access-Accept (frame 2) answers frame 1: its MPPE keys are
  // the RFC 3079 3.4 keys from "mnpass" and the request's NT-Response.
  // FreeRADIUS (rlm_mschap) puts the key the server sends with, the start key
  // with Magic3 (IsSend == IsServer, RFC 3079 3.4), in MS-MPPE-Send-Key and the
  // one it receives with (Magic2) in MS-MPPE-Recv-Key: RFC 2548 2.4.2/2.4.3
  // define both from the NAS's point of view.
  void fixtureMsChapV2MppeKeys() {
    RS_REQUIRE_FIXTURE("peers/radius-mschapv2.pcap");
    const auto frames = radiusFrames("peers/radius-mschapv2.pcap");
    QVERIFY(frames.size() >= 2);
    const auto request = radius::parsePacket(frames[0].packet);
    const auto accept = radius::parsePacket(frames[1].packet);
    QVERIFY(request && accept);
    QCOMPARE(accept->code, radius::code::kAccessAccept);
    const auto response = request->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kChap2Response);
    QVERIFY(response);
    QCOMPARE(response->value.size(), std::size_t{50});  // RFC 2548 2.3.2: ident, flags, peer challenge, reserved, NT-Response
    const ByteView ntResponse = response->value.subspan(26, 24);
    auto hash = crypto::mschapv2::ntPasswordHash("mnpass");
    QVERIFY(hash);
    auto hashHash = crypto::mschapv2::hashNtPasswordHash(*hash);
    QVERIFY(hashHash);
    auto master = crypto::mschapv2::getMasterKey(*hashHash, ntResponse);
    QVERIFY(master);
    auto serverSend = crypto::mschapv2::getAsymmetricStartKey(*master, 16, true, true);
    auto serverRecv = crypto::mschapv2::getAsymmetricStartKey(*master, 16, false, true);
    QVERIFY(serverSend && serverRecv);

    const auto sendVsa = accept->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeSendKey);
    const auto recvVsa = accept->vendorAttribute(radius::kVendorMicrosoft, radius::ms::kMppeRecvKey);
    QVERIFY(sendVsa && recvVsa);
    auto send = rc::decryptMppeKey(sendVsa->value, request->authenticator, asView("hasecret"));
    auto recv = rc::decryptMppeKey(recvVsa->value, request->authenticator, asView("hasecret"));
    QVERIFY(send && recv);
    QCOMPARE(hexOf(send->view()), hexOf(serverSend->view()));
    QCOMPARE(hexOf(recv->view()), hexOf(serverRecv->view()));
    // With the wrong secret the keys are garbage: the length octet does not fit, or the key differs.
    auto wrong = rc::decryptMppeKey(sendVsa->value, request->authenticator, asView("hasecreT"));
    QVERIFY(!wrong || hexOf(wrong->view()) != hexOf(serverSend->view()));
  }
};

QTEST_GUILESS_MAIN(TestCryptoRadius)
#include "tst_crypto_radius.moc"
