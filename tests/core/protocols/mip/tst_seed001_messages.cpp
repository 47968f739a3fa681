// SPDX-License-Identifier: GPL-3.0-or-later
// The seed-001 messages end to end: the MN builds its initial request, the HA
// checks it, an AAA server computes the MPPE keys from its own password store,
// the HA derives Skey/Skey' and verifies the request's MHAE, the MN verifies
// the HA's reply; altered requests and a wrong password are caught.
#include <QTest>

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/protocols/mip/seed001_messages.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/ntp_time.h"

using namespace rs;
namespace s1 = rs::mip::seed001;
namespace keys = rs::crypto::mip;

namespace {

const s1::KeyExtension kSkeyExt{0x2001, s1::algorithm::kHmacMd5, s1::replay::kTimestamps, 7};
const s1::KeyExtension kSkeyPrimeExt{0x2002, s1::algorithm::kHmacMd5, s1::replay::kTimestamps, 7};
const Bytes kChallenge(16, 0x3c);

mip::RequestHeader header() {
  return {mip::flag::kDecapsulationByMn, 600, 0x0a010005, 0x0a010001, 0xc0000205, mip::unixToNtp(1796385600, 0)};
}

s1::InitialRequest initialRequest(const std::string& domain = "EXAMPLE") {
  auto r = s1::buildInitialRequest(header(), {"alice@example.com", domain, "Pa55 wörd"}, kChallenge, kSkeyExt,
                                   kSkeyPrimeExt);
  if (!r) qFatal("%s", r.error().describe().c_str());
  return std::move(*r);
}

// The AAA server's answer for `password`, then the HA's keys.
crypto::Result<s1::HomeAgentKeys> haKeys(ByteView request, std::string_view password) {
  auto check = s1::checkInitialRequest(request);
  if (!check) return check.error();
  auto mppe = keys::aaaMppeKeys(*keys::xPrime(password), check->chap.ntResponse);
  if (!mppe) return mppe.error();
  return s1::homeAgentKeys(request, mppe->recvKey, mppe->sendKey);
}

}  // namespace

class TestSeed001Messages : public QObject {
  Q_OBJECT

 private slots:
  void homeAgentAndMobileNodeAgree() {
    const auto mn = initialRequest();
    const auto check = s1::checkInitialRequest(mn.message);
    QVERIFY2(check.ok(), check.ok() ? "" : check.error().describe().c_str());
    QVERIFY(check->peerChallengeValid);
    QCOMPARE(check->chap.userName, std::string("alice"));
    QCOMPARE(check->chap.domain, std::string("EXAMPLE"));
    QVERIFY(check->skey == kSkeyExt);
    QVERIFY(check->skeyPrime == kSkeyPrimeExt);
    QCOMPARE(toHex(check->chap.ntResponse), toHex(mn.ntResponse));

    const auto ha = haKeys(mn.message, "Pa55 wörd");
    QVERIFY(ha.ok());
    QVERIFY(ha->mhaeValid);
    QVERIFY(ha->keys.skey == mn.skey);
    QVERIFY(ha->keys.skeyPrime == mn.skeyPrime);

    // The HA's reply verifies at the MN with the MN's own Skey.
    mip::ReplyHeader rep{0, 600, 0x0a010005, 0x0a010001, header().identification};
    const auto reply = s1::buildInitialReply(rep, "alice@example.com", kSkeyExt, kSkeyPrimeExt, "", ha->keys.skey);
    QVERIFY(reply.ok());
    const auto ok = keys::verifyLastAuthenticationExtension(*reply, mip::ext::kMobileHomeAuth,
                                                            keys::AuthAlgorithm::HmacMd5, mn.skey);
    QVERIFY(ok.ok() && *ok);
    QVERIFY(mip::parseMessage(*reply)->vendorExtension(mip::ext::kCvse, s1::kVendorId, s1::vtype::kSkey));
  }

  void withoutDomainNameExtension() {
    const auto mn = initialRequest("");
    QVERIFY(!mip::parseMessage(mn.message)->vendorExtension(mip::ext::kCvse, s1::kVendorId, s1::vtype::kDomainName));
    const auto ha = haKeys(mn.message, "Pa55 wörd");
    QVERIFY(ha.ok() && ha->mhaeValid && ha->keys.skey == mn.skey);
  }

  void wrongPasswordAtTheAaaServerGivesOtherKeys() {
    const auto mn = initialRequest();
    const auto ha = haKeys(mn.message, "Pa55 word");
    QVERIFY(ha.ok());
    QVERIFY(!ha->mhaeValid);
    QVERIFY(!(ha->keys.skey == mn.skey));
  }

  void alteredRequestIsCaught() {
    auto mn = initialRequest();
    mn.message[12] ^= 0x01;  // the care-of address
    const auto check = s1::checkInitialRequest(mn.message);
    QVERIFY(check.ok());
    QVERIFY(!check->peerChallengeValid);
    const auto ha = haKeys(mn.message, "Pa55 wörd");
    QVERIFY(ha.ok());
    QVERIFY(!ha->mhaeValid);
  }

  void incompleteRequestsAreMalformed() {
    const auto plain = s1::buildAuthenticatedRequest(header(), "alice@example.com", 0x2002, Bytes(16, 1));
    QVERIFY(plain.ok());
    QCOMPARE(s1::checkInitialRequest(*plain).code(), crypto::ErrorCode::Malformed);
    QCOMPARE(s1::checkInitialRequest(Bytes{1, 2, 3}).code(), crypto::ErrorCode::Malformed);
    QCOMPARE(s1::buildInitialRequest(header(), {"a@b", "", "p"}, Bytes(15, 0), kSkeyExt, kSkeyPrimeExt).code(),
             crypto::ErrorCode::InvalidArgument);
  }
};

QTEST_GUILESS_MAIN(TestSeed001Messages)
#include "tst_seed001_messages.moc"
