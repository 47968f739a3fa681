// SPDX-License-Identifier: GPL-3.0-or-later
// The DS switch (IEEE 802.1D learning bridge) on a Simulation built in code:
// ap1, ap2 and the RADIUS server each on their own link to the switch "ds".
// Checks flooding of unknown and broadcast destinations (never back out of
// the ingress port), learning, forwarding to the learned port only, filtering
// of a destination behind the ingress port, the forwarding delay, and the
// move of a station's MAC after a Layer 2 Update frame from its new AP.
#include <QtTest>
#include <map>
#include <string>
#include <vector>

#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/ethernet_switch.h"
#include "core/sim/simulation.h"
#include "dissectors/inet/ethernet.h"

using namespace rs;
using namespace rs::sim;

namespace {

const MacAddress kAp1{{0x02, 0, 0, 0, 0, 0x01}};
const MacAddress kAp2{{0x02, 0, 0, 0, 0, 0x02}};
const MacAddress kServer{{0x02, 0, 0, 0, 0, 0x20}};
const MacAddress kStation{{0x02, 0, 0, 0, 0, 0x10}};
constexpr SimTime kLinkDelay = microseconds(50);

struct Arrival {
  SimTime time;
  Bytes frame;
};

struct Ds {
  Simulation sim{1};
  NodeId ap1, ap2, server, ds;
  std::map<NodeId, std::vector<Arrival>> arrivals;
  MemoryTraceSink traces;
  std::unique_ptr<wlan::EthernetSwitch> bridge;

  explicit Ds(SimTime forwardingDelay = wlan::EthernetSwitch::kDefaultForwardingDelay) {
    ap1 = sim.topology().addNode(Node{kNoNode, "ap1", NodeRole::AccessPoint, {}, kAp1, {}, {}});
    ap2 = sim.topology().addNode(Node{kNoNode, "ap2", NodeRole::AccessPoint, {}, kAp2, {}, {}});
    server = sim.topology().addNode(Node{kNoNode, "radius", NodeRole::AuthenticationServer, {}, kServer, {}, {}});
    ds = sim.topology().addNode(Node{kNoNode, "ds", NodeRole::Switch, {}, {}, {}, {}});
    for (NodeId end : {ap1, ap2, server}) {
      const std::string name = end == server ? "ds-radius" : "ds-" + sim.topology().node(end).name;
      WiredLink& l = sim.addLink(LinkConfig{name, end, ds, kLinkDelay, 0, 0, 0});
      l.setReceiver(end, [this, end](const WireDelivery& d) { arrivals[end].push_back({d.time, toBytes(d.frame)}); });
    }
    sim.addTraceSink(&traces);
    bridge = std::make_unique<wlan::EthernetSwitch>(sim, ds, forwardingDelay);
  }

  WiredLink& linkOf(NodeId end) { return *sim.linksOf(end).front(); }
  void send(NodeId from, const MacAddress& to, const MacAddress& source, std::uint8_t tag) {
    linkOf(from).transmit(from, inet::buildEthernet(to, source, 0x0800, Bytes(46, tag)));
  }
  // The tags (first payload octet) each end received, and forgets them.
  std::vector<int> take(NodeId end) {
    std::vector<int> tags;
    for (const auto& a : arrivals[end]) tags.push_back(a.frame.size() > 14 ? a.frame[14] : -1);
    arrivals[end].clear();
    return tags;
  }
};

}  // namespace

