// SPDX-License-Identifier: GPL-3.0-or-later
// The Home Agent's MS-CHAPv2 client against a real FreeRADIUS 3.2 on
// 127.0.0.1 (freeradius_process.h): the right password is accepted with
// MS-CHAP2-Success and MPPE keys equal to the x'' the Mobile Node derives, a
// wrong password and an unknown user are rejected (-> registration code 131),
// a wrong shared secret gets no answer at all, and the emulated Home Agent
// registers through it. The same users answer CHAP-MD5 (the stock chap
// module): right password accepted without keys, wrong one and unknown user
// rejected. Skips when radiusd is not installed.
#include <signal.h>

#include <QtTest>

#include "core/protocols/aaa/external_aaa_transport.h"
#include "core/protocols/aaa/mschap_key_material.h"
#include "core/protocols/aaa/udp_aaa_exchange.h"
#include "tests/core/crypto/hex_helpers.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"
#include "tests/core/protocols/aaa/freeradius_process.h"

using namespace rs;
using rs::test::hexOf;

namespace {

constexpr char kSecondNai[] = "mn2@home.example";
constexpr char kSecondPassword[] = "pässwörd-2";  // non-ASCII: UTF-16LE in NtPasswordHash

aaa::AaaResult exchange(const aaa::UdpAddress& server, const std::string& secret, const aaa::AaaWork& work,
                        aaa::AaaRetryPolicy retry = {}) {
  aaa::MschapAaaClient client(aaa::AaaClientConfig{secret, aaa::NasIdentity{0x7f000001, "ha1"}, retry},
                              aaa::secureRandom);
  std::string error;
  auto socket = aaa::UdpSocket::forPeer(server, error);
  if (!socket) {
    aaa::AaaResult r;
    r.detail = error;
    return r;
  }
  return aaa::runUdpAaaExchanges(client, *socket, server, {work}, 1).front();
}

}  // namespace

class TestAaaFreeRadius : public QObject {
  Q_OBJECT
  std::unique_ptr<test::FreeRadiusProcess> radiusd_;

