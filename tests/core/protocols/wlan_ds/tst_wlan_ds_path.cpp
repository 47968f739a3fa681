// SPDX-License-Identifier: GPL-3.0-or-later
// The distribution system end to end, from a scenario file: two APs and the
// RADIUS server on links to the switch "ds", the reference cost profile, a
// SPAN capture point ("toward": "ds") and one recording both directions.
// ap1 authenticates a station through the switch. Checks: the Access-Accept
// arrives; the switch learned the AP and the server on their ports (and
// flooded only until it had); the SPAN point holds each frame once, the other
// twice; the replies left after the reference profile's costs; the same seed
// under the seeded OpenSSL RNG gives the same pcapng; tshark reads the SPAN
// capture as one RADIUS conversation without duplicates or expert errors.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/wlan/ethernet_switch.h"
#include "core/protocols/wlan/radius_server.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "core/sim/deterministic_openssl_random.h"
#include "core/sim/scenario.h"
#include "core/sim/simulation.h"
#include "dissectors/radius/radius.h"
#include "tests/core/protocols/wlan_ds/radius_test_client.h"
#include "tests/support/tshark_fields.h"

using namespace rs;
using namespace rs::sim;

namespace {

constexpr char kSecret[] = "ds-secret";

// `withBothWays` adds the capture point without "toward".
std::string scenarioText(bool withBothWays) {
  return std::string(R"({
  "name": "ds-path", "seed": 7,
  "nodes": [
    {"name": "ap1", "role": "access-point", "mac": "02:00:00:00:00:01", "ipv4": "10.0.0.11"},
    {"name": "ap2", "role": "access-point", "mac": "02:00:00:00:00:02", "ipv4": "10.0.0.12"},
    {"name": "ds", "role": "switch"},
    {"name": "radius", "role": "authentication-server", "mac": "02:00:00:00:00:20", "ipv4": "10.0.0.2"}
  ],
  "links": [
    {"name": "ds-ap1", "a": "ap1", "b": "ds", "delay_us": 50, "bandwidth_mbps": 1000},
    {"name": "ds-ap2", "a": "ap2", "b": "ds", "delay_us": 50, "bandwidth_mbps": 1000},
    {"name": "ds-radius", "a": "ds", "b": "radius", "delay_us": 200, "bandwidth_mbps": 100}
  ],
  "capture_points": [
    {"name": "span", "links": ["ds-ap1", "ds-ap2", "ds-radius"], "toward": "ds"})") +
         (withBothWays ? R"(,
    {"name": "both-ways", "links": ["ds-ap1", "ds-ap2", "ds-radius"]})"
                       : "") +
         R"(
  ],
  "profile": {"file": "../../../../resources/profiles/reference.json"}
})";
}

// One run: the scenario, the switch, the server, and ap1 authenticating through them.
struct DsRun {
  Simulation sim;
  std::unique_ptr<wlan::EthernetSwitch> bridge;
  std::unique_ptr<wlan::RadiusServer> radius;
  std::unique_ptr<test::RadiusTestClient> ap1;

  DsRun(const Scenario& scenario, const eap::TestPki& pki, FrameSink* sink) : sim(scenario) {
    sim.setFrameSink(sink);
    const NodeId ds = *sim.topology().find("ds");
    const NodeId server = *sim.topology().find("radius");
    const NodeId ap = *sim.topology().find("ap1");
    bridge = std::make_unique<wlan::EthernetSwitch>(sim, ds);
    wlan::RadiusServerSettings settings;
    settings.sharedSecret = kSecret;
    radius = std::make_unique<wlan::RadiusServer>(sim, server, settings, pki);
    const Node& apNode = sim.topology().node(ap);
    const Node& serverNode = sim.topology().node(server);
    ap1 =
        std::make_unique<test::RadiusTestClient>(sim, ap, wlan::UdpEndpoint{apNode.mac, *apNode.ipv4, 40001},
                                                 wlan::UdpEndpoint{serverNode.mac, *serverNode.ipv4, radius::kAuthPort},
                                                 kSecret, test::testPeerConfig(pki, pki, eap::TlsVersion::Tls12));
    // ap2 only listens: it sees what the switch floods.
    sim.linksOf(*sim.topology().find("ap2")).front()->setReceiver(*sim.topology().find("ap2"), [](const WireDelivery&) {
    });
  }
};

Scenario loadText(bool withBothWays) {
  // The file name anchors the profile's relative path: this folder of the source tree.
  const std::string file = std::string(ROAMSCOPE_SOURCE_DIR) + "/tests/core/protocols/wlan_ds/ds_path.json";
  auto result = parseScenario(scenarioText(withBothWays), file);
  if (auto* e = std::get_if<ConfigError>(&result)) throw std::runtime_error(e->message());
  return std::get<Scenario>(std::move(result));
}

const eap::TestPki& pki() {
  static const eap::TestPki p = eap::makeTestPki("RoamScope DS").value();
  return p;
}

