// SPDX-License-Identifier: GPL-3.0-or-later
// The Mobile IP system of issue #6 end to end on the emulation core, on the
// presets in resources/scenarios: registrations through a foreign agent and
// with a co-located care-of address, seed-001 keys that the HA and the MN
// derive identically (acceptance 1), re-keying without the AAA server, an
// Access-Reject denied with 131 and nothing installed, replayed and stale
// requests refused with 133, lifetimes that expire from both tables
// (acceptance 3), the static-key baseline, the redundant home agent, the
// same capture for the same seed, and bad scenarios named.
#include <QtTest>

#include "core/protocols/mip/mip_network.h"
#include "dissectors/mip/mip.h"
#include "dissectors/radius/radius.h"
#include "core/protocols/wlan/ds_frames.h"
#include "tests/core/protocols/mip/mip_test_scenarios.h"

using namespace rs;
using mipreg::Auth;
using mipreg::Step;
using mipreg::Trigger;

namespace {

constexpr std::uint32_t kHome = 0x0a01000a;  // mn1's home address, 10.1.0.10

const mip::HomeAgent& homeAgent(const mip::MipNetwork& n, const char* name) {
  for (const auto& ha : n.homeAgents())
    if (n.simulation().topology().node(ha->node()).name == name) return *ha;
  throw std::logic_error("no such home agent");
}

// The key of one row, or empty.
Bytes keyOf(const mip::SaTable& table, std::uint32_t spi) {
  const mip::SecurityAssociation* sa = table.find(kHome, spi);
  return sa ? toBytes(sa->keyView()) : Bytes{};
}

std::string summary(const std::vector<mipreg::RegistrationRecord>& records) {
  std::string s;
  for (const auto& r : records)
    s += std::string(mipreg::triggerName(r.trigger)) + "/" + std::string(mipreg::authName(r.auth)) +
         (r.success ? "/ok " : "/failed(" + r.reason + ") ");
  return s;
}

std::size_t udpFramesOnPort(const std::vector<Bytes>& frames, std::uint16_t port) {
  std::size_t n = 0;
  for (const Bytes& f : frames)
    if (auto udp = wlan::parseUdpFrame(f); udp && (udp->to.port == port || udp->from.port == port)) ++n;
  return n;
}

}  // namespace

class TestMipNetwork : public QObject {
  Q_OBJECT

