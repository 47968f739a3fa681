// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-001 key derivations (docs/protocols/seed-001.md 4) and the Mobile IP
// authenticator (RFC 3344 3.5.1). Inputs are the RFC 2759 9.2 sample (user
// "User", password "clientPass", both challenges, NT-Response), so x' and x''
// are the RFC 2759 / RFC 3079 3.5.3 published values; Skey, Skey' and the
// authenticators were computed independently with Python's hmac/hashlib and
// `openssl dgst -md5 -mac HMAC` (the commands are in the document). The MN
// side and the AAA/HA side are computed from their own inputs and must agree.
#include <QTest>

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/crypto/mschapv2.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/mip_build.h"
#include "tests/core/crypto/hex_helpers.h"

using namespace rs;
using rs::crypto::ErrorCode;
namespace mschapv2 = rs::crypto::mschapv2;
namespace keys = rs::crypto::mip;
namespace wire = rs::mip;
using rs::test::hx;

namespace {
constexpr std::string_view kPassword = "clientPass";
constexpr std::string_view kAuthenticatorChallenge = "5b5d7c7d7b3f2f3e3c2c602132262628";
constexpr std::string_view kPeerChallenge = "21402324255e262a28295f2b3a337c7e";
constexpr std::string_view kNtResponse = "82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df";
// RFC 3079 3.5.3: the server's receive key (Magic2) then its send key (Magic3).
constexpr std::string_view kXDoublePrime = "d5f0e9521e3ea9589645e86051c82226 8b7cdc149b993a1ba118cb153f56dccb";
constexpr std::string_view kSkey = "60bf16f1c6a9176214333c01e2d39e26";
constexpr std::uint64_t kIdentification = 0xeb0b123480000000ull;  // 2024-12-16 20:55:16.5 UTC
constexpr std::string_view kSkeyPrime = "79cbf9c70b58a9653b55366df32bac6c";

// Registration Reply (code 0, lifetime 1800, HoA 10.1.0.5, HA 10.1.0.1, the
// identification above) with an MHAE of SPI 0x1001.
Bytes sampleReply() {
  wire::MessageBuilder b(wire::ReplyHeader{0, 1800, 0x0a010005, 0x0a010001, kIdentification});
  b.addAuthentication(wire::ext::kMobileHomeAuth, 0x1001);
  return *b.build();
}
}  // namespace

class CryptoMipTest : public QObject {
  Q_OBJECT

 private slots:
  void xPrimeIsRfc2759NtPasswordHash() {
    auto x = keys::xPrime(kPassword);
    QVERIFY(x.ok());
    RS_COMPARE_HEX(*x, "44ebba8d5312b8d611474411f56989ae");  // RFC 2759 9.2
  }

  void xDoublePrimeAtTheAaaServerIsRfc3079Keys() {
    auto x = keys::xPrime(kPassword);
    QVERIFY(x.ok());
    auto mppe = keys::aaaMppeKeys(*x, hx(kNtResponse));
    QVERIFY2(mppe.ok(), mppe.error().describe().c_str());
    RS_COMPARE_HEX(mppe->sendKey, "8b7cdc149b993a1ba118cb153f56dccb");  // RFC 3079 3.5.3 SendStartKey128
    RS_COMPARE_HEX(mppe->recvKey, "d5f0e9521e3ea9589645e86051c82226");
    auto xpp = keys::aaaXDoublePrime(*x, hx(kNtResponse));
    QVERIFY(xpp.ok());
    RS_COMPARE_HEX(*xpp, kXDoublePrime);
    auto fromAccept = keys::xDoublePrimeFromMppeKeys(mppe->recvKey, mppe->sendKey);
    QVERIFY(fromAccept.ok());
    RS_COMPARE_HEX(*fromAccept, kXDoublePrime);
  }

  void mobileNodeDerivesTheSameXDoublePrime() {
    auto xpp = keys::mobileNodeXDoublePrime(kPassword, hx(kNtResponse));
    QVERIFY2(xpp.ok(), xpp.error().describe().c_str());
    RS_COMPARE_HEX(*xpp, kXDoublePrime);
    auto wrong = keys::mobileNodeXDoublePrime("clientpass", hx(kNtResponse));
    QVERIFY(wrong.ok());
    QVERIFY(toHex(*wrong) != toHex(hx(kXDoublePrime)));
  }

  void skeyAndSkeyPrimeKnownAnswers() {
    auto skey = keys::sessionKey(hx(kXDoublePrime), hx(kAuthenticatorChallenge), hx(kPeerChallenge), hx(kNtResponse));
    QVERIFY2(skey.ok(), skey.error().describe().c_str());
    RS_COMPARE_HEX(*skey, kSkey);
    auto skeyPrime = keys::derivedSessionKey(*skey, kIdentification);
    QVERIFY(skeyPrime.ok());
    RS_COMPARE_HEX(*skeyPrime, kSkeyPrime);
    // Every input matters.
    auto other = keys::derivedSessionKey(*skey, kIdentification + 1);
    QVERIFY(other.ok() && toHex(*other) != toHex(*skeyPrime));
    Bytes peer = hx(kPeerChallenge);
    peer[0] ^= 1;
    auto otherSkey = keys::sessionKey(hx(kXDoublePrime), hx(kAuthenticatorChallenge), peer, hx(kNtResponse));
    QVERIFY(otherSkey.ok() && toHex(*otherSkey) != kSkey);
  }

