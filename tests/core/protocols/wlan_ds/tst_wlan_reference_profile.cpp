// SPDX-License-Identifier: GPL-3.0-or-later
// resources/profiles/reference.json, the profile bench_crypto_costs measured,
// loads with the cost-profile loader and has a figure for every cost the WLAN
// system (wlan_costs.h) and the Mobile IP system (mip/mip_costs.h) charge, so a
// run with it never meets an unknown cost.
#include <QtTest>
#include <string>
#include <string_view>

#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "core/sim/cost_profile.h"

using namespace rs;

class TestWlanReferenceProfile : public QObject {
  Q_OBJECT
 private slots:
  void everyWlanCostHasAFigure() {
    const auto loaded = sim::loadCostProfile(std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/profiles/reference.json");
    if (const auto* e = std::get_if<sim::ConfigError>(&loaded)) QFAIL(e->message().c_str());
    const sim::CostProfile& profile = std::get<sim::CostProfile>(loaded);
    QCOMPARE(profile.name, std::string("x86-64 reference (bench_crypto_costs)"));
    QCOMPARE(profile.factor, 1.0);
    namespace c = wlan::cost;
    for (std::string_view name : {c::kPbkdf2, c::kPtkDerivation, c::kFtKeyDerivation, c::kEapolMic, c::kAesKeyWrap,
                                  c::kCcmpFrame, c::kEapTlsServerMessage, c::kEapTlsPeerMessage, c::kRadiusProcessing,
                                  c::kMppeKeyCrypto, c::kMgmtProcessing}) {
      const auto cost = profile.find(name);
      QVERIFY2(cost.has_value(), std::string(name).c_str());
      QVERIFY2(*cost > 0, std::string(name).c_str());
    }
    namespace m = mip::cost;
    for (std::string_view name : {m::kRegistrationProcessing, m::kAuthenticator, m::kMsChapResponse, m::kSessionKeys})
      QVERIFY2(profile.find(name).value_or(0) > 0, std::string(name).c_str());
    QCOMPARE(profile.baseCosts().size(), std::size_t{15});
    // Orders of magnitude any machine keeps: 8192 HMAC-SHA1 blocks above a TLS step above a MIC.
    QVERIFY(profile.cost(c::kPbkdf2) > profile.cost(c::kEapTlsServerMessage));
    QVERIFY(profile.cost(c::kEapTlsServerMessage) > profile.cost(c::kEapolMic));
  }
};

QTEST_GUILESS_MAIN(TestWlanReferenceProfile)
#include "tst_wlan_reference_profile.moc"
