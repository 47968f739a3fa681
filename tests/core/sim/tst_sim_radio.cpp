// SPDX-License-Identifier: GPL-3.0-or-later
// Radio figures against hand-computed values (formulas cited in
// core/sim/radio_model.h) and the wireless medium's delivery, deferral,
// sensitivity, loss and capture behaviour.
#include <QtTest>
#include <vector>

#include "core/sim/capture_hub.h"
#include "core/sim/radio_model.h"
#include "core/sim/simulation.h"
#include "dissectors/radiotap/radiotap.h"

using namespace rs;
using namespace rs::sim;

namespace {

// Two nodes 10 m apart on channel 1 with PL(1 m) = 40 dB and n = 3: RSSI = 20 - (40 + 30) = -50 dBm.
struct Pair {
  Simulation sim{1};
  NodeId a = 0, b = 0;
  WirelessMedium* medium = nullptr;
  std::vector<AirReception> atB;
  std::vector<Bytes> bytesAtB;

  explicit Pair(double lossRate = 0.0) {
    a = sim.topology().addNode(Node{kNoNode, "a", NodeRole::AccessPoint, {0, 0, 0}, {}, {}, 1});
    b = sim.topology().addNode(Node{kNoNode, "b", NodeRole::Station, {10, 0, 0}, {}, {}, {}});
    MediumConfig c;
    c.name = "ch1";
    c.channel = 1;
    c.pathLoss.referenceLossDb = 40.0;
    c.pathLoss.exponent = 3.0;
    c.loss.fixedRate = lossRate;
    medium = &sim.addMedium(c);
    medium->attach(a, [](const AirReception&) {});
    medium->attach(b, [this](const AirReception& r) {
      atB.push_back(r);
      bytesAtB.push_back(toBytes(r.mpdu));
    });
  }
};

}  // namespace

class TestSimRadio : public QObject {
  Q_OBJECT
 private slots:
  void channelFrequencies_data() {
    QTest::addColumn<int>("band");
    QTest::addColumn<unsigned>("channel");
    QTest::addColumn<int>("mhz");  // 0: no such channel
    QTest::newRow("2.4 GHz ch1") << 0 << 1u << 2412;
    QTest::newRow("2.4 GHz ch6") << 0 << 6u << 2437;
    QTest::newRow("2.4 GHz ch13") << 0 << 13u << 2472;
    QTest::newRow("2.4 GHz ch14 (Japan, 2484)") << 0 << 14u << 2484;
    QTest::newRow("2.4 GHz ch15") << 0 << 15u << 0;
    QTest::newRow("5 GHz ch36") << 1 << 36u << 5180;
    QTest::newRow("5 GHz ch165") << 1 << 165u << 5825;
    QTest::newRow("6 GHz ch1") << 2 << 1u << 5955;
    QTest::newRow("6 GHz ch233") << 2 << 233u << 7115;
    QTest::newRow("6 GHz ch234") << 2 << 234u << 0;
  }
  void channelFrequencies() {
    QFETCH(int, band);
    QFETCH(unsigned, channel);
    QFETCH(int, mhz);
    const auto f = channelFrequencyMhz(static_cast<Band>(band), channel);
    QCOMPARE(f.has_value(), mhz != 0);
    if (f) QCOMPARE(int(*f), mhz);
  }

  // Friis: 20 log10(4 pi * 1 m * 2412e6 Hz / 299792458 m/s) = 20 log10(101.1036) = 40.0953 dB.
  void freeSpaceLoss() {
    QVERIFY(std::fabs(freeSpaceLossDb(1.0, 2412) - 40.0953) < 1e-4);
    QVERIFY(std::fabs(freeSpaceLossDb(1.0, 5180) - 46.7344) < 1e-4);
    // Doubling the distance adds 20 log10(2) = 6.0206 dB in free space.
    QVERIFY(std::fabs(freeSpaceLossDb(2.0, 2412) - freeSpaceLossDb(1.0, 2412) - 6.0206) < 1e-4);
  }

  // Log-distance: PL(d) = 40 + 10 * 3 * log10(d / 1 m).
  void logDistance() {
    PathLossModel m;
    m.exponent = 3.0;
    m.referenceLossDb = 40.0;
    QCOMPARE(m.lossDb(10.0, 2412), 70.0);
    QCOMPARE(m.lossDb(100.0, 2412), 100.0);
    QCOMPARE(m.lossDb(0.5, 2412), 40.0);  // nearer than d0: PL(d0)
    PathLossModel freeAtReference;        // PL(d0) from Friis when not given
    freeAtReference.exponent = 2.0;
    QVERIFY(std::fabs(freeAtReference.lossDb(10.0, 2412) - (40.0953 + 20.0)) < 1e-4);
  }