 private slots:
  void dynamicPresetWalk() {
    auto run = test::makeMipRun("mip-dynamic.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    QCOMPARE(summary(r), std::string("movement/aaa-dynamic/ok re-key/skey-rekey/ok movement/skey-prime/ok "
                                     "re-key/skey-rekey/ok re-key/skey-rekey/ok movement/skey-prime/ok "
                                     "re-key/skey-rekey/ok deregistration/skey-prime/ok "));
    // The first registration through fa1: every hop timed, and the figures add up to the whole.
    const auto& first = r[0];
    QCOMPARE(first.foreignAgent.value_or(0), 0x0a020001u);
    QCOMPARE(first.careOfAddress, 0x0a020001u);
    for (Step s : {Step::Attach, Step::Advertisement, Step::Request, Step::RelayedRequest, Step::AccessRequest,
                   Step::AccessReply, Step::Reply, Step::RelayedReply, Step::ReplyReceived})
      QVERIFY2(first.steps.count(s), std::string(mipreg::stepName(s)).c_str());
    using F = mipreg::Figure;
    const auto& l = first.latencyNs;
    QCOMPARE(l.at(F::Registration), first.steps.at(Step::RelayedReply) - first.steps.at(Step::Request));
    QCOMPARE(l.at(F::MnToFa) + l.at(F::FaToHa) + l.at(F::AaaRoundTrip) + l.at(F::HomeAgentKeys) + l.at(F::HaToMn),
             l.at(F::Registration));
    // Access-Request out on the HA's 1 ms link, through the switch and the AAA server's 2 ms link, and the
    // server's check: its Access-Accept leaves a little over 3 ms later; 3 ms more bring it to the HA.
    QVERIFY(l.at(F::AaaRoundTrip) > sim::milliseconds(3) && l.at(F::AaaRoundTrip) < sim::microseconds(3100));
    QVERIFY(l.at(F::HomeAgentKeys) > sim::milliseconds(3) && l.at(F::HomeAgentKeys) < sim::microseconds(3100));
    // With a co-located care-of address no FA relays: the MN talks to its HA through the subnet's router.
    QVERIFY(!r[2].foreignAgent);
    QCOMPARE(r[2].careOfAddress, 0x0a030032u);
    QVERIFY(!r[2].steps.count(Step::RelayedRequest));
    // Only the first registration asked the AAA server; re-keying did not.
    QCOMPARE(homeAgent(*run.network, "ha1").counters().aaaRequests, std::uint64_t{1});
    QCOMPARE(homeAgent(*run.network, "ha1").counters().rekeys, std::uint64_t{4});
    QCOMPARE(udpFramesOnPort(run.capture->frames, radius::kAuthPort), std::size_t{2});
    // De-registered at home: the session keys are gone from both tables.
    QVERIFY(homeAgent(*run.network, "ha1").securityAssociations().empty());
    QVERIFY(run.network->mobiles()[0]->securityAssociations().empty());
    QVERIFY(homeAgent(*run.network, "ha1").bindings().empty());
  }

  void homeAgentAndMobileDeriveIdenticalKeys() {
    auto run = test::makeMipRun("mip-dynamic.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    auto& n = *run.network;
    n.start();
    const auto& ha = homeAgent(n, "ha1").securityAssociations();
    const auto& mn = n.mobiles()[0]->securityAssociations();
    n.simulation().scheduler().runUntil(sim::seconds(6));
    QCOMPARE(ha.size(), std::size_t{2});
    const Bytes skey = keyOf(ha, 0x1000), prime = keyOf(ha, 0x1001);
    QCOMPARE(skey.size(), std::size_t{16});
    QCOMPARE(keyOf(mn, 0x1000), skey);
    QCOMPARE(keyOf(mn, 0x1001), prime);
    QVERIFY(skey != prime);
    QCOMPARE(ha.find(kHome, 0x1000)->kind, mip::SaKeyKind::Skey);
    QCOMPARE(ha.bytesUsed(), 2 * sizeof(mip::SecurityAssociation));
    // After the re-key at 25 s: a new Skey', the same Skey, at both ends.
    n.simulation().scheduler().runUntil(sim::seconds(26));
    QCOMPARE(keyOf(ha, 0x1000), skey);
    QVERIFY(keyOf(ha, 0x1001) != prime);
    QCOMPARE(keyOf(mn, 0x1001), keyOf(ha, 0x1001));
    // Every run of the preset with another seed: other challenges, other keys, still equal at both ends.
    for (std::uint64_t seed : {2u, 3u, 4u}) {
      auto other = test::makeMipRun("mip-dynamic.json", {}, seed);
      other.network->start();
      other.network->simulation().scheduler().runUntil(sim::seconds(6));
      const auto& otherHa = homeAgent(*other.network, "ha1").securityAssociations();
      QCOMPARE(keyOf(other.network->mobiles()[0]->securityAssociations(), 0x1000), keyOf(otherHa, 0x1000));
      QVERIFY(keyOf(otherHa, 0x1000) != skey);
    }
  }

  void sameSeedSameCapture() {
    auto a = test::makeMipRun("mip-dynamic.json");
    auto b = test::makeMipRun("mip-dynamic.json");
    auto c = test::makeMipRun("mip-dynamic.json", {}, 99);
    a.network->run();
    b.network->run();
    c.network->run();
    QVERIFY(a.capture->frames.size() > 300);
    QVERIFY(a.capture->frames == b.capture->frames);
    QVERIFY(a.capture->times == b.capture->times);
    QVERIFY(a.capture->frames != c.capture->frames);
  }

  void accessRejectDenies131AndInstallsNothing() {
    auto run = test::makeMipRun("mip-dynamic.json", [](nlohmann::json& j) {
      j["methods"]["mip"]["users"] = {{{"name", "alice"}, {"password", "alice-Windows-pw1"}}};
      j["methods"]["mip"]["mobiles"][0]["password"] = "not-alice's-password";
      j["duration_s"] = 30;
    });
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    QVERIFY(!r.empty());
    QCOMPARE(r[0].auth, Auth::AaaDynamic);
    QVERIFY(!r[0].success);
    QCOMPARE(r[0].code.value_or(0), std::uint8_t{131});
    QVERIFY(r[0].steps.count(Step::AccessReply));
    QVERIFY(homeAgent(*run.network, "ha1").securityAssociations().empty());
    QVERIFY(homeAgent(*run.network, "ha1").bindings().empty());
    QVERIFY(run.network->mobiles()[0]->securityAssociations().empty());
    QCOMPARE(run.network->mobiles()[0]->counters().registrations, std::uint64_t{0});
  }

  void replayedRequestsAreRefusedWith133() {
    auto run = test::makeMipRun("mip-replay.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    std::size_t replays = 0;
    for (const auto& r : run.network->truth().records()) {
      if (r.trigger != Trigger::Replayed) {
        QVERIFY2(r.success, summary(run.network->truth().records()).c_str());
        continue;
      }
      ++replays;
      QVERIFY(!r.success);
      QCOMPARE(r.code.value_or(0), std::uint8_t{133});
    }
    QCOMPARE(replays, std::size_t{2});
    // The replays changed nothing: the mobile stayed registered and keyed throughout.
    QCOMPARE(homeAgent(*run.network, "ha1").counters().denied, std::uint64_t{2});
  }

  void staleTimestampsAreRefusedThenResynchronised() {
    auto run = test::makeMipRun("mip-dynamic.json", [](nlohmann::json& j) {
      j["methods"]["mip"]["mobiles"][0]["clock_offset_s"] = -40;
      j["duration_s"] = 10;
    });
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    QCOMPARE(r.size(), std::size_t{2});
    QCOMPARE(r[0].code.value_or(0), std::uint8_t{133});
    QVERIFY(!r[0].success);
    QVERIFY(r[1].success);
    QCOMPARE(r[1].auth, Auth::AaaDynamic);
    // The stale request installed nothing; the resynchronised one installed both keys.
    QCOMPARE(homeAgent(*run.network, "ha1").securityAssociations().size(), std::size_t{2});
    QCOMPARE(homeAgent(*run.network, "ha1").counters().aaaRequests, std::uint64_t{2});
  }

  void expiredLifetimesRemoveTheKeysFromBothTables() {
    auto run = test::makeMipRun("mip-dynamic.json", [](nlohmann::json& j) {
      j["methods"]["mip"]["mobiles"][0]["itinerary"] = {{{"at_s", 0}, {"link", "home"}},
                                                       {{"at_s", 5}, {"link", "subnet-a"}},
                                                       {{"at_s", 10}, {"detach", true}}};
      j["duration_s"] = 40;
    });
    QVERIFY2(run.error.empty(), run.error.c_str());
    auto& n = *run.network;
    n.start();
    const auto& ha = homeAgent(n, "ha1");
    const auto& mn = *n.mobiles()[0];
    n.simulation().scheduler().runUntil(sim::seconds(20));
    QCOMPARE(ha.securityAssociations().size(), std::size_t{2});
    QCOMPARE(mn.securityAssociations().size(), std::size_t{2});
    QCOMPARE(ha.bindings().size(), std::size_t{1});
    // Registered at 5.0 s for 30 s: gone from both tables after 35.02 s.
    n.simulation().scheduler().runUntil(sim::milliseconds(35100));
    QVERIFY(ha.securityAssociations().empty());
    QVERIFY(mn.securityAssociations().empty());
    QVERIFY(ha.bindings().empty());
    QCOMPARE(ha.counters().expiredBindings, std::uint64_t{1});
    QCOMPARE(mn.counters().keysExpired, std::uint64_t{1});
  }

  void staticBaselineNeedsNoAaa() {
    auto run = test::makeMipRun("mip-static.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    QCOMPARE(r.size(), std::size_t{7});
    for (const auto& rec : r) {
      QCOMPARE(rec.auth, Auth::Static);
      QVERIFY(rec.success);
      QVERIFY(!rec.steps.count(Step::AccessRequest));
    }
    QCOMPARE(udpFramesOnPort(run.capture->frames, radius::kAuthPort), std::size_t{0});
    // Configured keys are not session keys: de-registration leaves them in place.
    QCOMPARE(homeAgent(*run.network, "ha1").securityAssociations().size(), std::size_t{1});
    QCOMPARE(run.network->mobiles()[0]->securityAssociations().size(), std::size_t{1});
  }

  void redundantHomeAgentTakesOver() {
    auto run = test::makeMipRun("mip-ha-failover.json");
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    const std::uint32_t ha2 = 0x0a010002;
    const auto takeover = std::find_if(r.begin(), r.end(), [&](const auto& x) { return x.homeAgent == ha2; });
    QVERIFY2(takeover != r.end(), summary(r).c_str());
    QVERIFY(takeover->success);
    QCOMPARE(takeover->auth, Auth::AaaDynamic);
    QVERIFY(std::prev(takeover)->reason.find("no reply from home agent ha1") != std::string::npos);
    QVERIFY(homeAgent(*run.network, "ha1").down());
    QCOMPARE(homeAgent(*run.network, "ha2").securityAssociations().size(), std::size_t{2});
    QCOMPARE(keyOf(homeAgent(*run.network, "ha2").securityAssociations(), 0x1000),
             keyOf(run.network->mobiles()[0]->securityAssociations(), 0x1000));
  }

  // Seed Fig. 8: the AAA server proxies to the domain controller, which holds the password; each RADIUS hop has
  // its own secret, so the AAA server re-encrypts the MPPE keys, and the HA still derives the MN's Skey.
  void domainControllerBehindTheAaaServer() {
    auto run = test::makeMipRun("mip-domain-controller.json", [](nlohmann::json& j) { j["duration_s"] = 10; });
    QVERIFY2(run.error.empty(), run.error.c_str());
    run.network->run();
    const auto& r = run.network->truth().records();
    QCOMPARE(r.size(), std::size_t{1});
    QVERIFY2(r[0].success, r[0].reason.c_str());
    QCOMPARE(r[0].auth, Auth::AaaDynamic);
    QCOMPARE(udpFramesOnPort(run.capture->frames, radius::kAuthPort), std::size_t{4});  // HA-AAA and AAA-DC legs
    QCOMPARE(keyOf(homeAgent(*run.network, "ha1").securityAssociations(), 0x1000),
             keyOf(run.network->mobiles()[0]->securityAssociations(), 0x1000));
    QVERIFY(!keyOf(run.network->mobiles()[0]->securityAssociations(), 0x1000).empty());
    // A wrong password is refused by the domain controller, through the proxy: 131, nothing installed.
    auto wrong = test::makeMipRun("mip-domain-controller.json", [](nlohmann::json& j) {
      j["duration_s"] = 10;
      j["methods"]["mip"]["users"] = {{{"name", "alice"}, {"password", "alice-Windows-pw1"}}};
      j["methods"]["mip"]["mobiles"][0]["password"] = "not-alice's-password";
    });
    QVERIFY2(wrong.error.empty(), wrong.error.c_str());
    wrong.network->run();
    QCOMPARE(wrong.network->truth().records().at(0).code.value_or(0), std::uint8_t{131});
    QVERIFY(homeAgent(*wrong.network, "ha1").securityAssociations().empty());
  }

  void badScenariosAreNamed() {
    auto noCost = test::makeMipRun("mip-dynamic.json", [](nlohmann::json& j) {
      j["profile"] = {{"name", "bare"}, {"costs_ns", {{"radius-processing", 1000}}}};
    });
    QVERIFY(noCost.error.find("the cost profile \"bare\" has no \"mip-registration-processing\"") != std::string::npos);
    auto noBackbone = test::makeMipRun("mip-dynamic.json", [](nlohmann::json& j) {
      auto& links = j["links"];
      links.erase(std::remove_if(links.begin(), links.end(), [](const auto& l) { return l["name"] == "core-ha2"; }),
                  links.end());
      auto& tapped = j["capture_points"][3]["links"];
      tapped.erase(std::remove(tapped.begin(), tapped.end(), "core-ha2"), tapped.end());
    });
    QVERIFY2(noBackbone.error.find("home agent ha2: no link to the backbone switch") != std::string::npos,
             noBackbone.error.c_str());
  }
};

QTEST_GUILESS_MAIN(TestMipNetwork)
#include "tst_mip_network.moc"
