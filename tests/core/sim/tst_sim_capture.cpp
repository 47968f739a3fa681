// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: an AP and a station exchange real 802.11 data frames over a
// lossy medium at random intervals, the AP relays each to a server over a
// jittery wired link; the capture points are written to pcapng through
// capture/sim's PcapngFrameSink. Same seed -> byte-identical file; another
// seed -> another file; tshark (the independent oracle) reads the interfaces,
// the radiotap channel and the signal the medium set.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/sim/scenario.h"
#include "core/sim/simulation.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/llc.h"
#include "dissectors/inet/udp.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::sim;

namespace {

// An IPv4/UDP datagram numbered `n`.
Bytes datagram(std::uint32_t from, std::uint32_t to, int n) {
  const Bytes payload(32, static_cast<std::uint8_t>(n));
  inet::Ipv4Fields ip;
  ip.protocol = 17;
  ip.source = from;
  ip.destination = to;
  ip.identification = static_cast<std::uint16_t>(n);
  return inet::buildIpv4(ip, inet::buildUdp(from, to, 40000, 9, payload));
}

// Runs the exchange and writes `path`; returns the number of frames written.
std::size_t runExchange(std::uint64_t seed, const std::string& path) {
  Simulation sim(seed);
  const MacAddress apMac{{0x02, 0, 0, 0, 0, 0x01}};
  const MacAddress staMac{{0x02, 0, 0, 0, 1, 0}};
  const MacAddress serverMac{{0x02, 0, 0, 0, 2, 0}};
  const NodeId ap =
      sim.topology().addNode(Node{kNoNode, "ap1", NodeRole::AccessPoint, {0, 0, 0}, apMac, 0x0a000001, 6});
  const NodeId sta =
      sim.topology().addNode(Node{kNoNode, "sta", NodeRole::Station, {10, 0, 0}, staMac, 0x0a000064, {}});
  const NodeId server =
      sim.topology().addNode(Node{kNoNode, "server", NodeRole::ApplicationServer, {}, serverMac, 0x0a000002, {}});
  MediumConfig air;
  air.name = "ch6";
  air.channel = 6;
  air.pathLoss.referenceLossDb = 40.0;  // sta 10 m away: 20 - 70 = -50 dBm
  air.loss.fixedRate = 0.2;
  WirelessMedium& medium = sim.addMedium(air);
  WiredLink& wire = sim.addLink(LinkConfig{"ds", ap, server, microseconds(200), microseconds(30), 1e9, 0.0});

  const auto airPoint = sim.captures().addPoint("air-ch6", LinkType::Radiotap, "channel 6, heard at sta");
  medium.addCapture(airPoint, sta);
  const auto dsPoint = sim.captures().addPoint("ds", LinkType::Ethernet, "AP to server");
  wire.addCapture(dsPoint);

  auto created = PcapngFrameSink::create(path, "tst_sim_capture");
  auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
  sim.setFrameSink(&sink);

  // The AP relays what it hears from the station to the server as Ethernet.
  medium.attach(ap, [&](const AirReception& r) {
    const auto header = ieee80211::parseMacHeader(r.mpdu);
    if (!header) return;
    const ByteView body = r.mpdu.subspan(header->length);
    if (body.size() < 8) return;
    wire.transmit(ap, inet::buildEthernet(serverMac, staMac, 0x0800, body.subspan(8)), "relay");
  });
  medium.attach(sta, [](const AirReception&) {});
  wire.setReceiver(server, [](const WireDelivery&) {});

  Random app = sim.random("app/sta");
  std::uint16_t sequence = 0;
  SimTime t = 0;
  for (int n = 0; n < 40; ++n) {
    t += microseconds(500) + static_cast<SimTime>(app.exponential(2e6));
    sim.scheduler().scheduleAt(t, EventDescriptor{EventKind::Protocol, sta, "data"}, [&, n] {
      const auto h = ieee80211::MacHeader::qosData(true, apMac, staMac, serverMac, sequence++, 0);
      medium.transmit(sta,
                      ieee80211::buildDataFrame(h, inet::buildLlcSnap(0x0800, datagram(0x0a000064, 0x0a000002, n))),
                      TxOptions{0, {}, "data"});
    });
  }
  sim.scheduler().run();
  sim.setFrameSink(nullptr);
  if (!sink.close()) return 0;
  return sink.framesWritten();
}

Bytes fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

class TestSimCapture : public QObject {
  Q_OBJECT
 private slots:
  void sameSeedSameBytes() {
    QTemporaryDir dir;
    const std::string a = dir.filePath("a.pcapng").toStdString();
    const std::string b = dir.filePath("b.pcapng").toStdString();
    const std::string c = dir.filePath("c.pcapng").toStdString();
    const std::size_t frames = runExchange(11, a);
    QVERIFY(frames > 40);  // 40 on the air plus the relayed ones that were not lost
    QCOMPARE(runExchange(11, b), frames);
    const Bytes first = fileBytes(a);
    QVERIFY(!first.empty());
    QVERIFY(first == fileBytes(b));
    runExchange(12, c);
    QVERIFY(first != fileBytes(c));
  }

