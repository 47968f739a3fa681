// SPDX-License-Identifier: GPL-3.0-or-later
// The methods.mip section: a complete good document read field by field, the
// defaults a minimal one gets, and bad documents whose every error message is
// checked whole (file, JSON Pointer, expected, found).
#include <QtTest>
#include <string>

#include "core/protocols/mip/mip_settings.h"
#include "core/sim/scenario.h"

using namespace rs;
using namespace rs::mip;
using namespace rs::sim;

namespace {

// Node i has NodeId i: mn1 0, mn2 1, ha1 2, ha2 3, fa1 4, fa2 5, aaa 6, dc 7, sw 8, mn3 9.
const std::string kNodes = R"([
  {"name": "mn1", "role": "station", "ipv4": "10.1.0.10"},
  {"name": "mn2", "role": "station", "ipv4": "10.1.0.11"},
  {"name": "ha1", "role": "home-agent", "ipv4": "10.1.0.1"},
  {"name": "ha2", "role": "home-agent", "ipv4": "10.1.0.2"},
  {"name": "fa1", "role": "foreign-agent", "ipv4": "10.2.0.1"},
  {"name": "fa2", "role": "foreign-agent", "ipv4": "10.3.0.1"},
  {"name": "aaa", "role": "home-aaa", "ipv4": "10.0.0.5"},
  {"name": "dc", "role": "domain-controller", "ipv4": "10.0.0.6"},
  {"name": "sw", "role": "switch"},
  {"name": "mn3", "role": "station"}])";

// Link i: home1 0, visit1 1, visit2 2, home2 3, visit2b 4, ha1-sw 5, aaa-sw 6.
const std::string kLinks = R"([
  {"name": "home1", "a": "mn1", "b": "ha1"},
  {"name": "visit1", "a": "mn1", "b": "fa1"},
  {"name": "visit2", "a": "fa2", "b": "mn1"},
  {"name": "home2", "a": "mn2", "b": "ha2"},
  {"name": "visit2b", "a": "mn2", "b": "fa2"},
  {"name": "ha1-sw", "a": "ha1", "b": "sw"},
  {"name": "aaa-sw", "a": "aaa", "b": "sw"}])";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// The scenario with `methods` = {"mip": mip}, over `nodes`.
std::string withMip(const std::string& mip, const std::string& nodes = kNodes) {
  return R"({"nodes": )" + nodes + R"(, "links": )" + kLinks + R"(, "methods": {"mip": )" + mip + "}}";
}

const std::string kHomeStep = R"([{"at_s": 0, "link": "home1"}])";

// One mobile on mn1 with `fields` added, and `top` added to the section.
std::string mobileWith(const std::string& fields, const std::string& top = {},
                       const std::string& itinerary = kHomeStep) {
  return R"({"mobiles": [{"node": "mn1", "home_agents": ["ha1"], "itinerary": )" + itinerary +
         (fields.empty() ? "" : ", " + fields) + "}]" + (top.empty() ? "" : ", " + top) + "}";
}

std::string section(const std::string& top) { return withMip(mobileWith({}, top)); }

MipSettingsResult readText(const std::string& text) {
  const auto scenario = parseScenario(text, "scenario.json");
  if (const auto* e = std::get_if<ConfigError>(&scenario))
    return ConfigError{"scenario parse failed", "", e->message(), ""};
  return readMipSettings(std::get<Scenario>(scenario));
}

MipSettings readGood(const std::string& text) {
  auto result = readText(text);
  if (const auto* e = std::get_if<ConfigError>(&result)) qFatal("%s", e->message().c_str());
  return std::get<MipSettings>(std::move(result));
}

Bytes hex(std::string_view text) {
  Bytes out;
  parseHex(text, out);
  return out;
}