  void airTimes_data() {
    QTest::addColumn<int>("rate");  // 500 kb/s units
    QTest::addColumn<int>("psdu");
    QTest::addColumn<int>("band");
    QTest::addColumn<bool>("shortPreamble");
    QTest::addColumn<qint64>("us");
    // DSSS/HR-DSSS: 192 us long (96 us short) PLCP + ceil(8 * LENGTH / Mb/s).
    QTest::newRow("1 Mb/s 100 B: 192 + 800") << 2 << 100 << 0 << false << qint64(992);
    QTest::newRow("1 Mb/s never short: 192 + 800") << 2 << 100 << 0 << true << qint64(992);
    QTest::newRow("2 Mb/s short 100 B: 96 + 400") << 4 << 100 << 0 << true << qint64(496);
    QTest::newRow("11 Mb/s 1500 B: 192 + ceil(1090.9)") << 22 << 1500 << 0 << false << qint64(1283);
    QTest::newRow("11 Mb/s short 1500 B: 96 + 1091") << 22 << 1500 << 0 << true << qint64(1187);
    // OFDM: 20 + 4 * ceil((16 + 8L + 6) / N_DBPS) (+6 us ERP signal extension at 2.4 GHz).
    QTest::newRow("6 Mb/s 100 B 5 GHz: 20 + 4*ceil(822/24)=35") << 12 << 100 << 1 << false << qint64(160);
    QTest::newRow("6 Mb/s 100 B 2.4 GHz: + 6") << 12 << 100 << 0 << false << qint64(166);
    QTest::newRow("24 Mb/s 60 B 5 GHz: 20 + 4*ceil(502/96)=6") << 48 << 60 << 1 << false << qint64(44);
    QTest::newRow("54 Mb/s 1500 B 5 GHz: 20 + 4*ceil(12022/216)=56") << 108 << 1500 << 1 << false << qint64(244);
  }
  void airTimes() {
    QFETCH(int, rate);
    QFETCH(int, psdu);
    QFETCH(int, band);
    QFETCH(bool, shortPreamble);
    QFETCH(qint64, us);
    const auto t = airTime(static_cast<std::uint8_t>(rate), static_cast<std::size_t>(psdu), static_cast<Band>(band),
                           shortPreamble);
    QVERIFY(t.has_value());
    QCOMPARE(*t, microseconds(us));
  }

  void unknownRateHasNoAirTime() { QVERIFY(!airTime(3, 100, Band::Ghz2_4).has_value()); }

  void lossModel() {
    LossModel fixed;
    fixed.fixedRate = 0.1;
    QCOMPARE(fixed.probability(-20), 0.1);
    QCOMPARE(fixed.probability(60), 0.1);
    LossModel snr;
    snr.snrAtHalfLossDb = 20.0;
    snr.slopeDb = 2.0;
    QCOMPARE(snr.probability(20.0), 0.5);
    QVERIFY(std::fabs(snr.probability(30.0) - 0.0066929) < 1e-6);  // 1 / (1 + e^5)
    snr.fixedRate = 0.1;
    QVERIFY(std::fabs(snr.probability(20.0) - 0.55) < 1e-12);  // 1 - 0.9 * 0.5
  }

  // 10 m at c = 299792458 m/s: 33.356 ns, rounded to 33 ns.
  void propagation() {
    QCOMPARE(propagationDelay(10.0), SimTime{33});
    QCOMPARE(propagationDelay(300.0), SimTime{1001});
  }

  // 96-byte MPDU + 4-byte FCS at 6 Mb/s on 2.4 GHz: 166 us on air, then 33 ns to B.
  void deliveryTimeAndSignal() {
    Pair p;
    const auto tx = p.medium->transmit(p.a, Bytes(96, 0xab));
    QCOMPARE(tx.start, SimTime{0});
    QCOMPARE(tx.end, microseconds(166));
    p.sim.scheduler().run();
    QCOMPARE(p.atB.size(), std::size_t{1});
    QCOMPARE(p.atB[0].time, microseconds(166) + 33);
    QCOMPARE(p.atB[0].rssiDbm, -50.0);
    QCOMPARE(p.atB[0].snrDb, 45.0);  // -50 - (-95)
    QCOMPARE(p.atB[0].from, p.a);
    QCOMPARE(p.atB[0].rate, std::uint8_t{12});
    QCOMPARE(p.bytesAtB[0], Bytes(96, 0xab));
  }

  // Carrier sense: a second frame waits until the first has left the air.
  void busyChannelDefersTransmission() {
    Pair p;
    p.medium->transmit(p.a, Bytes(96, 1));
    // Zero bytes: Address 1 is 00:00:00:00:00:00, b's MAC, so b receives it (unicast filtering below).
    const auto second = p.medium->transmit(p.a, Bytes(96, 0), TxOptions{24, {}, "second"});  // 12 Mb/s
    QCOMPARE(second.start, microseconds(166));
    // 12 Mb/s: N_DBPS 48, ceil(822/48) = 18 symbols: 20 + 72 + 6 = 98 us.
    QCOMPARE(second.end, microseconds(166 + 98));
    p.sim.scheduler().run();
    QCOMPARE(p.atB.size(), std::size_t{2});
    QCOMPARE(p.atB[1].time, microseconds(264) + 33);
    QCOMPARE(p.atB[1].start, microseconds(166));
  }