class TestWlanEthernetSwitch : public QObject {
  Q_OBJECT
 private slots:
  // Unknown destination: every port but the ingress; the answer then goes to the learned port only.
  void floodsUnknownThenForwardsLearned() {
    Ds d;
    d.send(d.ap1, kServer, kAp1, 1);
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap2), std::vector<int>{1});
    QCOMPARE(d.take(d.server), std::vector<int>{1});
    QVERIFY(d.take(d.ap1).empty());
    QCOMPARE(d.bridge->framesFlooded(), std::size_t{1});
    QCOMPARE(d.bridge->portOf(kAp1), d.sim.link("ds-ap1"));

    d.send(d.server, kAp1, kServer, 2);
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap1), std::vector<int>{2});
    QVERIFY(d.take(d.ap2).empty());
    QCOMPARE(d.bridge->framesForwarded(), std::size_t{1});
    QCOMPARE(d.bridge->portOf(kServer), d.sim.link("ds-radius"));
  }

  void floodsBroadcastAndMulticast() {
    Ds d;
    d.send(d.ap2, MacAddress::broadcast(), kAp2, 3);
    d.send(d.ap2, MacAddress{{0x01, 0x80, 0xc2, 0, 0, 0x0e}}, kAp2, 4);  // group address, even once learned
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap1), (std::vector<int>{3, 4}));
    QCOMPARE(d.take(d.server), (std::vector<int>{3, 4}));
    QVERIFY(d.take(d.ap2).empty());
    QCOMPARE(d.bridge->framesFlooded(), std::size_t{2});
    QVERIFY(d.bridge->portOf(MacAddress::broadcast()) == nullptr);  // group sources are never learned
  }

  // Arrival = link delay + forwarding delay + link delay (no bandwidth limit on these links).
  void forwardingDelayIsConfigurable() {
    for (SimTime delay : {wlan::EthernetSwitch::kDefaultForwardingDelay, microseconds(40)}) {
      Ds d(delay);
      d.send(d.ap1, kServer, kAp1, 5);
      d.sim.scheduler().run();
      QCOMPARE(d.arrivals[d.server].size(), std::size_t{1});
      QCOMPARE(d.arrivals[d.server][0].time, 2 * kLinkDelay + delay);
    }
    QCOMPARE(wlan::EthernetSwitch::kDefaultForwardingDelay, microseconds(5));
  }

  // The station first talks through ap1; its new AP's Layer 2 Update moves it to ap2's port.
  void layer2UpdateMovesTheStation() {
    Ds d;
    d.send(d.ap1, kServer, kStation, 6);  // the station's traffic bridged by ap1
    d.sim.scheduler().run();
    d.take(d.ap2);
    d.take(d.server);
    d.send(d.server, kStation, kServer, 7);
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap1), std::vector<int>{7});
    QVERIFY(d.take(d.ap2).empty());

    // A frame for the station arriving on its own port is filtered, not sent back.
    d.send(d.ap1, kStation, kAp1, 8);
    d.sim.scheduler().run();
    QCOMPARE(d.bridge->framesFiltered(), std::size_t{1});
    QVERIFY(d.take(d.ap1).empty() && d.take(d.ap2).empty() && d.take(d.server).empty());

    d.linkOf(d.ap2).transmit(d.ap2, wlan::buildLayer2UpdateFrame(kStation));
    d.sim.scheduler().run();
    QCOMPARE(d.arrivals[d.ap1].size(), std::size_t{1});  // broadcast: flooded to the old AP and the server
    QCOMPARE(d.arrivals[d.server].size(), std::size_t{1});
    QCOMPARE(d.arrivals[d.ap1][0].frame, wlan::buildLayer2UpdateFrame(kStation));
    d.take(d.ap1);
    d.take(d.server);
    QCOMPARE(d.bridge->portOf(kStation), d.sim.link("ds-ap2"));

    d.send(d.server, kStation, kServer, 9);
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap2), std::vector<int>{9});
    QVERIFY(d.take(d.ap1).empty());

    bool moved = false;
    for (const auto& e : d.traces.events)
      moved = moved || (e.kind == TraceKind::Info && e.node == d.ds &&
                        e.text == "ds: 02:00:00:00:00:10 moved from ds-ap1 to ds-ap2");
    QVERIFY(moved);
  }

  // IEEE 802.1D ageing: an entry unused for 300 s is forgotten, so the frame is flooded again.
  void entriesAge() {
    Ds d;
    d.send(d.ap1, kServer, kStation, 1);
    d.sim.scheduler().run();
    QVERIFY(d.bridge->portOf(kStation) != nullptr);
    d.sim.scheduler().runUntil(d.sim.now() + wlan::EthernetSwitch::kAgeingTime + 1);
    QVERIFY(d.bridge->portOf(kStation) == nullptr);
    d.take(d.ap2);
    d.send(d.server, kStation, kServer, 2);
    d.sim.scheduler().run();
    QCOMPARE(d.take(d.ap1), std::vector<int>{2});
    QCOMPARE(d.take(d.ap2), std::vector<int>{2});
  }

  void runtIsDropped() {
    Ds d;
    d.linkOf(d.ap1).transmit(d.ap1, Bytes(8, 0xff));
    d.sim.scheduler().run();
    QCOMPARE(d.bridge->framesFiltered(), std::size_t{1});
    QVERIFY(d.arrivals[d.ap2].empty() && d.arrivals[d.server].empty());
  }
};

QTEST_GUILESS_MAIN(TestWlanEthernetSwitch)
#include "tst_wlan_ethernet_switch.moc"
