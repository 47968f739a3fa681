// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3012 foreign-agent challenges (issue #6): the challenge book's verdicts,
// the MN-AAA authenticator (CHAP_SPI) against a vector computed independently
// (Python's hashlib on the bytes written out below), the Challenge extension
// of agent advertisements, and the preset mip-fa-challenge end to end: every
// admitted request was checked by the AAA server before the home agent saw
// it, each fault gets its code (104 unknown, 105 missing, 106 stale) and a
// new challenge with which the mobile succeeds, a replayed copy is refused by
// the FA (106) without reaching the home agent, and a wrong password is
// refused with 67.
#include <QtTest>

#include "core/protocols/mip/challenge_book.h"
#include "core/protocols/mip/foreign_agent.h"
#include "core/protocols/mip/home_agent.h"
#include "core/protocols/mip/mip_network.h"
#include "core/protocols/mip/mn_aaa_authentication.h"
#include "core/protocols/mip/mobile_node.h"
#include "dissectors/mip/agent_advertisement.h"
#include "dissectors/mip/mip_build.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"
#include "tests/support/test_bytes.h"

using namespace rs;
using rs::test::hexBytes;
using mipreg::Step;
using mipreg::Trigger;

namespace {

constexpr std::uint32_t kAlice = 0x0a01000a;  // 10.1.0.10
constexpr std::uint32_t kBob = 0x0a01000b;    // 10.1.0.11

// The request of the vector: lifetime 30, HoA 10.1.0.10, HA 10.1.0.1, CoA 10.2.0.1, identification
// 0102030405060708, NAI alice@roamscope.test, an MHAE with SPI 256 (its authenticator left zero: it is not
// what this vector checks).
const char* kRequestHex =
    "0100001e0a01000a0a0100010a0200010102030405060708"
    "8314616c69636540726f616d73636f70652e74657374"
    "20140000010000000000000000000000000000000000";
const char* kChallengeHex = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
// hashlib: inner = md5(request || 84 10 challenge || 24 01 0014 00000002);
// CHAP-Challenge = inner || challenge; authenticator = md5(a1 || "alice-Windows-pw1" || CHAP-Challenge).
const char* kChapChallengeHex = "d5e256fea6ccd5372e4787691b815218a1b2c3d4e5f60718293a4b5c6d7e8f90";
const char* kAuthenticatorHex = "dc1331f15cd3e1f24acaad65e06a2ce3";

mip::MessageBuilder vectorRequest() {
  mip::RequestHeader h;
  h.lifetime = 30;
  h.homeAddress = kAlice;
  h.homeAgent = 0x0a010001;
  h.careOfAddress = 0x0a020001;
  h.identification = 0x0102030405060708;
  mip::MessageBuilder b(h);
  b.addNai("alice@roamscope.test").addAuthentication(mip::ext::kMobileHomeAuth, 256);
  return b;
}

std::string codes(const std::vector<mipreg::RegistrationRecord>& records, std::uint32_t home) {
  std::string s;
  for (const auto& r : records)
    if (r.homeAddress == home)
      s += (r.trigger == Trigger::Replayed ? "replay:" : "") + std::to_string(r.code.value_or(255)) + " ";
  return s;
}

}  // namespace

class TestMipFaChallenge : public QObject {
  Q_OBJECT

 private slots:
  void challengeBookVerdicts() {
    mip::ChallengeBook book(2, 16, sim::Random(7));
    const Bytes a = book.issue();
    const Bytes b = book.issue();
    QCOMPARE(a.size(), std::size_t{16});
    QVERIFY(a != b);
    QCOMPARE(book.check(a), mip::ChallengeBook::Verdict::Fresh);  // the two latest are in the window
    QCOMPARE(book.check(b), mip::ChallengeBook::Verdict::Fresh);
    const Bytes c = book.issue();
    QCOMPARE(book.check(a), mip::ChallengeBook::Verdict::Stale);  // left the window
    QCOMPARE(book.check(hexBytes("00112233")), mip::ChallengeBook::Verdict::Unknown);
    book.use(c);
    QCOMPARE(book.check(c), mip::ChallengeBook::Verdict::Stale);  // each registration needs its own
    QCOMPARE(book.check(b), mip::ChallengeBook::Verdict::Fresh);
  }