const std::string kFull = R"({
  "key_mode": "static", "aaa_server": "aaa", "backbone": "sw", "aaa_secret": "s3cret",
  "external_aaa_server": "192.0.2.7:1812", "static_spi": 300, "skey_spi": 4096, "skey_prime_spi": 4294967295,
  "replay_window_s": 10, "lifetime_s": 120, "reregister_before_s": 7.5, "rekey_interval_s": 30,
  "advertisement_interval_ms": 2500, "advertisement_lifetime_s": 3, "solicit": false,
  "response_timeout_ms": 250, "retries": 4, "prefix_length": 16, "sa_nvram_bytes": 8000,
  "mobiles": [
    {"node": "mn1", "nai": "alice@home.example", "password": "pw-alice", "domain": "",
     "home_agents": ["ha1", "ha2"], "clock_offset_s": -2.5, "static_key": "00:11:22:33:44:55:66:77",
     "itinerary": [{"at_s": 0, "link": "home1"}, {"at_s": 10, "link": "visit1", "care_of": "foreign-agent"},
                   {"at_s": 20.5, "link": "visit2", "care_of": "colocated", "address": "10.3.0.50"},
                   {"at_s": 30, "detach": true}]},
    {"node": "mn2", "domain": "CORP", "home_agents": ["ha2"], "itinerary": [{"at_s": 1, "link": "home2"}]}],
  "users": [{"name": "alice", "password": "pw-alice"}, {"name": "bob", "password": "pw-bob"}],
  "faults": [{"at_s": 40, "kind": "home-agent-down", "node": "ha1"},
             {"at_s": 15, "kind": "replay-request", "node": "mn1"},
             {"at_s": 40, "kind": "replay-request", "node": "mn2"}]})";

}  // namespace

class TestMipSettings : public QObject {
  Q_OBJECT
 private slots:
  void names() {
    QCOMPARE(keyModeName(KeyMode::Dynamic), std::string_view("dynamic"));
    QCOMPARE(keyModeName(KeyMode::Static), std::string_view("static"));
    QCOMPARE(careOfModeName(CareOfMode::ForeignAgent), std::string_view("foreign-agent"));
    QCOMPARE(careOfModeName(CareOfMode::Colocated), std::string_view("colocated"));
    QCOMPARE(faultKindName(FaultKind::ReplayRequest), std::string_view("replay-request"));
    QCOMPARE(faultKindName(FaultKind::HomeAgentDown), std::string_view("home-agent-down"));
  }

  void isMipScenarioNeedsTheSection() {
    Scenario s;
    QVERIFY(!isMipScenario(s));
    s.methods = nlohmann::json{{"wlan", nlohmann::json::object()}};
    QVERIFY(!isMipScenario(s));
    s.methods["mip"] = nlohmann::json::object();
    QVERIFY(isMipScenario(s));
  }

  void fullDocumentReadsEveryField() {
    const MipSettings m = readGood(withMip(kFull));
    QCOMPARE(m.keys, KeyMode::Static);
    QCOMPARE(*m.aaaServer, NodeId{6});
    QCOMPARE(*m.backbone, NodeId{8});
    QCOMPARE(m.aaaSecret, std::string("s3cret"));
    QCOMPARE(m.externalAaaServer, std::string("192.0.2.7:1812"));
    QCOMPARE(m.staticSpi, 300u);
    QCOMPARE(m.skeySpi, 4096u);
    QCOMPARE(m.skeyPrimeSpi, 4294967295u);
    QCOMPARE(m.replayWindowSeconds, std::uint16_t{10});
    QCOMPARE(m.lifetimeSeconds, std::uint16_t{120});
    QCOMPARE(m.reregisterBefore, milliseconds(7500));
    QCOMPARE(*m.rekeyInterval, seconds(30));
    QCOMPARE(m.advertisementInterval, milliseconds(2500));
    QCOMPARE(m.advertisementLifetimeSeconds, std::uint16_t{3});
    QCOMPARE(m.solicit, false);
    QCOMPARE(m.responseTimeout, milliseconds(250));
    QCOMPARE(m.retries, 4u);
    QCOMPARE(m.prefixLength, std::uint8_t{16});
    QCOMPARE(m.saNvramBytes, std::size_t{8000});

    QCOMPARE(m.mobiles.size(), std::size_t{2});
    const MobileSettings& a = m.mobiles[0];
    QCOMPARE(a.node, NodeId{0});
    QCOMPARE(a.nai, std::string("alice@home.example"));
    QCOMPARE(a.password, std::string("pw-alice"));
    QCOMPARE(a.domain, std::string());
    QCOMPARE(a.homeAgents, (std::vector<NodeId>{2, 3}));
    QCOMPARE(a.clockOffsetSeconds, -2.5);
    QCOMPARE(a.staticKey, hex("0011223344556677"));
    QCOMPARE(a.itinerary.size(), std::size_t{4});
    QCOMPARE(a.itinerary[0].at, SimTime{0});
    QCOMPARE(*a.itinerary[0].link, std::size_t{0});
    QCOMPARE(a.itinerary[0].careOf, CareOfMode::ForeignAgent);
    QCOMPARE(a.itinerary[1].at, seconds(10));
    QCOMPARE(*a.itinerary[1].link, std::size_t{1});
    QCOMPARE(a.itinerary[2].at, milliseconds(20500));
    QCOMPARE(*a.itinerary[2].link, std::size_t{2});  // mn1 is end "b" of visit2
    QCOMPARE(a.itinerary[2].careOf, CareOfMode::Colocated);
    QCOMPARE(a.itinerary[2].colocatedAddress, std::uint32_t{0x0a030032});
    QCOMPARE(a.itinerary[3].at, seconds(30));
    QVERIFY(!a.itinerary[3].link);
    QCOMPARE(m.mobiles[1].domain, std::string("CORP"));
    QCOMPARE(*m.mobiles[1].itinerary[0].link, std::size_t{3});

    QCOMPARE(m.users.size(), std::size_t{2});
    QCOMPARE(m.users[1].name, std::string("bob"));
    QCOMPARE(m.users[1].password, std::string("pw-bob"));

    // Sorted by time; the two faults at 40 s stay in file order.
    QCOMPARE(m.faults.size(), std::size_t{3});
    QCOMPARE(m.faults[0].at, seconds(15));
    QCOMPARE(m.faults[0].kind, FaultKind::ReplayRequest);
    QCOMPARE(m.faults[0].node, NodeId{0});
    QCOMPARE(m.faults[1].kind, FaultKind::HomeAgentDown);
    QCOMPARE(m.faults[1].node, NodeId{2});
    QCOMPARE(m.faults[2].node, NodeId{1});
  }