  // Both ends from their own inputs: the MN from its password and what it sent,
  // the HA from the AAA server's Access-Accept keys and the request's fields.
  void mobileNodeAndHomeAgentAgree() {
    for (std::string_view password : {kPassword, std::string_view("pässwörd with spaces"), std::string_view("x")}) {
      const Bytes auth = hx(kAuthenticatorChallenge), peer = hx(kPeerChallenge);
      auto nt = mschapv2::generateNtResponse(auth, peer, "User", password);
      QVERIFY(nt.ok());
      auto mnXpp = keys::mobileNodeXDoublePrime(password, *nt);
      auto mnSkey = keys::sessionKey(*mnXpp, auth, peer, *nt);
      auto mnSkeyPrime = keys::derivedSessionKey(*mnSkey, kIdentification);
      QVERIFY(mnXpp.ok() && mnSkey.ok() && mnSkeyPrime.ok());

      auto aaa = keys::aaaMppeKeys(*keys::xPrime(password), *nt);
      QVERIFY(aaa.ok());
      auto haXpp = keys::xDoublePrimeFromMppeKeys(aaa->recvKey, aaa->sendKey);
      auto haSkey = keys::sessionKey(*haXpp, auth, peer, *nt);
      auto haSkeyPrime = keys::derivedSessionKey(*haSkey, kIdentification);
      QVERIFY(haXpp.ok() && haSkey.ok() && haSkeyPrime.ok());
      QVERIFY(*haSkey == *mnSkey);
      QVERIFY(*haSkeyPrime == *mnSkeyPrime);
    }
  }

  void badLengthsAreRejected() {
    QCOMPARE(keys::aaaMppeKeys(Bytes(15, 0), hx(kNtResponse)).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::aaaMppeKeys(Bytes(16, 0), Bytes(23, 0)).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::xDoublePrimeFromMppeKeys(Bytes(16, 0), Bytes(32, 0)).code(), ErrorCode::InvalidArgument);
    QCOMPARE(keys::sessionKey(Bytes(16, 0), hx(kAuthenticatorChallenge), hx(kPeerChallenge), hx(kNtResponse)).code(),
             ErrorCode::InvalidArgument);
    QCOMPARE(keys::derivedSessionKey(Bytes(32, 0), 1).code(), ErrorCode::InvalidArgument);
  }

  // RFC 3344 3.5.1: HMAC-MD5 over the reply and the MHAE's type, length and SPI.
  void mhaeAuthenticatorKnownAnswer() {
    Bytes reply = sampleReply();
    QCOMPARE(QString::fromStdString(toHex(ByteView(reply).first(26))),
             QString("030007080a0100050a010001eb0b123480000000201400001001"));
    auto hmacMd5 = keys::authenticator(keys::AuthAlgorithm::HmacMd5, hx(kSkey), reply, 20);
    QVERIFY(hmacMd5.ok());
    RS_COMPARE_HEX(*hmacMd5, "101f4a2584bdeb15b1cc7559b0bf6d93");
    auto prefixSuffix = keys::authenticator(keys::AuthAlgorithm::KeyedMd5PrefixSuffix, hx(kSkey), reply, 20);
    QVERIFY(prefixSuffix.ok());
    RS_COMPARE_HEX(*prefixSuffix, "313beb139d5a94c93380ed6c9a3caaf8");

    auto signedOk = keys::signLastAuthenticationExtension(reply, wire::ext::kMobileHomeAuth,
                                                         keys::AuthAlgorithm::HmacMd5, hx(kSkey));
    QVERIFY(signedOk.ok());
    RS_COMPARE_HEX(ByteView(reply).last(16), "101f4a2584bdeb15b1cc7559b0bf6d93");
    auto verified = keys::verifyLastAuthenticationExtension(reply, wire::ext::kMobileHomeAuth,
                                                           keys::AuthAlgorithm::HmacMd5, hx(kSkey));
    QVERIFY(verified.ok() && *verified);
    reply.back() ^= 0x80;  // one flipped bit in the authenticator
    verified = keys::verifyLastAuthenticationExtension(reply, wire::ext::kMobileHomeAuth, keys::AuthAlgorithm::HmacMd5,
                                                      hx(kSkey));
    QVERIFY(verified.ok() && !*verified);
    QCOMPARE(keys::authenticator(keys::AuthAlgorithm::HmacMd5, hx(kSkey), reply, 21).code(), ErrorCode::Malformed);
    QCOMPARE(keys::verifyLastAuthenticationExtension(reply, wire::ext::kForeignHomeAuth, keys::AuthAlgorithm::HmacMd5,
                                                    hx(kSkey)).code(),
             ErrorCode::Malformed);
  }
};

QTEST_GUILESS_MAIN(CryptoMipTest)
#include "tst_crypto_mip.moc"