  void mnAaaAuthenticatorMatchesTheIndependentVector() {
    const auto request = vectorRequest().build();
    QVERIFY(request);
    QCOMPARE(*request, hexBytes(kRequestHex));
    const auto signed_ = mip::appendMnAaaAuthentication(*request, hexBytes(kChallengeHex), "alice-Windows-pw1");
    QVERIFY2(signed_, signed_ ? "" : signed_.error().describe().c_str());
    const Bytes tail(signed_->end() - 16, signed_->end());
    QCOMPARE(tail, hexBytes(kAuthenticatorHex));
    // What the FA reads back and would hand its AAA server.
    const auto parsed = mip::parseMessage(*signed_);
    QVERIFY(parsed && !parsed->malformedAt);
    const auto c = mip::mnAaaCredentials(*parsed);
    QCOMPARE(c.mnFaChallenge, hexBytes(kChallengeHex));
    QCOMPARE(c.spi.value_or(0), mip::kChapSpi);
    QVERIFY(c.chap);
    QCOMPARE(c.chap->ident, std::uint8_t{0xa1});
    QCOMPARE(c.chap->challenge, hexBytes(kChapChallengeHex));
    QCOMPARE(c.authenticator, hexBytes(kAuthenticatorHex));
  }

  void mnAaaExtensionBeforeTheChallengeDoesNotCount() {
    auto b = vectorRequest();
    b.addGeneralizedAuthentication(mip::kGeneralizedAuthMnAaa, mip::kChapSpi, Bytes(16, 1));
    b.addMnFaChallenge(hexBytes(kChallengeHex));
    const auto request = b.build();
    QVERIFY(request);
    const auto c = mip::mnAaaCredentials(*mip::parseMessage(*request));
    QCOMPARE(c.mnFaChallenge, hexBytes(kChallengeHex));
    QVERIFY(!c.spi);
    QVERIFY(!c.chap);
    // Nothing to answer with: refused rather than signed over nothing.
    QVERIFY(!mip::appendMnAaaAuthentication(*request, {}, "pw"));
    QVERIFY(!mip::appendMnAaaAuthentication(Bytes{1, 2, 3}, hexBytes(kChallengeHex), "pw"));
  }

  void advertisementsCarryTheChallenge() {
    const Bytes challenge = hexBytes(kChallengeHex);
    mip::MobilityAgentAdvertisement m;
    m.flags = mip::adv_flag::kForeignAgent;
    m.careOfAddresses = {0x0a020001};
    Bytes extensions = mip::buildMobilityAgentExtension(m);
    const auto ext = mip::buildChallengeExtension(challenge);
    QVERIFY(ext);
    QCOMPARE((*ext)[0], mip::adv_ext::kChallenge);
    extensions.insert(extensions.end(), ext->begin(), ext->end());
    const auto adv = mip::parseAgentAdvertisement(mip::buildAgentAdvertisement(0, 3, {{0x0a020001, 0}}, extensions));
    QVERIFY(adv);
    QCOMPARE(adv->challenge, challenge);
    QVERIFY(!mip::buildChallengeExtension({}));
    QVERIFY(!mip::buildChallengeExtension(Bytes(256, 0)));
  }