  void minimalDocumentGetsDefaults() {
    const MipSettings m = readGood(withMip(
        R"({"mobiles": [{"node": "mn1", "home_agents": ["ha1"], "itinerary": [{"at_s": 0, "link": "home1"}]},
                        {"node": "mn2", "nai": "mn1@other.example", "password": "other", "home_agents": ["ha2"],
                         "itinerary": [{"at_s": 0, "link": "home2"}]}]})"));
    const MipSettings d;
    QCOMPARE(m.keys, KeyMode::Dynamic);
    QCOMPARE(*m.aaaServer, NodeId{6});  // the only home-aaa node
    QCOMPARE(*m.backbone, NodeId{8});   // the only switch
    QCOMPARE(m.aaaSecret, d.aaaSecret);
    QCOMPARE(m.staticSpi, 256u);
    QCOMPARE(m.skeySpi, 0x1000u);
    QCOMPARE(m.skeyPrimeSpi, 0x1001u);
    QCOMPARE(m.lifetimeSeconds, std::uint16_t{60});
    QCOMPARE(m.reregisterBefore, seconds(5));
    QCOMPARE(*m.rekeyInterval, seconds(20));
    QCOMPARE(m.advertisementInterval, seconds(1));
    QCOMPARE(m.solicit, true);
    QCOMPARE(m.retries, 2u);
    QCOMPARE(m.prefixLength, std::uint8_t{24});
    QCOMPARE(m.saNvramBytes, std::size_t{131072});

    const MobileSettings& a = m.mobiles[0];
    QCOMPARE(a.nai, std::string("mn1@roamscope.test"));
    QCOMPARE(a.password, std::string("roamscope-mn-password"));
    QCOMPARE(a.domain, std::string("ROAMSCOPE"));
    QCOMPARE(a.clockOffsetSeconds, 0.0);
    // MD5("mn1@roamscope.test"), computed independently.
    QCOMPARE(a.staticKey, hex("7bf0cc6e225d4d11dd0290f3d7da8dfa"));
    QCOMPARE(m.mobiles[1].staticKey.size(), std::size_t{16});

