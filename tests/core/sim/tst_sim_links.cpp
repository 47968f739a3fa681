// SPDX-License-Identifier: GPL-3.0-or-later
// Wired links: propagation delay + serialisation (8 * bytes / bandwidth),
// per-direction FIFO queueing, bounded deterministic jitter, loss, capture.
#include <QtTest>
#include <stdexcept>
#include <vector>

#include "core/sim/simulation.h"

using namespace rs;
using namespace rs::sim;

namespace {

struct Wire {
  Simulation sim;
  NodeId a = 0, b = 0;
  WiredLink* link = nullptr;
  std::vector<WireDelivery> atA, atB;  // frame views are cleared: they are valid during the call only
  std::vector<Bytes> framesAtB;

  explicit Wire(std::uint64_t seed, SimTime jitter = 0, double loss = 0.0) : sim(seed) {
    a = sim.topology().addNode(Node{kNoNode, "ap1", NodeRole::AccessPoint, {}, {}, {}, {}});
    b = sim.topology().addNode(Node{kNoNode, "radius", NodeRole::AuthenticationServer, {}, {}, {}, {}});
    link = &sim.addLink(LinkConfig{"ds-ap1", a, b, milliseconds(1), jitter, 100e6, loss});
    link->setReceiver(a, [this](const WireDelivery& d) {
      atA.push_back(d);
      atA.back().frame = {};
    });
    link->setReceiver(b, [this](const WireDelivery& d) {
      atB.push_back(d);
      atB.back().frame = {};
      framesAtB.push_back(toBytes(d.frame));
    });
  }
};

}  // namespace

class TestSimLinks : public QObject {
  Q_OBJECT
 private slots:
  // 1500 bytes at 100 Mb/s: 8 * 1500 / 1e8 s = 120 us; + 1 ms delay = 1.120 ms.
  void delayPlusSerialisation() {
    QCOMPARE(WiredLink::serialisationTime(1500, 100e6), microseconds(120));
    QCOMPARE(WiredLink::serialisationTime(64, 1e9), SimTime{512});
    QCOMPARE(WiredLink::serialisationTime(1, 3e9), SimTime{3});  // 2.67 ns rounds up
    QCOMPARE(WiredLink::serialisationTime(1500, 0), SimTime{0});
    Wire w(1);
    const auto tx = w.link->transmit(w.a, Bytes(1500, 0x11));
    QCOMPARE(tx.start, SimTime{0});
    QCOMPARE(tx.end, microseconds(120));
    QCOMPARE(tx.arrival, microseconds(1120));
    w.sim.scheduler().run();
    QCOMPARE(w.atB.size(), std::size_t{1});
    QCOMPARE(w.atB[0].time, microseconds(1120));
    QCOMPARE(w.atB[0].from, w.a);
    QCOMPARE(w.atB[0].to, w.b);
    QCOMPARE(w.framesAtB[0], Bytes(1500, 0x11));
    QVERIFY(w.atA.empty());
  }

  // A second frame waits for the first to leave the wire; the other direction is independent.
  void fifoPerDirection() {
    Wire w(1);
    w.link->transmit(w.a, Bytes(1500, 1));
    const auto second = w.link->transmit(w.a, Bytes(1500, 2));
    const auto back = w.link->transmit(w.b, Bytes(1500, 3));
    QCOMPARE(second.start, microseconds(120));
    QCOMPARE(second.arrival, microseconds(1240));
    QCOMPARE(back.arrival, microseconds(1120));
    w.sim.scheduler().run();
    QCOMPARE(w.atB.size(), std::size_t{2});
    QCOMPARE(w.atB[1].time, microseconds(1240));
    QCOMPARE(w.atB[1].sent, microseconds(120));
    QCOMPARE(w.atA.size(), std::size_t{1});
  }