Bytes fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t seededRunToFile(std::uint64_t seed, const std::string& path) {
  ScopedDeterministicOpensslRandom deterministic(seed);
  const eap::TestPki seededPki = eap::makeTestPki("seeded DS").value();
  auto created = PcapngFrameSink::create(path, "tst_wlan_ds_path");
  auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
  {
    DsRun run(loadText(false), seededPki, &sink);
    if (run.ap1->authenticate() != radius::code::kAccessAccept) return 0;
    run.sim.setFrameSink(nullptr);
  }
  return sink.close() ? sink.framesWritten() : 0;
}

}  // namespace

class TestWlanDsPath : public QObject {
  Q_OBJECT
 private slots:
  void authenticationThroughTheSwitch() {
    MemoryFrameSink sink;
    DsRun run(loadText(true), pki(), &sink);
    QCOMPARE(run.ap1->authenticate(), radius::code::kAccessAccept);
    const std::size_t rounds = run.ap1->rounds.size();
    QVERIFY(rounds >= 5);
    QCOMPARE(run.radius->accepts(), std::size_t{1});

    // The switch learned both ends; only the first request (server unknown) was flooded.
    QCOMPARE(run.bridge->portOf(MacAddress{{0x02, 0, 0, 0, 0, 0x01}}), run.sim.link("ds-ap1"));
    QCOMPARE(run.bridge->portOf(MacAddress{{0x02, 0, 0, 0, 0, 0x20}}), run.sim.link("ds-radius"));
    QCOMPARE(run.bridge->framesFlooded(), std::size_t{1});
    QCOMPARE(run.bridge->framesForwarded(), 2 * rounds - 1);

    // SPAN ("toward": "ds"): each request and reply once; both ways: each twice (in and out of the switch).
    std::size_t span = 0, bothWays = 0;
    for (const auto& f : sink.frames) (f.point == 0 ? span : bothWays) += 1;
    QCOMPARE(span, 2 * rounds);
    QCOMPARE(bothWays, 4 * rounds + 1);  // + the flooded copy of the first request toward ap2

    // Reply time: AP -> switch -> server -> switch -> AP, plus the server's costs from the reference profile.
    const CostProfile& costs = run.sim.costs();
    const SimTime radiusCost = costs.cost(wlan::cost::kRadiusProcessing);
    const SimTime first = run.ap1->rounds.front().reply->time - run.ap1->rounds.front().sent;
    QVERIFY(first > radiusCost + 2 * (microseconds(50) + microseconds(200)));
    QVERIFY(first < radiusCost + 2 * (microseconds(50) + microseconds(200)) + microseconds(200));
  }

  void seededRunsAreByteIdentical() {
    QTemporaryDir dir;
    const std::string a = dir.filePath("a.pcapng").toStdString();
    const std::string b = dir.filePath("b.pcapng").toStdString();
    const std::size_t frames = seededRunToFile(3, a);
    QVERIFY(frames >= 10);
    QCOMPARE(seededRunToFile(3, b), frames);
    QVERIFY(fileBytes(a) == fileBytes(b));
  }

  // tshark sees one conversation on the SPAN interface: no request or response twice.
  void tsharkSeesEachPacketOnce() {
    if (!test::tsharkAvailable()) QSKIP("tshark is not installed (scripts/install-deps.sh --test installs it)");
    QTemporaryDir dir;
    const std::string path = dir.filePath("span.pcapng").toStdString();
    std::size_t rounds = 0;
    {
      auto created = PcapngFrameSink::create(path, "tst_wlan_ds_path");
      auto& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
      DsRun run(loadText(false), pki(), &sink);
      QCOMPARE(run.ap1->authenticate(), radius::code::kAccessAccept);
      rounds = run.ap1->rounds.size();
      run.sim.setFrameSink(nullptr);
      QVERIFY(sink.close());
    }
    QString error;
    const auto table = test::runTsharkFields(
        path,
        {"frame.interface_name", "radius.code", "radius.req.dup", "radius.rsp.dup", "radius.authenticator.valid",
         "_ws.malformed", "_ws.expert.severity"},
        {"-o", QStringLiteral("radius.shared_secret:%1").arg(kSecret), "-o", "radius.validate_authenticator:TRUE"},
        error);
    QVERIFY2(table.has_value(), qPrintable(error));
    QCOMPARE(table->rows.size(), 2 * rounds);
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      const auto& row = table->rows[i];
      QCOMPARE(row[0], std::string("span"));
      QCOMPARE(row[1], std::string(i % 2 == 0 ? "1" : (i + 1 == table->rows.size() ? "2" : "11")));
      QCOMPARE(row[2], std::string());  // Wireshark would flag a request seen twice
      QCOMPARE(row[3], std::string());
      if (i % 2 == 1) QCOMPARE(row[4], std::string("1"));
      QCOMPARE(row[5], std::string());
      QVERIFY2(row[6].find("6291456") == std::string::npos && row[6].find("8388608") == std::string::npos,
               row[6].c_str());
    }
  }
};

QTEST_GUILESS_MAIN(TestWlanDsPath)
#include "tst_wlan_ds_path.moc"