  void presetRefusesEveryBadChallengeAndRecovers() {
    auto run = test::makeMipRun("mip-fa-challenge.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& records = run.network->truth().records();
    // alice: the unknown challenge (104), the attacker's copy (106), the reused challenge (106) and the missing
    // one (105) are each followed by the same request with the FA's new challenge, accepted.
    const std::string alice = codes(records, kAlice);
    QVERIFY2(alice.find("104 0 ") != std::string::npos, alice.c_str());
    QVERIFY2(alice.find("replay:106 ") != std::string::npos, alice.c_str());
    QVERIFY2(alice.find("106 0 ") != std::string::npos, alice.c_str());
    QVERIFY2(alice.find("105 0 ") != std::string::npos, alice.c_str());
    // bob's password is not the AAA server's: 67 from the FA; his home agent never heard of him.
    QCOMPARE(codes(records, kBob), std::string("67 "));
    for (const auto& r : records) {
      if (!r.foreignAgent || !r.code) continue;
      if (*r.code <= 1) {
        // Admitted only after the AAA server accepted the MN-AAA authenticator; the hops still add up.
        QVERIFY(r.steps.count(Step::FaAccessRequest) && r.steps.count(Step::FaAccessReply));
        QVERIFY(r.latencyNs.count(mipreg::Figure::FaAaaRoundTrip));
        std::int64_t sum = 0;
        for (auto f : {mipreg::Figure::MnToFa, mipreg::Figure::FaAaaRoundTrip, mipreg::Figure::FaToHa,
                       mipreg::Figure::AaaRoundTrip, mipreg::Figure::HomeAgentKeys, mipreg::Figure::HaToMn})
          if (r.latencyNs.count(f)) sum += r.latencyNs.at(f);
        QCOMPARE(sum, r.latencyNs.at(mipreg::Figure::Registration));
      } else if (*r.code >= 104 && *r.code <= 106) {
        // Refused before any AAA or HA involvement.
        QVERIFY(!r.steps.count(Step::FaAccessRequest));
        QVERIFY(!r.steps.count(Step::RelayedRequest));
        QVERIFY(r.steps.count(Step::RelayedReply));
      }
    }
    std::size_t denials = 0;
    for (const auto& fa : run.network->foreignAgents()) denials += fa->denials();
    QCOMPARE(denials, std::size_t{5});  // 104, 106 (the copy), 106, 105 for alice; 67 for bob
    for (const auto& ha : run.network->homeAgents()) QCOMPARE(ha->counters().denied, std::uint64_t{0});
    // The seed-001 keys still agree at both ends.
    const auto& mn = *run.network->mobiles().front();
    QVERIFY(mn.counters().registrations >= 6);
  }

  void withoutChallengesNothingChanges() {
    auto run = test::makeMipRun("mip-fa-challenge.json", [](nlohmann::json& j) {
      j["methods"]["mip"]["fa_challenge"] = false;
      j["methods"]["mip"]["faults"] = nlohmann::json::array();
    });
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    for (const auto& r : run.network->truth().records()) QVERIFY(!r.steps.count(Step::FaAccessRequest));
    // bob's wrong password now reaches the home agent's AAA exchange: 131 (RFC 3344), not the FA's 67.
    QCOMPARE(codes(run.network->truth().records(), kBob), std::string("131 "));
  }

  void badChallengeSettingsAreNamed() {
    auto scenario = test::mipScenario("mip-fa-challenge.json",
                                      [](nlohmann::json& j) { j["methods"]["mip"]["challenge_window"] = 0; });
    QVERIFY(std::holds_alternative<sim::Scenario>(scenario));
    const auto settings = mip::readMipSettings(std::get<sim::Scenario>(scenario));
    QVERIFY(std::holds_alternative<sim::ConfigError>(settings));
    QCOMPARE(std::get<sim::ConfigError>(settings).pointer, std::string("/methods/mip/challenge_window"));
    auto fault = test::mipScenario("mip-fa-challenge.json", [](nlohmann::json& j) {
      j["methods"]["mip"]["faults"] = {{{"at_s", 1}, {"kind", "stale-challenge"}, {"node", "ha1"}}};
    });
    const auto faultSettings = mip::readMipSettings(std::get<sim::Scenario>(fault));
    QVERIFY(std::holds_alternative<sim::ConfigError>(faultSettings));
  }
};

QTEST_GUILESS_MAIN(TestMipFaChallenge)
#include "tst_mip_fa_challenge.moc"