  // Jitter in [0, 50 us], arrivals in order, the same sequence for the same seed.
  void jitterIsBoundedOrderedAndSeeded() {
    auto arrivals = [](std::uint64_t seed) {
      Wire w(seed, microseconds(50));
      for (int i = 0; i < 200; ++i)
        w.sim.scheduler().scheduleAt(microseconds(10) * i, EventDescriptor{},
                                     [&w] { w.link->transmit(w.a, Bytes(100, 0)); });
      w.sim.scheduler().run();
      std::vector<SimTime> out;
      for (const auto& d : w.atB) out.push_back(d.time - d.sent);
      return out;
    };
    const auto one = arrivals(7);
    QCOMPARE(one.size(), std::size_t{200});
    bool varied = false;
    for (SimTime latency : one) {
      // 100 bytes at 100 Mb/s = 8 us; + 1 ms; + [0, 50 us].
      QVERIFY(latency >= microseconds(1008) && latency <= microseconds(1058));
      varied = varied || latency != one.front();
    }
    QVERIFY(varied);
    QCOMPARE(arrivals(7), one);
    QVERIFY(arrivals(8) != one);
  }

  void jitterNeverReorders() {
    Wire w(3, microseconds(500));  // jitter far above the 8 us spacing
    for (int i = 0; i < 100; ++i) w.link->transmit(w.a, Bytes(100, static_cast<std::uint8_t>(i)));
    w.sim.scheduler().run();
    QCOMPARE(w.atB.size(), std::size_t{100});
    for (std::size_t i = 0; i < w.framesAtB.size(); ++i) QCOMPARE(int(w.framesAtB[i][0]), int(i));
  }

  void lossDropsButCaptureRecords() {
    Wire w(1, 0, 1.0);
    MemoryFrameSink sink;
    const auto point = w.sim.captures().addPoint("ds", LinkType::Ethernet);
    w.link->addCapture(point);
    w.sim.setFrameSink(&sink);
    const auto first = w.link->transmit(w.a, Bytes(1500, 1));
    const auto second = w.link->transmit(w.a, Bytes(1500, 2));
    QVERIFY(first.lost && second.lost);
    w.sim.scheduler().run();
    QVERIFY(w.atB.empty());
    QCOMPARE(sink.frames.size(), std::size_t{2});
    QCOMPARE(sink.frames[0].time, SimTime{0});
    QCOMPARE(sink.frames[1].time, microseconds(120));  // recorded when its first bit leaves
    QCOMPARE(sink.frames[1].linkType, LinkType::Ethernet);
  }

  // A point with `toward` records one direction only; the other point on the link sees both.
  void captureTowardOneEnd() {
    Wire w(1);
    MemoryFrameSink sink;
    const auto both = w.sim.captures().addPoint("both", LinkType::Ethernet);
    const auto towardB = w.sim.captures().addPoint("toward-radius", LinkType::Ethernet);
    w.link->addCapture(both);
    w.link->addCapture(towardB, w.b);
    w.sim.setFrameSink(&sink);
    w.link->transmit(w.a, Bytes(100, 1));
    w.link->transmit(w.b, Bytes(100, 2));
    w.link->transmit(w.a, Bytes(100, 3));  // queued behind the first: recorded when it starts
    w.sim.scheduler().run();
    std::vector<int> atBoth, atToward;
    for (const auto& f : sink.frames) (f.point == both ? atBoth : atToward).push_back(f.bytes[0]);
    QCOMPARE(atBoth, (std::vector<int>{1, 2, 3}));
    QCOMPARE(atToward, (std::vector<int>{1, 3}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, w.link->addCapture(both, NodeId{7}));
  }

  void partialLossRate() {
    Wire w(5, 0, 0.2);
    for (int i = 0; i < 1000; ++i) w.link->transmit(w.a, Bytes(10, 0));
    w.sim.scheduler().run();
    QVERIFY2(w.atB.size() > 740 && w.atB.size() < 860, qPrintable(QString::number(w.atB.size())));
  }

  void notAnEndThrows() {
    Wire w(1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, w.link->transmit(NodeId{7}, Bytes(10, 0)));
    QVERIFY(w.link->connects(w.a) && !w.link->connects(7));
    QCOMPARE(w.link->otherEnd(w.a), w.b);
  }
};

QTEST_GUILESS_MAIN(TestSimLinks)
#include "tst_sim_links.moc"
