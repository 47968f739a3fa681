// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario files: a complete good file read field by field (and built into a
// Simulation), and bad files whose every error message is checked whole.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <string>

#include "core/sim/scenario.h"
#include "core/sim/simulation.h"

using namespace rs;
using namespace rs::sim;

namespace {

std::string dataPath(const std::string& name) {
  return std::string(ROAMSCOPE_SOURCE_DIR) + "/tests/core/sim/data/" + name;
}

// A minimal valid document with `extra` spliced in after the nodes.
std::string withNodes(const std::string& nodes, const std::string& extra = {}) {
  return "{\"nodes\": " + nodes + (extra.empty() ? "" : ", " + extra) + "}";
}

const std::string kApAndSta =
    R"([{"name": "ap1", "role": "access-point", "channel": 1}, {"name": "sta", "role": "station"}])";
const std::string kChannel1 = R"("media": [{"name": "ch1", "channel": 1}])";

}  // namespace

class TestSimScenario : public QObject {
  Q_OBJECT
 private slots:
  void goodFileLoads() {
    const auto result = loadScenario(dataPath("three_ap_ess.json"));
    if (const auto* e = std::get_if<ConfigError>(&result)) QFAIL(e->message().c_str());
    const Scenario& s = std::get<Scenario>(result);
    QCOMPARE(s.name, std::string("three-ap-ess"));
    QCOMPARE(s.seed, std::uint64_t{20260101});
    QCOMPARE(*s.duration, seconds(90));
    QCOMPARE(s.nodes.size(), std::size_t{6});
    QCOMPARE(s.nodes[0].role, NodeRole::Station);
    QCOMPARE(s.nodes[0].position, (Position{0, 5, 0}));
    QCOMPARE(s.nodes[0].mac.toString(), std::string("02:00:00:00:01:00"));
    QCOMPARE(*s.nodes[0].ipv4, std::uint32_t{0x0a000164});
    QCOMPARE(s.nodes[2].position, (Position{40, 0, 3}));
    QCOMPARE(*s.nodes[2].channel, 6u);
    QCOMPARE(s.nodes[4].role, NodeRole::Switch);
    QCOMPARE(s.nodes[4].mac.toString(), std::string("02:52:53:00:00:04"));  // default: 02:52:53 + index
    QCOMPARE(s.nodes[5].role, NodeRole::AuthenticationServer);

    QCOMPARE(s.media.size(), std::size_t{3});
    QCOMPARE(*s.media[0].pathLoss.referenceLossDb, 40.0);
    QCOMPARE(s.media[0].defaultRate, std::uint8_t{12});
    QCOMPARE(s.media[1].band, Band::Ghz2_4);
    QCOMPARE(s.media[1].txPowerDbm, 17.0);
    QCOMPARE(s.media[1].noiseFloorDbm, -93.0);
    QCOMPARE(*s.media[1].loss.snrAtHalfLossDb, 6.0);
    QCOMPARE(s.media[1].loss.slopeDb, 1.5);
    QCOMPARE(s.media[2].loss.fixedRate, 0.01);
    QCOMPARE(s.media[2].defaultRate, std::uint8_t{2});

    QCOMPARE(s.links.size(), std::size_t{4});
    QCOMPARE(s.links[0].a, NodeId{1});
    QCOMPARE(s.links[0].b, NodeId{4});
    QCOMPARE(s.links[0].jitter, microseconds(10));
    QCOMPARE(s.links[3].delay, SimTime{250'500});
    QCOMPARE(s.links[3].bandwidthBps, 100e6);
    QCOMPARE(s.links[3].lossRate, 0.001);

    QCOMPARE(s.captures.size(), std::size_t{4});
    QCOMPARE(*s.captures[0].medium, std::size_t{0});
    QCOMPARE(*s.captures[0].observer, NodeId{0});
    QCOMPARE(s.captures[2].position, (Position{40, 10, 0}));
    QCOMPARE(s.captures[3].links, (std::vector<std::size_t>{0, 1, 2, 3}));

    QCOMPARE(s.mobility.size(), std::size_t{1});
    // Starts at 1 s, pauses 2 s, walks 80 m at 1.25 m/s: arrives at 67 s.
    QCOMPARE(s.mobility[0].path.arrival(), seconds(67));

    // The file's costs scaled by the scenario's factor 2; aes-wrap overridden inline.
    QCOMPARE(s.profile.name, std::string("reference"));
    QCOMPARE(s.profile.cost("pbkdf2"), SimTime{4'800'000});
    QCOMPARE(s.profile.cost("aes-wrap"), SimTime{8'000});
    QCOMPARE(s.methods["roam_threshold_dbm"].get<int>(), -70);
    QCOMPARE(s.methods["ess"]["ssid"].get<std::string>(), std::string("roam"));
  }

  void simulationFromScenario() {
    const auto result = loadScenario(dataPath("three_ap_ess.json"));
    QVERIFY(std::holds_alternative<Scenario>(result));
    Simulation sim(std::get<Scenario>(result));
    QCOMPARE(sim.seed(), std::uint64_t{20260101});
    QCOMPARE(sim.topology().size(), std::size_t{6});
    QCOMPARE(sim.media().size(), std::size_t{3});
    QCOMPARE(sim.links().size(), std::size_t{4});
    QCOMPARE(sim.mediumOnChannel(6)->frequencyMhz(), std::uint16_t{2437});
    QCOMPARE(sim.linksOf(*sim.topology().find("ds")).size(), std::size_t{4});
    QVERIFY(sim.link("ds-radius") != nullptr);
    QCOMPARE(sim.captures().points().size(), std::size_t{4});
    QCOMPARE(sim.captures().points()[3].linkType, LinkType::Ethernet);
    QCOMPARE(sim.captures().points()[0].description, std::string("channel 1 (2412 MHz), signal as heard at sta"));
    // The station walks: at 1 + 2 + 32 s it is 40 m along, beside ap2.
    QCOMPARE(sim.topology().positionAt(0, seconds(35)), (Position{40, 5, 0}));
    // Processing: two costs charged at once to one node run one after the other.
    const SimTime first = sim.charge(1, "hmac-sha1");
    const SimTime second = sim.charge(1, "hmac-sha1");
    QCOMPARE(first, SimTime{1800});
    QCOMPARE(second, SimTime{3600});
    QCOMPARE(sim.charge(2, "hmac-sha1"), SimTime{1800});  // another node is free
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, sim.charge(1, "no-such-cost"));
    Simulation reseeded(std::get<Scenario>(result), 5);
    QCOMPARE(reseeded.seed(), std::uint64_t{5});
  }

  void badFileOnDisk() {
    const std::string path = dataPath("bad_channel.json");
    const auto result = loadScenario(path);
    QVERIFY(std::holds_alternative<ConfigError>(result));
    QCOMPARE(std::get<ConfigError>(result).message(),
             path + ": /media/1/channel: expected an integer 1..233, found \"six\"");
  }

  void missingFile() {
    const auto result = loadScenario("/nonexistent/scenario.json");
    QCOMPARE(std::get<ConfigError>(result).message(),
             std::string("/nonexistent/scenario.json: expected a readable file, found none (it cannot be opened)"));
  }

  void badDocuments_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const std::string& text, const std::string& message) {
      QTest::newRow(name) << QString::fromStdString(text) << QString::fromStdString("scenario.json: " + message);
    };
    row("syntax error", "{\"nodes\": [", "expected a JSON document, found a syntax error at byte 12");
    row("not an object", "[1, 2]", "expected an object, found an array");
    row("no nodes", "{\"seed\": 3}", "/nodes: expected a value (the key is required), found nothing");
    row("empty nodes", "{\"nodes\": []}", "/nodes: expected an array with at least one node, found an empty array");
    row("unknown top-level key", withNodes(kApAndSta, "\"sead\": 4"),
        "/sead: expected one of the keys name, description, seed, duration_s, nodes, media, links, capture_points, "
        "mobility, profile, methods, found the key \"sead\"");
    row("unknown node key", withNodes(R"([{"name": "a", "role": "station", "postion": [1, 2]}])"),
        "/nodes/0/postion: expected one of the keys name, role, position, mac, ipv4, channel, band, found the key "
        "\"postion\"");
    row("bad role", withNodes(R"([{"name": "r", "role": "router"}])"),
        "/nodes/0/role: expected one of " + nodeRoleNames() + ", found \"router\"");
    row("duplicate node", withNodes(R"([{"name": "a", "role": "station"}, {"name": "a", "role": "station"}])"),
        "/nodes/1/name: expected a name not used by an earlier node, found \"a\"");
    row("empty name", withNodes(R"([{"name": "", "role": "station"}])"),
        "/nodes/0/name: expected a non-empty string, found \"\"");
    row("bad position", withNodes(R"([{"name": "a", "role": "station", "position": [1]}])"),
        "/nodes/0/position: expected a position [x, y] or [x, y, z] in metres, found an array");
    row("bad coordinate", withNodes(R"([{"name": "a", "role": "station", "position": [1, "2"]}])"),
        "/nodes/0/position/1: expected a number, found \"2\"");
    row("bad mac", withNodes(R"([{"name": "a", "role": "station", "mac": "02:00"}])"),
        "/nodes/0/mac: expected a MAC address like \"02:00:00:00:00:01\", found \"02:00\"");
    row("bad ipv4", withNodes(R"([{"name": "a", "role": "station", "ipv4": "10.0.0.256"}])"),
        "/nodes/0/ipv4: expected an IPv4 address like \"10.0.0.1\", found \"10.0.0.256\"");
    row("channel not a number", withNodes(kApAndSta, R"("media": [{"name": "ch1", "channel": "six"}])"),
        "/media/0/channel: expected an integer 1..233, found \"six\"");
    // 0 parses as an unsigned JSON number: the lower bound must still hold.
    row("channel zero", withNodes(kApAndSta, R"("media": [{"name": "ch1", "channel": 0}])"),
        "/media/0/channel: expected an integer 1..233, found 0");
    row("channel outside 2.4 GHz",
        withNodes(
            kApAndSta,
            R"("media": [{"name": "ch1", "channel": 1, "band": "2.4"}, {"name": "x", "channel": 15, "band": "2.4"}])"),
        "/media/1/channel: expected an integer 1..14 (a channel of the 2.4 GHz band), found 15");
    row("bad band", withNodes(kApAndSta, R"("media": [{"name": "ch1", "channel": 1, "band": 2.4}])"),
        "/media/0/band: expected one of \"2.4\", \"5\", \"6\", found 2.4");
    row("ap channel without medium", withNodes(kApAndSta, R"("media": [{"name": "ch6", "channel": 6}])"),
        "/nodes/0/channel: expected the channel of a medium in /media (6), found 1");
    row("bad rate", withNodes(kApAndSta, R"("media": [{"name": "ch1", "channel": 1, "rate_mbps": 7}])"),
        "/media/0/rate_mbps: expected an 802.11 rate in Mb/s: 1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48 or 54, found 7");
    row("loss above 1", withNodes(kApAndSta, R"("media": [{"name": "ch1", "channel": 1, "loss": {"fixed": 1.5}}])"),
        "/media/0/loss/fixed: expected a number 0..1, found 1.5");
    row("link to unknown node",
        withNodes(kApAndSta, kChannel1 + R"(, "links": [{"name": "l", "a": "ap1", "b": "ap9"}])"),
        "/links/0/b: expected the name of a node in /nodes, found \"ap9\"");
    row("link without end", withNodes(kApAndSta, kChannel1 + R"(, "links": [{"name": "l", "a": "ap1"}])"),
        "/links/0/b: expected a value (the key is required), found nothing");
    row("negative delay",
        withNodes(kApAndSta, kChannel1 + R"(, "links": [{"name": "l", "a": "ap1", "b": "sta", "delay_us": -5}])"),
        "/links/0/delay_us: expected a number >= 0, found -5");
    row("capture both kinds",
        withNodes(kApAndSta, kChannel1 + R"(, "capture_points": [{"name": "c", "medium": "ch1", "links": ["x"]}])"),
        "/capture_points/0: expected an object with either \"medium\" (an air capture point) or \"links\" (a wired "
        "one), "
        "found an object");
    row("capture unknown medium",
        withNodes(kApAndSta, kChannel1 + R"(, "capture_points": [{"name": "c", "medium": "ch2"}])"),
        "/capture_points/0/medium: expected the name of an entry of /media, found \"ch2\"");
    const std::string kSwitched =
        R"([{"name": "ap1", "role": "access-point"}, {"name": "ds", "role": "switch"},
            {"name": "radius", "role": "authentication-server"}])";
    const std::string kSwitchedLinks =
        R"("links": [{"name": "ds-ap1", "a": "ap1", "b": "ds"}, {"name": "ds-radius", "a": "ds", "b": "radius"}])";
    row("toward a node off a listed link",
        withNodes(kSwitched, kSwitchedLinks + R"(, "capture_points": [{"name": "c", "links": ["ds-ap1", "ds-radius"],
                                                   "toward": "ap1"}])"),
        "/capture_points/0/toward: expected a node at an end of every listed link (link \"ds-radius\" joins ds and "
        "radius), found \"ap1\"");
    row("toward an unknown node",
        withNodes(kSwitched, kSwitchedLinks + R"(, "capture_points": [{"name": "c", "links": ["ds-ap1"], "toward": "x"}])"),
        "/capture_points/0/toward: expected the name of a node in /nodes, found \"x\"");
    row("toward on an air point",
        withNodes(kApAndSta, kChannel1 + R"(, "capture_points": [{"name": "c", "medium": "ch1", "toward": "sta"}])"),
        "/capture_points/0/toward: expected no \"toward\" on an air capture point (it selects a wired direction), "
        "found \"sta\"");
    row("zero speed",
        withNodes(
            kApAndSta,
            kChannel1 +
                R"(, "mobility": [{"node": "sta", "waypoints": [{"position": [0, 0]}, {"position": [5, 0], "speed_mps": 0}]}])"),
        "/mobility/0/waypoints/1/speed_mps: expected a number > 0, found 0");
    row("missing speed",
        withNodes(kApAndSta,
                  kChannel1 +
                      R"(, "mobility": [{"node": "sta", "waypoints": [{"position": [0, 0]}, {"position": [5, 0]}]}])"),
        "/mobility/0/waypoints/1/speed_mps: expected a value (the key is required), found nothing");
    row("ap channel without any medium", withNodes(kApAndSta),
        "/nodes/0/channel: expected a channel of a medium in /media (there is none), found 1");
    row("negative seed", withNodes(kApAndSta, kChannel1 + ", \"seed\": -1"),
        "/seed: expected an integer 0..18446744073709551615, found -1");
    row("negative cost", withNodes(kApAndSta, kChannel1 + R"(, "profile": {"costs_ns": {"pbkdf2": -3}})"),
        "/profile/costs_ns/pbkdf2: expected an integer >= 0, found -3");
    row("methods not an object", withNodes(kApAndSta, kChannel1 + ", \"methods\": 3"),
        "/methods: expected an object, found 3");
  }
  // A SPAN-like point ("toward" the switch on both of its links) records a
  // frame that crosses the switch once; the point without "toward" twice.
  void captureTowardTheSwitch() {
    const auto result = parseScenario(
        R"({"nodes": [{"name": "ap1", "role": "access-point"}, {"name": "ds", "role": "switch"},
                      {"name": "radius", "role": "authentication-server"}],
            "links": [{"name": "ds-ap1", "a": "ap1", "b": "ds", "delay_us": 50},
                      {"name": "ds-radius", "a": "ds", "b": "radius", "delay_us": 50}],
            "capture_points": [{"name": "span", "links": ["ds-ap1", "ds-radius"], "toward": "ds"},
                               {"name": "all", "links": ["ds-ap1", "ds-radius"]}]})",
        "scenario.json");
    if (const auto* e = std::get_if<ConfigError>(&result)) QFAIL(e->message().c_str());
    QCOMPARE(*std::get<Scenario>(result).captures[0].toward, NodeId{1});
    QVERIFY(!std::get<Scenario>(result).captures[1].toward);
    Simulation sim(std::get<Scenario>(result));
    QCOMPARE(sim.captures().points()[0].description, std::string("wired links ds-ap1, ds-radius, frames toward ds"));
    QCOMPARE(sim.captures().points()[1].description, std::string("wired links ds-ap1, ds-radius"));
    MemoryFrameSink sink;
    sim.setFrameSink(&sink);
    WiredLink& apLink = *sim.link("ds-ap1");
    WiredLink& serverLink = *sim.link("ds-radius");
    // The switch relays every frame to its other link; the server answers once.
    apLink.setReceiver(1, [&](const WireDelivery& d) { serverLink.transmit(1, toBytes(d.frame)); });
    serverLink.setReceiver(1, [&](const WireDelivery& d) { apLink.transmit(1, toBytes(d.frame)); });
    serverLink.setReceiver(2, [&](const WireDelivery&) { serverLink.transmit(2, Bytes(60, 0xbb)); });
    apLink.setReceiver(0, [](const WireDelivery&) {});
    apLink.transmit(0, Bytes(60, 0xaa));
    sim.scheduler().run();
    std::vector<int> span, all;
    for (const auto& f : sink.frames) (f.point == 0 ? span : all).push_back(f.bytes[0]);
    QCOMPARE(span, (std::vector<int>{0xaa, 0xbb}));
    QCOMPARE(all, (std::vector<int>{0xaa, 0xaa, 0xbb, 0xbb}));
  }

  void badDocuments() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto result = parseScenario(text.toStdString(), "scenario.json");
    QVERIFY2(std::holds_alternative<ConfigError>(result), "the document was accepted");
    QCOMPARE(QString::fromStdString(std::get<ConfigError>(result).message()), message);
  }

  void missingProfileFileIsNamed() {
    const auto result =
        parseScenario(withNodes(kApAndSta, kChannel1 + R"(, "profile": {"file": "nope.json"})"), "scenario.json");
    QCOMPARE(std::get<ConfigError>(result).message(),
             std::string("scenario.json: /profile/file: expected a readable profile file, found \"nope.json\", which "
                         "cannot be opened"));
  }

  // An error inside a referenced profile file names that file and its key.
  void badProfileFileIsNamed() {
    QTemporaryDir dir;
    const std::string scenarioPath = dir.filePath("scenario.json").toStdString();
    const std::string profilePath = dir.filePath("slow.json").toStdString();
    std::ofstream(profilePath) << R"({"name": "slow", "costs_ns": {"pbkdf2": "fast"}})";
    std::ofstream(scenarioPath) << withNodes(kApAndSta, kChannel1 + R"(, "profile": {"file": "slow.json"})");
    const auto result = loadScenario(scenarioPath);
    QCOMPARE(std::get<ConfigError>(result).message(),
             profilePath + ": /costs_ns/pbkdf2: expected an integer >= 0, found \"fast\"");
  }

  // Trace events reach every sink; key-derivation secrets are masked unless revealed.
  void traceEventsAndMasking() {
    Simulation sim(1);
    const NodeId ha = sim.topology().addNode(Node{kNoNode, "ha", NodeRole::HomeAgent, {}, {}, {}, {}});
    MemoryTraceSink first, second;
    sim.addTraceSink(&first);
    sim.addTraceSink(&second);
    sim.scheduler().scheduleAt(milliseconds(3), EventDescriptor{}, [&] {
      KeyDerivationRecord record;
      record.name = "Skey = HMAC-MD5(x'', challenge || response)";
      const Bytes challenge{0x01, 0x02, 0x03, 0x04};
      const Bytes key(16, 0xaa);
      record.inputs.push_back(LabelledBytes{"challenge", rs::crypto::SecretBytes(challenge), false});
      record.outputs.push_back(LabelledBytes{"Skey", rs::crypto::SecretBytes(key), true});
      sim.trace(TraceEvent{sim.now(), ha, TraceKind::KeyDerivation, "HA derived Skey", std::move(record)});
    });
    sim.scheduler().run();
    QCOMPARE(first.events.size(), std::size_t{1});
    QCOMPARE(second.events.size(), std::size_t{1});
    const TraceEvent& e = first.events[0];
    QCOMPARE(e.time, milliseconds(3));
    QCOMPARE(e.node, ha);
    QCOMPARE(traceKindName(e.kind), std::string_view("key-derivation"));
    QCOMPARE(displayValue(e.derivation->inputs[0], false), std::string("01020304"));
    const std::string masked = displayValue(e.derivation->outputs[0], false);
    QVERIFY(masked.find("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") == std::string::npos);
    QCOMPARE(masked, rs::crypto::maskedHex(Bytes(16, 0xaa)));
    QCOMPARE(displayValue(e.derivation->outputs[0], true), std::string(32, 'a'));
  }
};

QTEST_GUILESS_MAIN(TestSimScenario)
#include "tst_sim_scenario.moc"
