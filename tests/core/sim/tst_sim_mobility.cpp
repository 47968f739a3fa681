// SPDX-License-Identifier: GPL-3.0-or-later
// Waypoint paths (position as a function of time, pauses, speeds) and the RSSI
// sampler's threshold crossing against a hand-computed walk.
#include <QtTest>
#include <cmath>
#include <vector>

#include "core/sim/rssi_sampler.h"
#include "core/sim/simulation.h"

using namespace rs;
using namespace rs::sim;

namespace {

bool near(const Position& p, double x, double y) { return std::fabs(p.x - x) < 1e-9 && std::fabs(p.y - y) < 1e-9; }

// Starts at 2 s at (0,0), pauses 1 s, walks 10 m at 2 m/s (5 s), pauses 2 s,
// walks 30 m at 1.5 m/s (20 s): arrival at 2 + 1 + 5 + 2 + 20 = 30 s.
WaypointPath samplePath() {
  return WaypointPath(seconds(2), {Waypoint{{0, 0, 0}, 1.0, seconds(1)}, Waypoint{{10, 0, 0}, 2.0, seconds(2)},
                                   Waypoint{{10, 30, 0}, 1.5, 0}});
}

}  // namespace

class TestSimMobility : public QObject {
  Q_OBJECT
 private slots:
  void positionsAlongPath_data() {
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::newRow("before start") << 0.0 << 0.0 << 0.0;
    QTest::newRow("pausing at the first waypoint") << 2.5 << 0.0 << 0.0;
    QTest::newRow("departure") << 3.0 << 0.0 << 0.0;
    QTest::newRow("2.5 s into leg 1 at 2 m/s") << 5.5 << 5.0 << 0.0;
    QTest::newRow("arrival at waypoint 2") << 8.0 << 10.0 << 0.0;
    QTest::newRow("pausing at waypoint 2") << 9.5 << 10.0 << 0.0;
    QTest::newRow("10 s into leg 2 at 1.5 m/s") << 20.0 << 10.0 << 15.0;
    QTest::newRow("arrival at the end") << 30.0 << 10.0 << 30.0;
    QTest::newRow("stays at the end") << 100.0 << 10.0 << 30.0;
  }
  void positionsAlongPath() {
    QFETCH(double, t);
    QFETCH(double, x);
    QFETCH(double, y);
    const auto p = samplePath().position(fromSeconds(t));
    QVERIFY2(near(p, x, y), qPrintable(QString("(%1, %2)").arg(p.x).arg(p.y)));
  }

  void arrivalTime() { QCOMPARE(samplePath().arrival(), seconds(30)); }

  void topologyUsesPath() {
    Topology topo;
    const NodeId sta = topo.addNode(Node{kNoNode, "sta", NodeRole::Station, {50, 50, 0}, {}, {}, {}});
    const NodeId ap = topo.addNode(Node{kNoNode, "ap1", NodeRole::AccessPoint, {1, 2, 3}, {}, {}, 6});
    QVERIFY(near(topo.positionAt(sta, seconds(5)), 50, 50));  // no path yet: its position
    topo.setPath(sta, samplePath());
    QVERIFY(near(topo.positionAt(sta, fromSeconds(5.5)), 5, 0));
    QVERIFY(topo.path(ap) == nullptr);
    QCOMPARE(topo.positionAt(ap, seconds(99)), (Position{1, 2, 3}));
    QCOMPARE(topo.find("ap1"), std::optional<NodeId>(ap));
    QCOMPARE(topo.withRole(NodeRole::Station), std::vector<NodeId>{sta});
  }

  // The station walks away from AP1 (PL(1 m) = 40 dB, n = 3, 20 dBm) starting
  // 1 m from it at 1 m/s: RSSI = 20 - 40 - 30 log10(1 + t). It falls below
  // -70 dBm at d = 10^(50/30) = 46.416 m, i.e. t = 45.416 s; sampled every
  // 100 ms, the first sample below is the one at 45.5 s.
  void samplerFiresOnceBelowThreshold() {
    Simulation sim(1);
    const NodeId ap1 = sim.topology().addNode(Node{kNoNode, "ap1", NodeRole::AccessPoint, {0, 0, 0}, {}, {}, 1});
    const NodeId ap2 = sim.topology().addNode(Node{kNoNode, "ap2", NodeRole::AccessPoint, {100, 0, 0}, {}, {}, 6});
    const NodeId sta = sim.topology().addNode(Node{kNoNode, "sta", NodeRole::Station, {}, {}, {}, {}});
    sim.topology().setPath(sta, WaypointPath(0, {Waypoint{{1, 0, 0}, 1, 0}, Waypoint{{1000, 0, 0}, 1.0, 0}}));
    MediumConfig c;
    c.name = "ch1";
    c.pathLoss.referenceLossDb = 40;
    WirelessMedium& ch1 = sim.addMedium(c);
    c.name = "ch6";
    c.channel = 6;
    WirelessMedium& ch6 = sim.addMedium(c);

    RssiSampler sampler(sim.scheduler(), ch1, sta, ap1, milliseconds(100));
    std::vector<std::pair<SimTime, double>> crossings;
    int samples = 0;
    sampler.onSample([&](SimTime, double) { ++samples; });
    sampler.setThreshold(-70.0, [&](SimTime t, double rssi) { crossings.emplace_back(t, rssi); });
    sampler.start();
    sim.scheduler().runUntil(seconds(60));
    QCOMPARE(crossings.size(), std::size_t{1});
    QCOMPARE(crossings[0].first, milliseconds(45500));
    QVERIFY(std::fabs(crossings[0].second - (-20.0 - 30.0 * std::log10(46.5))) < 1e-9);
    QCOMPARE(samples, 601);  // 0 s .. 60 s inclusive

    // After a roam to AP2 (100 m along the path) the threshold re-arms: the
    // station passes AP2 at 99 s and is 46.416 m beyond it at 145.416 s.
    sampler.setServing(ap2, ch6);
    sim.scheduler().runUntil(seconds(200));
    QCOMPARE(crossings.size(), std::size_t{2});
    QCOMPARE(crossings[1].first, milliseconds(145500));

    sampler.stop();
    QVERIFY(!sampler.running());
    QCOMPARE(sim.scheduler().pending(), std::size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestSimMobility)
#include "tst_sim_mobility.moc"