  // A frame whose Address 1 (octets 4..9) is unicast reaches only the node with that MAC; a group
  // address reaches every node; capture points are not concerned (tst_sim_capture).
  void unicastReachesOnlyItsAddressee() {
    Pair p;
    const MacAddress cMac{{0x02, 0, 0, 0, 0, 0x0c}};
    const NodeId c = p.sim.topology().addNode(Node{kNoNode, "c", NodeRole::Station, {5, 0, 0}, cMac, {}, {}});
    std::size_t atC = 0;
    p.medium->attach(c, [&atC](const AirReception&) { ++atC; });
    Bytes toC(30, 0);
    std::copy(cMac.octets.begin(), cMac.octets.end(), toC.begin() + 4);
    p.medium->transmit(p.a, toC);
    Bytes broadcast(30, 0);
    std::fill(broadcast.begin() + 4, broadcast.begin() + 10, std::uint8_t{0xff});
    p.medium->transmit(p.a, broadcast);
    p.sim.scheduler().run();
    QCOMPARE(atC, std::size_t{2});
    QCOMPARE(p.atB.size(), std::size_t{1});
    QCOMPARE(p.bytesAtB[0], broadcast);
  }

  void belowSensitivityIsNotDelivered() {
    Pair p;
    // 1000 m: 20 - (40 + 90) = -110 dBm < -92 dBm.
    p.sim.topology().node(p.b).position = Position{1000, 0, 0};
    p.medium->transmit(p.a, Bytes(20, 0));
    p.sim.scheduler().run();
    QVERIFY(p.atB.empty());
  }

  void detachedReceiverMissesFrameInFlight() {
    Pair p;
    p.medium->transmit(p.a, Bytes(96, 0));
    p.sim.scheduler().scheduleAt(microseconds(100), EventDescriptor{}, [&] { p.medium->detach(p.b); });
    p.sim.scheduler().run();
    QVERIFY(p.atB.empty());
    QVERIFY(!p.medium->isAttached(p.b));
  }

  void fixedLossDropsFrames() {
    Pair all(1.0);
    for (int i = 0; i < 10; ++i) all.medium->transmit(all.a, Bytes(10, 0));
    all.sim.scheduler().run();
    QVERIFY(all.atB.empty());
    Pair half(0.5);
    for (int i = 0; i < 1000; ++i) half.medium->transmit(half.a, Bytes(10, 0));
    half.sim.scheduler().run();
    QVERIFY2(half.atB.size() > 430 && half.atB.size() < 570, qPrintable(QString::number(half.atB.size())));
  }

  // The capture point records the frame at its first bit with the radiotap
  // fields the medium knows: TSFT, rate, channel, signal at the observer, noise.
  void captureRecordsRadiotap() {
    Pair p;
    MemoryFrameSink sink;
    const auto point = p.sim.captures().addPoint("air-ch1", LinkType::Radiotap);
    p.medium->addCapture(point, p.b);
    p.sim.setFrameSink(&sink);
    p.sim.scheduler().scheduleAt(microseconds(5), EventDescriptor{}, [&] { p.medium->transmit(p.a, Bytes(96, 7)); });
    p.sim.scheduler().run();
    QCOMPARE(sink.points.size(), std::size_t{1});
    QCOMPARE(sink.frames.size(), std::size_t{1});
    QCOMPARE(sink.frames[0].time, microseconds(5));
    const auto rt = parseRadiotap(sink.frames[0].bytes);
    QVERIFY(rt && rt->ok());
    const auto& f = rt->primary();
    QCOMPARE(*f.tsft, std::uint64_t{5});
    QCOMPARE(*f.rate, std::uint8_t{12});
    QCOMPARE(f.channel->frequency, std::uint16_t{2412});
    QCOMPARE(f.channel->flags, std::uint16_t(channel_flag::k2Ghz | channel_flag::kOfdm));
    QCOMPARE(*f.dbmAntennaSignal, std::int8_t{-50});
    QCOMPARE(*f.dbmAntennaNoise, std::int8_t{-95});
    QVERIFY(!rt->fcsAtEnd());
    QCOMPARE(Bytes(sink.frames[0].bytes.begin() + rt->length, sink.frames[0].bytes.end()), Bytes(96, 7));
  }
};

QTEST_GUILESS_MAIN(TestSimRadio)
#include "tst_sim_radio.moc"
