// SPDX-License-Identifier: GPL-3.0-or-later
// MS-CHAPv2 (RFC 2759 §9.2) and MPPE key derivation (RFC 3079 §3.5) known answers.
#include <QTest>

#include "core/crypto/mschapv2.h"
#include "tests/core/crypto/hex_helpers.h"

using namespace rs;
using namespace rs::crypto;
using namespace rs::crypto::mschapv2;
using rs::test::hx;

namespace {
// RFC 2759 §9.2 sample data (also the input of RFC 3079 §3.5).
constexpr std::string_view kUserName = "User";
constexpr std::string_view kPassword = "clientPass";
constexpr std::string_view kAuthenticatorChallenge = "5b5d7c7d7b3f2f3e3c2c602132262628";
constexpr std::string_view kPeerChallenge = "21402324255e262a28295f2b3a337c7e";
constexpr std::string_view kNtResponse = "82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df";
}  // namespace

class CryptoMschapv2Test : public QObject {
  Q_OBJECT

 private slots:
  void rfc2759Section9_2() {
    auto challenge = challengeHash(hx(kPeerChallenge), hx(kAuthenticatorChallenge), kUserName);
    QVERIFY2(challenge.ok(), challenge.error().describe().c_str());
    RS_COMPARE_HEX(*challenge, "d02e4386bce91226");

    auto hash = ntPasswordHash(kPassword);
    QVERIFY2(hash.ok(), hash.error().describe().c_str());
    RS_COMPARE_HEX(*hash, "44ebba8d5312b8d611474411f56989ae");

    auto response = generateNtResponse(hx(kAuthenticatorChallenge), hx(kPeerChallenge), kUserName, kPassword);
    QVERIFY2(response.ok(), response.error().describe().c_str());
    RS_COMPARE_HEX(*response, kNtResponse);

    auto hashHash = hashNtPasswordHash(*hash);
    QVERIFY(hashHash.ok());
    RS_COMPARE_HEX(*hashHash, "41c00c584bd2d91c4017a2a12fa59f3f");

    auto authResponse = generateAuthenticatorResponse(kPassword, hx(kNtResponse), hx(kPeerChallenge),
                                                      hx(kAuthenticatorChallenge), kUserName);
    QVERIFY2(authResponse.ok(), authResponse.error().describe().c_str());
    QCOMPARE(QString::fromStdString(*authResponse), QString("S=407A5589115FD0D6209F510FE9C04566932CDA56"));
  }

  void rfc2759CheckAuthenticatorResponse() {
    const auto check = [](std::string_view password, std::string_view user, std::string_view received) {
      auto ok = checkAuthenticatorResponse(password, hx(kNtResponse), hx(kPeerChallenge), hx(kAuthenticatorChallenge),
                                           user, received);
      return ok.ok() && *ok;
    };
    QVERIFY(check(kPassword, kUserName, "S=407A5589115FD0D6209F510FE9C04566932CDA56"));
    QVERIFY(check(kPassword, kUserName, "S=407a5589115fd0d6209f510fe9c04566932cda56"));
    QVERIFY(!check(kPassword, kUserName, "S=407A5589115FD0D6209F510FE9C04566932CDA57"));
    QVERIFY(!check("clientPasS", kUserName, "S=407A5589115FD0D6209F510FE9C04566932CDA56"));
    QVERIFY(!check(kPassword, "user", "S=407A5589115FD0D6209F510FE9C04566932CDA56"));
    QVERIFY(!check(kPassword, kUserName, "S=407A"));
  }

  void rfc2759UserNameWithoutDomain() {
    QCOMPARE(QString::fromStdString(std::string(userNameForChallenge("EXAMPLE\\User"))), QString("User"));
    QCOMPARE(QString::fromStdString(std::string(userNameForChallenge("User"))), QString("User"));
  }

  void rfc3079Section3_5Keys() {
    auto hash = ntPasswordHash(kPassword);
    QVERIFY(hash.ok());
    auto hashHash = hashNtPasswordHash(*hash);
    QVERIFY(hashHash.ok());
    auto master = getMasterKey(*hashHash, hx(kNtResponse));
    QVERIFY2(master.ok(), master.error().describe().c_str());
    RS_COMPARE_HEX(*master, "fdece3717a8c838cb388e527ae3cdd31");

    // RFC 3079 3.5.3 (128-bit): SendStartKey128 is the server's send key (IsSend = IsServer = TRUE).
    auto serverSend = getAsymmetricStartKey(*master, 16, true, true);
    QVERIFY(serverSend.ok());
    RS_COMPARE_HEX(*serverSend, "8b7cdc149b993a1ba118cb153f56dccb");
    auto clientReceive = getAsymmetricStartKey(*master, 16, false, false);
    QVERIFY(clientReceive.ok() && *clientReceive == *serverSend);
    auto clientSend = getAsymmetricStartKey(*master, 16, true, false);
    QVERIFY(clientSend.ok());
    RS_COMPARE_HEX(*clientSend, "d5f0e9521e3ea9589645e86051c82226");  // = server receive key (Magic2)
    auto session = getNewKeyFromSha(*serverSend, *serverSend, 16);
    QVERIFY(session.ok());
    RS_COMPARE_HEX(*session, "405cb2247a7956e6e211007ae27b22d4");  // SendSessionKey128

    // RFC 3079 3.5.1 (40-bit): 8-octet start key, new key, then reduced to 40 bits.
    auto start40 = getAsymmetricStartKey(*master, 8, true, true);
    QVERIFY(start40.ok());
    RS_COMPARE_HEX(*start40, "8b7cdc149b993a1b");
    auto session64 = getNewKeyFromSha(*start40, *start40, 8);
    QVERIFY(session64.ok());
    RS_COMPARE_HEX(*session64, "965c00c49fa62e3e");
    RS_COMPARE_HEX(reduceSessionKeyTo40Bits(*session64), "d1269ec49fa62e3e");
    RS_COMPARE_HEX(reduceSessionKeyTo56Bits(*session64), "d15c00c49fa62e3e");
  }

  void badInputIsReported() {
    QCOMPARE(ntPasswordHash("\xff\xfe").code(), ErrorCode::InvalidArgument);
    QCOMPARE(ntPasswordHash("\xc3").code(), ErrorCode::InvalidArgument);
    QCOMPARE(ntPasswordHash(std::string(257, 'x')).code(), ErrorCode::InvalidArgument);
    QVERIFY(ntPasswordHash("p\xc3\xa4ssw\xc3\xb6rd \xf0\x9f\x94\x91").ok());
    QCOMPARE(challengeHash(hx("00"), hx(kAuthenticatorChallenge), kUserName).code(), ErrorCode::InvalidArgument);
    QCOMPARE(challengeResponse(hx("0001020304050607"), hx("00")).code(), ErrorCode::InvalidArgument);
    QCOMPARE(getAsymmetricStartKey(Bytes(16, 0), 12, true, true).code(), ErrorCode::InvalidArgument);
    QCOMPARE(getMasterKey(Bytes(16, 0), Bytes(23, 0)).code(), ErrorCode::InvalidArgument);
  }
};

QTEST_GUILESS_MAIN(CryptoMschapv2Test)
#include "tst_crypto_mschapv2.moc"
