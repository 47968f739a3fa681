// SPDX-License-Identifier: GPL-3.0-or-later
// The emulated Mobile IP network against a real FreeRADIUS 3.2 on 127.0.0.1
// (issue #6 acceptance 2): the home agent of the mip-dynamic preset registers
// the mobile through radiusd with the right password, the MS-MPPE keys it
// receives are the x'' the mobile derives from its password (so both install
// the same Skey and Skey'), and a wrong password is refused by radiusd with an
// Access-Reject, the registration denied with code 131 and nothing installed.
// With RFC 3012 challenges the foreign agent's CHAP check of the MN-AAA
// authenticator goes to radiusd too (its stock chap module): accepted before
// the relay with the right password, refused with 67 by the FA with a wrong one.
// radiusd is started by the suite and stopped by its PID. Skips when it is not
// installed.
#include <signal.h>

#include <QtTest>

#include "core/crypto/mip_session_keys.h"
#include "core/protocols/mip/mip_network.h"
#include "core/sim/trace.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/seed001_extensions.h"
#include "core/protocols/wlan/ds_frames.h"
#include "tests/core/protocols/aaa/freeradius_process.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"

using namespace rs;

namespace {

constexpr char kSecret[] = "freeradius-mip-secret";
constexpr char kUser[] = "alice";                    // the NAI alice@roamscope.test of the preset
constexpr char kPassword[] = "alice-Windows-pw1";    // methods.mip.mobiles[0].password of the preset
constexpr std::uint32_t kHome = 0x0a01000a;

struct Outcome {
  std::unique_ptr<mip::MipNetwork> network;
  std::vector<Bytes> frames;
  sim::MemoryTraceSink trace;
  std::string error;
};

}  // namespace

class TestMipFreeRadius : public QObject {
  Q_OBJECT
  std::unique_ptr<test::FreeRadiusProcess> radiusd_;

  // The preset for 10 s (the first registration) with the HA pointed at radiusd; `password` is the mobile's.
  void runAgainstRadiusd(const std::string& password, Outcome& out, bool faChallenge = false) {
    auto scenario = test::mipScenario("mip-dynamic.json", [&](nlohmann::json& j) {
      j["duration_s"] = 10;
      j["methods"]["mip"]["mobiles"][0]["password"] = password;
      j["methods"]["mip"]["fa_challenge"] = faChallenge;
    });
    if (auto* e = std::get_if<std::string>(&scenario)) {
      out.error = *e;
      return;
    }
    mip::MipRunOptions options;
    options.externalAaaServer = radiusd_->address().text();
    options.aaaSecret = kSecret;
    auto created = mip::MipNetwork::create(std::get<sim::Scenario>(scenario), std::nullopt, options);
    if (auto* e = std::get_if<std::string>(&created)) {
      out.error = *e;
      return;
    }
    out.network = std::get<std::unique_ptr<mip::MipNetwork>>(std::move(created));
    test::MemoryFrameSink capture;
    out.network->simulation().setFrameSink(&capture);
    out.network->simulation().addTraceSink(&out.trace);
    out.network->run();
    out.frames = capture.frames;
  }

 private slots:
  void initTestCase() {
    if (!test::FreeRadiusProcess::executable())
      QSKIP("radiusd (Debian package freeradius) is not installed: scripts/install-deps.sh --test installs it");
    radiusd_ = std::make_unique<test::FreeRadiusProcess>(kSecret, std::map<std::string, std::string>{{kUser, kPassword}});
    std::string error;
    QVERIFY2(radiusd_->start(error), error.c_str());
  }
  void cleanupTestCase() {
    if (!radiusd_) return;
    const qint64 pid = radiusd_->pid();
    radiusd_->stop();
    QCOMPARE(::kill(static_cast<pid_t>(pid), 0), -1);  // gone
  }