 private slots:
  void initTestCase() {
    if (!test::FreeRadiusProcess::executable())
      QSKIP("radiusd (Debian package freeradius) is not installed: scripts/install-deps.sh --test installs it");
    radiusd_ = std::make_unique<test::FreeRadiusProcess>(
        test::kAaaSecret, std::map<std::string, std::string>{{test::kMnNai, test::kMnPassword},
                                                             {kSecondNai, kSecondPassword}});
    std::string error;
    QVERIFY2(radiusd_->start(error), error.c_str());
    qInfo("radiusd pid %lld on %s", static_cast<long long>(radiusd_->pid()), radiusd_->address().text().c_str());
  }
  void cleanupTestCase() {
    if (!radiusd_) return;
    const qint64 pid = radiusd_->pid();
    radiusd_->stop();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(static_cast<pid_t>(pid), 0), -1);  // gone
  }

  void rightPasswordIsAcceptedWithTheMobilesKeys_data() {
    QTest::addColumn<QString>("nai");
    QTest::addColumn<QString>("password");
    QTest::newRow("ASCII password") << test::kMnNai << test::kMnPassword;
    QTest::newRow("non-ASCII password") << kSecondNai << QString::fromUtf8(kSecondPassword);
  }
  void rightPasswordIsAcceptedWithTheMobilesKeys() {
    QFETCH(QString, nai);
    QFETCH(QString, password);
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const auto response = test::mobileResponse(nai.toStdString(), password.toStdString(), seed);
      const auto result =
          exchange(radiusd_->address(), test::kAaaSecret, aaa::AaaWork{response, password.toStdString()});
      QVERIFY2(result.outcome == aaa::AaaOutcome::Accepted, result.detail.c_str());
      QCOMPARE(result.authenticatorResponseValid, std::optional<bool>(true));
      QCOMPARE(result.keyMaterial.size(), aaa::kKeyMaterialLength);
      const auto mobile = aaa::mobileNodeKeyMaterial(password.toStdString(), response.ntResponse).value();
      QCOMPARE(hexOf(result.keyMaterial.view()), hexOf(mobile.view()));
      if (seed == 1)
        qInfo("FreeRADIUS reply %s Message-Authenticator",
              result.messageAuthenticatorPresent ? "with" : "without (as 3.2.1 does)");
    }
  }

  void wrongPasswordIsRejected() {
    const auto result = exchange(radiusd_->address(), test::kAaaSecret,
                                 aaa::AaaWork{test::mobileResponse(test::kMnNai, "not-the-password", 4), {}});
    QCOMPARE(result.outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(result.msChapErrorCode, std::optional<unsigned>(691));
    QVERIFY(result.keyMaterial.empty());
    QCOMPARE(aaa::registrationDenialCode(result.outcome), std::optional<std::uint8_t>(aaa::registrationCodeForAaaReject()));
    QCOMPARE(aaa::registrationCodeForAaaReject(), std::uint8_t{131});
  }

  void unknownUserIsRejected() {
    const auto result = exchange(radiusd_->address(), test::kAaaSecret,
                                 aaa::AaaWork{test::mobileResponse("ghost@home.example", "x", 5), {}});
    QCOMPARE(result.outcome, aaa::AaaOutcome::Rejected);
  }

  // CHAP-MD5 (RFC 2865 5.3 / 5.40), as a Foreign Agent checks an RFC 3012 MN-AAA authenticator:
  // FreeRADIUS's chap module accepts the right password with a bare Access-Accept (no keys).
  void chapRightPasswordIsAccepted() {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      aaa::AaaWork work;
      work.chap = test::chapResponse(seed == 2 ? kSecondNai : test::kMnNai,
                                     seed == 2 ? kSecondPassword : test::kMnPassword, seed);
      const auto result = exchange(radiusd_->address(), test::kAaaSecret, work);
      QVERIFY2(result.outcome == aaa::AaaOutcome::Accepted, result.detail.c_str());
      QVERIFY(result.keyMaterial.empty());
      QVERIFY(result.detail.empty());
      QCOMPARE(QString::fromStdString(result.userName), QString::fromUtf8(seed == 2 ? kSecondNai : test::kMnNai));
    }
  }

  void chapWrongPasswordIsRejected() {
    aaa::AaaWork wrong;
    wrong.chap = test::chapResponse(test::kMnNai, "not-the-password", 7);
    const auto result = exchange(radiusd_->address(), test::kAaaSecret, wrong);
    QCOMPARE(result.outcome, aaa::AaaOutcome::Rejected);
    QCOMPARE(aaa::registrationDenialCode(result.outcome), std::optional<std::uint8_t>(131));
    aaa::AaaWork ghost;
    ghost.chap = test::chapResponse("ghost@home.example", "x", 8);
    QCOMPARE(exchange(radiusd_->address(), test::kAaaSecret, ghost).outcome, aaa::AaaOutcome::Rejected);
  }

  // The emulated agent's CHAP check through ExternalAaaTransport.
  void emulatedChapThroughFreeRadius() {
    sim::Simulation sim(12);
    const sim::NodeId fa =
        sim.topology().addNode(sim::Node{sim::kNoNode, "fa", sim::NodeRole::ForeignAgent, {}, {}, {}, {}});
    aaa::ExternalAaaTransport transport(sim, fa, radiusd_->address(),
                                        aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "fa"}, {}});
    std::vector<aaa::AaaResult> results(2);
    int delivered = 0;
    transport.submitChapAccessRequest(test::chapResponse(test::kMnNai, test::kMnPassword, 31),
                                      [&](const aaa::AaaResult& r) { results[0] = r, ++delivered; });
    transport.submitChapAccessRequest(test::chapResponse(test::kMnNai, "wrong", 32),
                                      [&](const aaa::AaaResult& r) { results[1] = r, ++delivered; });
    while (sim.scheduler().step()) {
    }
    QCOMPARE(delivered, 2);
    QCOMPARE(results[0].outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(results[1].outcome, aaa::AaaOutcome::Rejected);
  }

  // FreeRADIUS drops a request whose Message-Authenticator does not verify: no answer, never a hang.
  void wrongSecretGetsNoAnswer() {
    const auto result =
        exchange(radiusd_->address(), "not-the-secret",
                 aaa::AaaWork{test::mobileResponse(test::kMnNai, test::kMnPassword, 6), {}}, {sim::milliseconds(200), 1});
    QCOMPARE(result.outcome, aaa::AaaOutcome::NoAnswer);
    QCOMPARE(result.attempts, 2u);
  }

  // The emulated Home Agent registering mobiles through FreeRADIUS.
  void emulatedHomeAgentThroughFreeRadius() {
    sim::Simulation sim(11);
    const sim::NodeId ha =
        sim.topology().addNode(sim::Node{sim::kNoNode, "ha", sim::NodeRole::HomeAgent, {}, {}, {}, {}});
    aaa::ExternalAaaTransport transport(sim, ha, radiusd_->address(),
                                        aaa::AaaClientConfig{test::kAaaSecret, {0x7f000001, "ha"}, {}});
    // Each result arrives after the real time its exchange took, so they may come in either order.
    std::vector<aaa::AaaResult> results(2);
    int delivered = 0;
    const auto good = test::mobileResponse(test::kMnNai, test::kMnPassword, 21);
    transport.submitAccessRequest(good, [&](const aaa::AaaResult& r) { results[0] = r, ++delivered; });
    transport.submitAccessRequest(test::mobileResponse(test::kMnNai, "wrong", 22),
                                  [&](const aaa::AaaResult& r) { results[1] = r, ++delivered; });
    while (sim.scheduler().step()) {
    }
    QCOMPARE(delivered, 2);
    QCOMPARE(results[0].outcome, aaa::AaaOutcome::Accepted);
    QCOMPARE(hexOf(results[0].keyMaterial.view()),
             hexOf(aaa::mobileNodeKeyMaterial(test::kMnPassword, good.ntResponse).value().view()));
    QCOMPARE(results[1].outcome, aaa::AaaOutcome::Rejected);
  }
};

QTEST_GUILESS_MAIN(TestAaaFreeRadius)
#include "tst_aaa_freeradius.moc"