    // Both NAIs have the user "mn1": the first mobile's password wins.
    QCOMPARE(m.users.size(), std::size_t{1});
    QCOMPARE(m.users[0].name, std::string("mn1"));
    QCOMPARE(m.users[0].password, std::string("roamscope-mn-password"));
    QVERIFY(m.faults.empty());
  }

  void staticKeysNeedNoAaaServer() {
    const std::string twoAaa = replaced(kNodes, R"({"name": "sw")",
                                        R"({"name": "aaa2", "role": "home-aaa", "ipv4": "10.0.0.7"}, {"name": "sw")");
    const MipSettings m = readGood(withMip(mobileWith({}, R"("key_mode": "static")"), twoAaa));
    QVERIFY(!m.aaaServer);
    QCOMPARE(*m.backbone, NodeId{9});  // after aaa2
  }

  void foreignAgentChallenges() {
    const MipSettings off = readGood(section(""));
    QVERIFY(!off.faChallenge);
    QCOMPARE(off.challengeWindow, 2u);
    const MipSettings on = readGood(section(R"("fa_challenge": true, "challenge_window": 4)"));
    QVERIFY(on.faChallenge);
    QCOMPARE(on.challengeWindow, 4u);
  }

  void rekeyingCanBeSwitchedOff() {
    QVERIFY(!readGood(section(R"("rekey_interval_s": 0)")).rekeyInterval);
    QVERIFY(!readGood(section(R"("rekey_interval_s": false)")).rekeyInterval);
  }

  void badDocuments_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const std::string& text, const std::string& message) {
      QTest::newRow(name) << QString::fromStdString(text) << QString::fromStdString("scenario.json: " + message);
    };
    const std::string twoAaa = replaced(kNodes, R"({"name": "sw")",
                                        R"({"name": "aaa2", "role": "home-aaa", "ipv4": "10.0.0.7"}, {"name": "sw")");
    const std::string noSwitch = replaced(kNodes, R"("role": "switch")", R"("role": "application-server")");
    const std::string mobileAt = "/methods/mip/mobiles/0";

    row("no section", R"({"nodes": )" + kNodes + R"(, "methods": {"wlan": {}}})",
        "/methods/mip: expected a Mobile IP section, found nothing");
    row("section not an object", withMip("[]"), "/methods/mip: expected an object, found an array");
    row("unknown key", section(R"("lifetme_s": 30)"),
        "/methods/mip/lifetme_s: expected one of the keys key_mode, aaa_server, backbone, aaa_secret, "
        "external_aaa_server, domain_controller, dc_secret, fa_challenge, challenge_window, static_spi, skey_spi, "
        "skey_prime_spi, replay_window_s, lifetime_s, "
        "reregister_before_s, rekey_interval_s, advertisement_interval_ms, advertisement_lifetime_s, solicit, "
        "response_timeout_ms, retries, prefix_length, sa_nvram_bytes, mobiles, users, faults, found the key \"lifetme_s\"");
    row("bad key mode", section(R"("key_mode": "pre-shared")"),
        "/methods/mip/key_mode: expected one of \"dynamic\", \"static\", found \"pre-shared\"");
    row("aaa server of the wrong role", section(R"("aaa_server": "dc")"),
        "/methods/mip/aaa_server: expected the name of a node of role home-aaa, found \"dc\", a node of role "
        "domain-controller");
    row("two aaa servers, none named", withMip(mobileWith({}), twoAaa),
        "/methods/mip/aaa_server: expected a node of role home-aaa (the scenario has 2: name one), found nothing");
    // RFC 3012: the foreign agents ask the AAA server even with static keys, so it must be named then.
    row("fa challenges with static keys, two aaa servers",
        withMip(mobileWith({}, R"("key_mode": "static", "fa_challenge": true)"), twoAaa),
        "/methods/mip/aaa_server: expected a node of role home-aaa (the scenario has 2: name one), found nothing");
    row("challenge window 0", section(R"("fa_challenge": true, "challenge_window": 0)"),
        "/methods/mip/challenge_window: expected an integer 1..64, found 0");
    row("no switch", withMip(mobileWith({}), noSwitch),
        "/methods/mip/backbone: expected a node of role switch (the scenario has none), found nothing");
    row("unknown backbone", section(R"("backbone": "sw9")"),
        "/methods/mip/backbone: expected the name of a node of role switch, found \"sw9\", which names no node");
    row("reserved spi", section(R"("static_spi": 255)"),
        "/methods/mip/static_spi: expected an integer 256..4294967295, found 255");
    row("spi above 32 bits", section(R"("skey_spi": 4294967296)"),
        "/methods/mip/skey_spi: expected an integer 256..4294967295, found 4294967296");
    row("one spi for both skey sas", section(R"("skey_spi": 5000, "skey_prime_spi": 5000)"),
        "/methods/mip/skey_prime_spi: expected skey_spi != skey_prime_spi (one SPI per SA), found 5000");
    row("skey spi meets the default prime", section(R"("skey_spi": 4097)"),
        "/methods/mip/skey_spi: expected skey_spi != skey_prime_spi (one SPI per SA), found 4097");
    row("replay window zero", section(R"("replay_window_s": 0)"),
        "/methods/mip/replay_window_s: expected an integer 1..3600, found 0");
    row("infinite lifetime", section(R"("lifetime_s": 65535)"),
        "/methods/mip/lifetime_s: expected an integer 1..65534, found 65535");
    row("reregister at expiry", section(R"("reregister_before_s": 60)"),
        "/methods/mip/reregister_before_s: expected reregister_before_s < lifetime_s (the MN re-registers before "
        "its binding expires), found 60");
    row("lifetime below default reregister", section(R"("lifetime_s": 5)"),
        "/methods/mip/lifetime_s: expected reregister_before_s < lifetime_s (the MN re-registers before its "
        "binding expires), found 5");
    row("reregister zero", section(R"("reregister_before_s": 0)"),
        "/methods/mip/reregister_before_s: expected a number > 0, found 0");
    row("rekey true", section(R"("rekey_interval_s": true)"),
        "/methods/mip/rekey_interval_s: expected a number >= 0 (0 or false: never re-key), found true");
    row("advertisement outlived by its interval", section(R"("advertisement_interval_ms": 3001)"),
        "/methods/mip/advertisement_interval_ms: expected advertisement_lifetime_s >= advertisement_interval_ms "
        "(in seconds, rounded up: 4), found 3001");
    row("advertisement lifetime above RFC 1256", section(R"("advertisement_lifetime_s": 9001)"),
        "/methods/mip/advertisement_lifetime_s: expected an integer 1..9000, found 9001");
    row("solicit not a boolean", section(R"("solicit": "yes")"),
        "/methods/mip/solicit: expected true or false, found \"yes\"");
    row("domain controller of another role", section(R"("domain_controller": "ha1")"),
        "/methods/mip/domain_controller: expected the name of a node of role domain-controller, found \"ha1\", a node of role home-agent");
    row("nvram below one SA", section(R"("sa_nvram_bytes": 79)"),
        "/methods/mip/sa_nvram_bytes: expected an integer 80..1073741824, found 79");
    row("prefix too long", section(R"("prefix_length": 31)"),
        "/methods/mip/prefix_length: expected an integer 8..30, found 31");
    row("no mobiles", withMip("{}"), "/methods/mip/mobiles: expected a value (the key is required), found nothing");
    row("empty mobiles", withMip(R"({"mobiles": []})"),
        "/methods/mip/mobiles: expected an array with at least one mobile, found an empty array");
    row("mobile on a home agent", withMip(R"({"mobiles": [{"node": "ha1"}]})"),
        mobileAt + "/node: expected the name of a node of role station, found \"ha1\", a node of role home-agent");
    row("mobile without ipv4", withMip(R"({"mobiles": [{"node": "mn3"}]})"),
        mobileAt + "/node: expected a node of role station with an ipv4, found \"mn3\", which has none");
    row("nai without user", withMip(mobileWith(R"("nai": "@home.example")")),
        mobileAt + "/nai: expected a NAI like \"user@realm\" (RFC 2794), found \"@home.example\"");
    row("nai without at", withMip(mobileWith(R"("nai": "alice")")),
        mobileAt + "/nai: expected a NAI like \"user@realm\" (RFC 2794), found \"alice\"");
    row("empty password", withMip(mobileWith(R"("password": "")")),
        mobileAt + "/password: expected a non-empty string, found \"\"");
    row("domain not a string", withMip(mobileWith(R"("domain": 5)")),
        mobileAt + "/domain: expected a string (may be empty), found 5");
    row("no home agents", withMip(R"({"mobiles": [{"node": "mn1", "itinerary": []}]})"),
        mobileAt + "/home_agents: expected a value (the key is required), found nothing");
    row("unknown home agent", withMip(R"({"mobiles": [{"node": "mn1", "home_agents": ["ha9"]}]})"),
        mobileAt +
            "/home_agents/0: expected the name of a node of role home-agent, found \"ha9\", which names no node");
    row("home agent twice", withMip(R"({"mobiles": [{"node": "mn1", "home_agents": ["ha1", "ha1"]}]})"),
        mobileAt + "/home_agents/1: expected a home agent not listed before, found \"ha1\"");
    row("clock far off", withMip(mobileWith(R"("clock_offset_s": 86401)")),
        mobileAt + "/clock_offset_s: expected a number -86400..86400, found 86401");
    row("static key odd hex", withMip(mobileWith(R"("static_key": "abc")")),
        mobileAt + "/static_key: expected a key of 1..32 octets in hex, like \"00112233\", found \"abc\"");
    row("static key too long", withMip(mobileWith("\"static_key\": \"" + std::string(66, 'a') + "\"")),
        mobileAt + "/static_key: expected a key of 1..32 octets in hex, like \"00112233\", found \"" +
                   std::string(36, 'a') + "...");  // long values are cut at 40 characters
    row("empty itinerary", withMip(mobileWith({}, {}, "[]")),
        mobileAt + "/itinerary: expected an array with at least one step, found an empty array");
    row("link away from the mobile", withMip(mobileWith({}, {}, R"([{"at_s": 0, "link": "ha1-sw"}])")),
        mobileAt + "/itinerary/0/link: expected the name of a link with \"mn1\" at one end, found \"ha1-sw\", which "
                   "joins ha1 and sw");
    row("unknown link", withMip(mobileWith({}, {}, R"([{"at_s": 0, "link": "visit9"}])")),
        mobileAt + "/itinerary/0/link: expected the name of a link with \"mn1\" at one end, found \"visit9\", which "
                   "names no link");
    row("times not increasing",
        withMip(mobileWith({}, {}, R"([{"at_s": 2.5, "link": "home1"}, {"at_s": 2.5, "link": "visit1"}])")),
        mobileAt + "/itinerary/1/at_s: expected a time after the previous step's (2.5 s), found 2.5");
    row("negative time", withMip(mobileWith({}, {}, R"([{"at_s": -1, "link": "home1"}])")),
        mobileAt + "/itinerary/0/at_s: expected a number >= 0, found -1");
    row("step without link or detach", withMip(mobileWith({}, {}, R"([{"at_s": 0}])")),
        mobileAt + "/itinerary/0: expected a step with either \"link\" or \"detach\": true, found neither");
    row("detach false", withMip(mobileWith({}, {}, R"([{"at_s": 0, "detach": false}])")),
        mobileAt + "/itinerary/0/detach: expected true (or a \"link\" instead), found false");
    row("colocated without address",
        withMip(mobileWith({}, {}, R"([{"at_s": 0, "link": "visit1", "care_of": "colocated"}])")),
        mobileAt + "/itinerary/0/address: expected a value (the key is required), found nothing");
    row("address with a foreign agent",
        withMip(mobileWith({}, {}, R"([{"at_s": 0, "link": "visit1", "address": "10.2.0.50"}])")),
        mobileAt + "/itinerary/0/address: expected nothing (only a colocated care-of takes an address), found "
                   "\"10.2.0.50\"");
    row("bad care-of", withMip(mobileWith({}, {}, R"([{"at_s": 0, "link": "visit1", "care_of": "fa"}])")),
        mobileAt + "/itinerary/0/care_of: expected one of \"foreign-agent\", \"colocated\", found \"fa\"");
    row("two mobiles on one node",
        withMip(R"({"mobiles": [{"node": "mn1", "home_agents": ["ha1"], "itinerary": )" + kHomeStep + "}, " +
                R"({"node": "mn1", "home_agents": ["ha1"], "itinerary": )" + kHomeStep + "}]}"),
        "/methods/mip/mobiles/1/node: expected a station no earlier mobile names, found \"mn1\"");
    row("user without password", section(R"("users": [{"name": "alice"}])"),
        "/methods/mip/users/0/password: expected a value (the key is required), found nothing");
    row("replay from a station that is no mobile",
        section(R"("faults": [{"at_s": 1, "kind": "replay-request", "node": "mn2"}])"),
        "/methods/mip/faults/0/node: expected the node of a mobile in /methods/mip/mobiles, found \"mn2\"");
    row("foreign agent down", section(R"("faults": [{"at_s": 1, "kind": "home-agent-down", "node": "fa1"}])"),
        "/methods/mip/faults/0/node: expected the name of a node of role home-agent, found \"fa1\", a node of role "
        "foreign-agent");
    row("unknown fault", section(R"("faults": [{"at_s": 1, "kind": "fa-down", "node": "fa1"}])"),
        "/methods/mip/faults/0/kind: expected one of \"replay-request\", \"home-agent-down\", \"unknown-challenge\", "
        "\"missing-challenge\", \"stale-challenge\", found \"fa-down\"");
  }

  void badDocuments() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto result = readText(text.toStdString());
    QVERIFY2(std::holds_alternative<ConfigError>(result), "the document was accepted");
    QCOMPARE(QString::fromStdString(std::get<ConfigError>(result).message()), message);
  }
};

QTEST_GUILESS_MAIN(TestMipSettings)
#include "tst_mip_settings.moc"