  void registersWithTheMobilesKeys() {
    Outcome out;
    runAgainstRadiusd(kPassword, out);
    QVERIFY2(out.error.empty(), out.error.c_str());
    const auto& records = out.network->truth().records();
    QCOMPARE(records.size(), std::size_t{1});
    QVERIFY2(records[0].success, records[0].reason.c_str());
    QCOMPARE(records[0].auth, mipreg::Auth::AaaDynamic);
    // The MS-MPPE keys the HA got from radiusd (its key-derivation trace) ...
    Bytes recv, send;
    for (const auto& e : out.trace.events)
      if (e.derivation)
        for (const auto& in : e.derivation->inputs) {
          if (in.label == "MS-MPPE-Recv-Key") recv = in.value.revealCopy();
          if (in.label == "MS-MPPE-Send-Key") send = in.value.revealCopy();
        }
    QCOMPARE(recv.size(), std::size_t{16});
    // ... equal x'' = Recv || Send as the mobile derives it from its password and the NT-Response it sent.
    Bytes ntResponse;
    for (const Bytes& f : out.frames) {
      const auto udp = wlan::parseUdpFrame(f);
      const auto m = udp && udp->to.port == mip::kUdpPort ? mip::parseMessage(udp->payload) : std::nullopt;
      if (!m || !m->isRequest()) continue;
      if (auto v = m->vendorExtension(mip::ext::kCvse, mip::seed001::kVendorId, mip::seed001::vtype::kNtResponse))
        ntResponse = toBytes(v->value);
    }
    QCOMPARE(ntResponse.size(), std::size_t{24});
    const auto x = crypto::mip::mobileNodeXDoublePrime(kPassword, ntResponse);
    QVERIFY(static_cast<bool>(x));
    Bytes expected = recv;
    expected.insert(expected.end(), send.begin(), send.end());
    QCOMPARE(x->revealCopy(), expected);
    // And so both ends installed the same Skey and Skey'.
    const auto& ha = out.network->homeAgents()[0]->securityAssociations();
    const auto& mn = out.network->mobiles()[0]->securityAssociations();
    for (std::uint32_t spi : {0x1000u, 0x1001u}) {
      QVERIFY(ha.find(kHome, spi) && mn.find(kHome, spi));
      QCOMPARE(toBytes(ha.find(kHome, spi)->keyView()), toBytes(mn.find(kHome, spi)->keyView()));
    }
  }

  void wrongPasswordIsDenied131() {
    Outcome out;
    runAgainstRadiusd("not-alice's-password", out);
    QVERIFY2(out.error.empty(), out.error.c_str());
    const auto& records = out.network->truth().records();
    QCOMPARE(records.size(), std::size_t{1});
    QVERIFY(!records[0].success);
    QCOMPARE(records[0].code.value_or(0), std::uint8_t{131});
    QVERIFY2(records[0].reason.find("131") != std::string::npos, records[0].reason.c_str());
    QVERIFY(out.network->homeAgents()[0]->securityAssociations().empty());
    QVERIFY(out.network->mobiles()[0]->securityAssociations().empty());
  }

  void foreignAgentChallengeCheckedByRadiusd() {
    Outcome out;
    runAgainstRadiusd(kPassword, out, true);
    QVERIFY2(out.error.empty(), out.error.c_str());
    const auto& records = out.network->truth().records();
    QCOMPARE(records.size(), std::size_t{1});
    QVERIFY2(records[0].success, records[0].reason.c_str());
    // radiusd answered the FA's CHAP Access-Request before the FA relayed, then the HA's MS-CHAPv2 one.
    QVERIFY(records[0].steps.count(mipreg::Step::FaAccessRequest));
    QVERIFY(records[0].steps.count(mipreg::Step::FaAccessReply));
    QVERIFY(records[0].steps.at(mipreg::Step::FaAccessReply) <= records[0].steps.at(mipreg::Step::RelayedRequest));
    QVERIFY(records[0].steps.count(mipreg::Step::AccessReply));
  }

  void foreignAgentRefusesAWrongPasswordWith67() {
    Outcome out;
    runAgainstRadiusd("not-alice's-password", out, true);
    QVERIFY2(out.error.empty(), out.error.c_str());
    const auto& records = out.network->truth().records();
    QCOMPARE(records.size(), std::size_t{1});
    QCOMPARE(records[0].code.value_or(0), std::uint8_t{67});
    QVERIFY(!records[0].steps.count(mipreg::Step::RelayedRequest));  // the home agent never saw it
    QCOMPARE(out.network->homeAgents()[0]->counters().requests, std::uint64_t{0});
  }
};

QTEST_GUILESS_MAIN(TestMipFreeRadius)
#include "tst_mip_freeradius.moc"