  void tsharkReadsInterfacesChannelAndSignal() {
    RS_REQUIRE_TSHARK();
    QTemporaryDir dir;
    const std::string path = dir.filePath("run.pcapng").toStdString();
    const std::size_t frames = runExchange(11, path);
    QString error;
    const auto table = test::runTsharkFields(
        path,
        {"frame.interface_name", "frame.interface_description", "radiotap.channel.freq", "radiotap.dbm_antsignal",
         "radiotap.dbm_antnoise", "radiotap.datarate", "wlan.fc.type_subtype", "eth.type", "udp.dstport",
         "_ws.malformed", "_ws.expert.severity"},
        {}, error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), frames);
    std::size_t air = 0, ds = 0;
    for (const auto& row : table->rows) {
      QCOMPARE(row[9], std::string());  // no malformed frame
      // No expert warning (0x00600000) or error (0x00800000); chats and notes are fine.
      QVERIFY2(row[10].find("6291456") == std::string::npos && row[10].find("8388608") == std::string::npos,
               row[10].c_str());
      QCOMPARE(row[8], std::string("9"));
      if (row[0] == "air-ch6") {
        ++air;
        QCOMPARE(row[1], std::string("channel 6, heard at sta"));
        QCOMPARE(row[2], std::string("2437"));
        // The station sends, the capture point sits at the station: PL(d0) = 40 dB, 20 - 40 = -20 dBm.
        QCOMPARE(row[3], std::string("-20"));
        QCOMPARE(row[4], std::string("-95"));
        QCOMPARE(row[5], std::string("6"));
        QCOMPARE(row[6], std::string("0x0028"));  // QoS Data
      } else {
        ++ds;
        QCOMPARE(row[0], std::string("ds"));
        QCOMPARE(row[7], std::string("0x0800"));
      }
    }
    QCOMPARE(air, std::size_t{40});
    QVERIFY(ds > 20 && ds < 40);  // 20 % air loss
  }

  // The three-AP scenario: one pcapng interface per air channel and one for the
  // distribution system; each AP sends a frame on its channel every 10 s while
  // the station walks, and relays one Ethernet frame over its DS link.
  void scenarioInterfacesPerChannelAndDs() {
    RS_REQUIRE_TSHARK();
    const auto loaded = loadScenario(std::string(ROAMSCOPE_SOURCE_DIR) + "/tests/core/sim/data/three_ap_ess.json");
    QVERIFY(std::holds_alternative<Scenario>(loaded));
    Simulation sim(std::get<Scenario>(loaded));
    QTemporaryDir dir;
    const std::string path = dir.filePath("ess.pcapng").toStdString();
    auto created = PcapngFrameSink::create(path);
    auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
    sim.setFrameSink(&sink);
    const NodeId sta = *sim.topology().find("sta");
    for (int k = 0; k < 6; ++k) {
      for (const char* apName : {"ap1", "ap2", "ap3"}) {
        const NodeId ap = *sim.topology().find(apName);
        const SimTime at = seconds(10) * k + milliseconds(10) * static_cast<SimTime>(ap);
        sim.scheduler().scheduleAt(at, EventDescriptor{EventKind::Protocol, ap, "beacon-like data"}, [&sim, ap, sta] {
          const Node& n = sim.topology().node(ap);
          WirelessMedium& m = *sim.mediumOnChannel(*n.channel);
          const auto h = ieee80211::MacHeader::qosData(false, n.mac, sim.topology().node(sta).mac, n.mac, 1, 0);
          m.transmit(ap, ieee80211::buildDataFrame(h, inet::buildLlcSnap(0x0800, datagram(0x0a000001, 0x0a000164, 1))));
          sim.linksOf(ap).front()->transmit(
              ap, inet::buildEthernet(MacAddress::broadcast(), n.mac, 0x0800, datagram(0x0a000001, 0x0a000002, 2)));
        });
      }
    }
    sim.scheduler().run();
    QVERIFY(sink.close());
    QString error;
    const auto table = test::runTsharkFields(
        path, {"frame.interface_name", "radiotap.channel.freq", "radiotap.dbm_antsignal", "eth.type", "_ws.malformed"},
        {}, error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), std::size_t{36});
    std::map<std::string, std::set<std::string>> frequencies;
    std::size_t dsFrames = 0;
    for (const auto& row : table->rows) {
      QCOMPARE(row[4], std::string());
      if (row[0] == "ds") {
        ++dsFrames;
        QCOMPARE(row[3], std::string("0x0800"));
      } else {
        frequencies[row[0]].insert(row[1]);
      }
    }
    QCOMPARE(dsFrames, std::size_t{18});
    QCOMPARE(frequencies["air-ch1"], std::set<std::string>{"2412"});
    QCOMPARE(frequencies["air-ch6"], std::set<std::string>{"2437"});
    QCOMPARE(frequencies["air-ch11"], std::set<std::string>{"2462"});
    // ap1's third frame, at 20.01 s: the station started at 1 s, paused 2 s, walked 17.01 s at 1.25 m/s:
    // x = 21.2625 m, 5 m off the APs' line and 3 m below them. ch1: 20 dBm - (40 + 30 log10(d)),
    // d = sqrt(21.2625^2 + 5^2 + 3^2) = 22.05 m: -60.3 dBm, written as -60.
    const double d = std::sqrt(21.2625 * 21.2625 + 25.0 + 9.0);
    const long expected = std::lround(20.0 - (40.0 + 30.0 * std::log10(d)));
    bool found = false;
    std::size_t ch1Index = 0;
    for (const auto& row : table->rows)
      if (row[0] == "air-ch1" && ch1Index++ == 2) {
        QCOMPARE(row[2], std::to_string(expected));
        found = true;
      }
    QVERIFY(found);
  }
};

QTEST_GUILESS_MAIN(TestSimCapture)
#include "tst_sim_capture.moc"
