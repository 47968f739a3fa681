// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mip_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/crypto/hash_mac.h"
#include "core/protocols/mip/security_association.h"
#include "core/sim/json_cursor.h"

namespace rs::mip {
namespace {

using sim::readChoice;

using sim::JsonCursor;
using sim::NodeId;
using sim::NodeRole;
constexpr double kHuge = std::numeric_limits<double>::infinity();

sim::SimTime readMs(const JsonCursor& c, double min, double max) {
  return sim::fromMicroseconds(c.number(min, max) * 1e3);
}

// A finite number the JSON holds, or nullopt (1e400 parses to infinity).
std::optional<double> finiteNumber(const JsonCursor& c) {
  if (!c.json().is_number()) return std::nullopt;
  const double v = c.json().get<double>();
  return std::isfinite(v) ? std::optional(v) : std::nullopt;
}

// Durations that only have to be positive: numberRange cannot say "> 0".
double readPositive(const JsonCursor& c) {
  const auto v = finiteNumber(c);
  if (!v || !(*v > 0)) c.fail("a number > 0");
  return *v;
}

// A string that may be empty (JsonCursor::string insists on content).
std::string readAnyString(const JsonCursor& c) {
  if (!c.json().is_string()) c.fail("a string (may be empty)");
  return c.json().get<std::string>();
}

std::vector<NodeId> nodesOfRole(const sim::Scenario& s, NodeRole role) {
  std::vector<NodeId> ids;
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    if (s.nodes[i].role == role) ids.push_back(static_cast<NodeId>(i));
  return ids;
}

const std::string& nodeName(const sim::Scenario& s, NodeId id) { return s.nodes[id].name; }

// A node named by `c` that has `role`; the message says which role was wanted and what the name is.
NodeId readNode(const JsonCursor& c, const sim::Scenario& s, NodeRole role) {
  const std::string expected = fmt::format("the name of a node of role {}", sim::nodeRoleName(role));
  if (!c.json().is_string()) c.fail(expected);
  const std::string name = c.json().get<std::string>();
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (s.nodes[i].name != name) continue;
    if (s.nodes[i].role != role)
      c.fail(expected, fmt::format("\"{}\", a node of role {}", name, sim::nodeRoleName(s.nodes[i].role)));
    return static_cast<NodeId>(i);
  }
  c.fail(expected, fmt::format("\"{}\", which names no node", name));
}

// Mobile IP addresses every agent and mobile by IPv4, so a node without one cannot take part.
NodeId readNodeWithIpv4(const JsonCursor& c, const sim::Scenario& s, NodeRole role) {
  const NodeId id = readNode(c, s, role);
  if (!s.nodes[id].ipv4)
    c.fail(fmt::format("a node of role {} with an ipv4", sim::nodeRoleName(role)),
           fmt::format("\"{}\", which has none", nodeName(s, id)));
  return id;
}

// The key names the node, or else the scenario's only node of that role is meant.
std::optional<NodeId> readOrPickOnly(const JsonCursor& section, std::string_view key, const sim::Scenario& s,
                                     NodeRole role, bool required) {
  if (auto v = section.find(key)) return readNode(*v, s, role);
  const auto ids = nodesOfRole(s, role);
  if (ids.size() == 1) return ids.front();
  if (!required) return std::nullopt;
  const std::string count = ids.empty() ? "none" : fmt::format("{}: name one", ids.size());
  throw sim::ConfigException(sim::ConfigError{
      section.file(), fmt::format("{}/{}", section.pointer(), key),
      fmt::format("a node of role {} (the scenario has {})", sim::nodeRoleName(role), count), "nothing"});
}

std::uint32_t readSpi(const JsonCursor& c) {
  // RFC 3344 3.5.1: SPI values 0 through 255 are reserved.
  return static_cast<std::uint32_t>(c.integer(256, 4294967295LL));
}

void readKeysAndServers(const JsonCursor& c, const sim::Scenario& s, MipSettings& m) {
  if (auto v = c.find("key_mode"))
    m.keys = readChoice(*v, {std::pair{std::string_view("dynamic"), KeyMode::Dynamic}, {"static", KeyMode::Static}});
  if (auto v = c.find("fa_challenge")) m.faChallenge = v->boolean();
  if (auto v = c.find("challenge_window")) m.challengeWindow = static_cast<unsigned>(v->integer(1, 64));
  // Static keys never ask the AAA server for the HA; the foreign agents' RFC 3012 check does.
  m.aaaServer = readOrPickOnly(c, "aaa_server", s, NodeRole::HomeAaa, m.keys == KeyMode::Dynamic || m.faChallenge);
  m.backbone = readOrPickOnly(c, "backbone", s, NodeRole::Switch, true);
  if (auto v = c.find("aaa_secret")) m.aaaSecret = v->string();
  if (auto v = c.find("external_aaa_server")) m.externalAaaServer = v->string();
  // Seed Fig. 8: the AAA server may ask a domain controller that holds the passwords; opt-in, by name.
  if (auto v = c.find("domain_controller")) m.domainController = readNodeWithIpv4(*v, s, NodeRole::DomainController);
  if (auto v = c.find("dc_secret")) m.dcSecret = v->string();
  if (auto v = c.find("static_spi")) m.staticSpi = readSpi(*v);
  if (auto v = c.find("skey_spi")) m.skeySpi = readSpi(*v);
  if (auto v = c.find("skey_prime_spi")) m.skeyPrimeSpi = readSpi(*v);
  // The MN and HA pick the SA by SPI: Skey and Skey' must not share one.
  if (m.skeySpi == m.skeyPrimeSpi)
    c.at(c.has("skey_prime_spi") ? "skey_prime_spi" : "skey_spi").fail("skey_spi != skey_prime_spi (one SPI per SA)");
}

// Seconds between seed-001 re-keyings of Skey'; 0 or false switch re-keying off.
std::optional<sim::SimTime> readRekeyInterval(const JsonCursor& c) {
  if (c.json().is_boolean() && !c.json().get<bool>()) return std::nullopt;
  const auto v = finiteNumber(c);
  if (!v || *v < 0) c.fail("a number >= 0 (0 or false: never re-key)");
  if (*v == 0) return std::nullopt;
  return sim::fromSeconds(*v);
}

void readRegistrationTimers(const JsonCursor& c, MipSettings& m) {
  if (auto v = c.find("replay_window_s")) m.replayWindowSeconds = static_cast<std::uint16_t>(v->integer(1, 3600));
  // RFC 3344 3.3: a lifetime of 65535 means infinity, which a roaming emulation never asks for.
  if (auto v = c.find("lifetime_s")) m.lifetimeSeconds = static_cast<std::uint16_t>(v->integer(1, 65534));
  if (auto v = c.find("reregister_before_s")) m.reregisterBefore = sim::fromSeconds(readPositive(*v));
  if (m.reregisterBefore >= sim::seconds(m.lifetimeSeconds))
    c.at(c.has("reregister_before_s") ? "reregister_before_s" : "lifetime_s")
        .fail("reregister_before_s < lifetime_s (the MN re-registers before its binding expires)");
  if (auto v = c.find("rekey_interval_s")) m.rekeyInterval = readRekeyInterval(*v);
  if (auto v = c.find("response_timeout_ms")) m.responseTimeout = readMs(*v, 1, 60000);
  if (auto v = c.find("retries")) m.retries = static_cast<unsigned>(v->integer(0, 10));
}

void readAgentDiscovery(const JsonCursor& c, MipSettings& m) {
  if (auto v = c.find("advertisement_interval_ms")) m.advertisementInterval = readMs(*v, 10, 600000);
  // RFC 1256 4.2: AdvertisementLifetime is at most 9000 s.
  if (auto v = c.find("advertisement_lifetime_s"))
    m.advertisementLifetimeSeconds = static_cast<std::uint16_t>(v->integer(1, 9000));
  // An advertisement that expires before the next one arrives makes the MN think it moved.
  const auto intervalSeconds = (m.advertisementInterval + sim::kSecond - 1) / sim::kSecond;
  if (m.advertisementLifetimeSeconds < intervalSeconds)
    c.at(c.has("advertisement_lifetime_s") ? "advertisement_lifetime_s" : "advertisement_interval_ms")
        .fail(fmt::format("advertisement_lifetime_s >= advertisement_interval_ms (in seconds, rounded up: {})",
                          intervalSeconds));
  if (auto v = c.find("solicit")) m.solicit = v->boolean();
  if (auto v = c.find("prefix_length")) m.prefixLength = static_cast<std::uint8_t>(v->integer(8, 30));
}

void readHomeAgentMemory(const JsonCursor& c, MipSettings& m) {
  // At least one static SA; at most 1 GiB (a router's NVRAM is measured in kilobytes to megabytes).
  if (auto v = c.find("sa_nvram_bytes"))
    m.saNvramBytes = static_cast<std::size_t>(v->integer(sizeof(SecurityAssociation), std::int64_t{1} << 30));
}

// Where one itinerary step plugs the mobile in: a link with the mobile at one end.
std::size_t readLink(const JsonCursor& c, const sim::Scenario& s, NodeId mobile) {
  const std::string expected = fmt::format("the name of a link with \"{}\" at one end", nodeName(s, mobile));
  if (!c.json().is_string()) c.fail(expected);
  const std::string name = c.json().get<std::string>();
  for (std::size_t i = 0; i < s.links.size(); ++i) {
    const auto& l = s.links[i];
    if (l.name != name) continue;
    if (l.a != mobile && l.b != mobile)
      c.fail(expected, fmt::format("\"{}\", which joins {} and {}", name, nodeName(s, l.a), nodeName(s, l.b)));
    return i;
  }
  c.fail(expected, fmt::format("\"{}\", which names no link", name));
}

void readAttachmentTarget(const JsonCursor& c, const sim::Scenario& s, NodeId mobile, Attachment& a) {
  if (c.has("link") == c.has("detach"))
    c.fail("a step with either \"link\" or \"detach\": true", c.has("link") ? "both" : "neither");
  if (auto v = c.find("detach")) {
    if (!v->boolean()) v->fail("true (or a \"link\" instead)");
    // Out of coverage there is no care-of address to choose.
    for (auto key : {"care_of", "address"})
      if (auto k = c.find(key)) k->fail("nothing (a detach step has no care-of address)");
    return;
  }
  a.link = readLink(c.at("link"), s, mobile);
}

void readCareOf(const JsonCursor& c, Attachment& a) {
  if (auto v = c.find("care_of"))
    a.careOf = readChoice(*v, {std::pair{std::string_view("foreign-agent"), CareOfMode::ForeignAgent},
                               {"colocated", CareOfMode::Colocated}});
  if (a.careOf != CareOfMode::Colocated) {
    if (auto v = c.find("address")) v->fail("nothing (only a colocated care-of takes an address)");
    return;
  }
  const JsonCursor v = c.at("address");
  const auto ip = v.json().is_string() ? sim::parseIpv4Address(v.json().get<std::string>()) : std::nullopt;
  if (!ip) v.fail("an IPv4 address like \"10.0.0.1\"");
  a.colocatedAddress = *ip;
}

std::vector<Attachment> readItinerary(const JsonCursor& list, const sim::Scenario& s, NodeId mobile) {
  if (list.arraySize() == 0) list.fail("an array with at least one step", "an empty array");
  std::vector<Attachment> steps;
  for (std::size_t i = 0; i < list.arraySize(); ++i) {
    const JsonCursor c = list.at(i);
    c.requireObject({"at_s", "link", "detach", "care_of", "address"});
    Attachment a;
    const JsonCursor at = c.at("at_s");
    a.at = sim::fromSeconds(at.number(0, kHuge));
    if (!steps.empty() && a.at <= steps.back().at)
      at.fail(fmt::format("a time after the previous step's ({} s)", sim::toSeconds(steps.back().at)));
    readAttachmentTarget(c, s, mobile, a);
    if (a.link) readCareOf(c, a);
    steps.push_back(a);
  }
  return steps;
}

std::vector<NodeId> readHomeAgents(const JsonCursor& list, const sim::Scenario& s) {
  if (list.arraySize() == 0) list.fail("an array with at least one home agent", "an empty array");
  std::vector<NodeId> ids;
  for (std::size_t i = 0; i < list.arraySize(); ++i) {
    const JsonCursor c = list.at(i);
    const NodeId id = readNodeWithIpv4(c, s, NodeRole::HomeAgent);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) c.fail("a home agent not listed before");
    ids.push_back(id);
  }
  return ids;
}

std::string readNai(const JsonCursor& c) {
  std::string nai = c.json().is_string() ? c.json().get<std::string>() : std::string();
  // RFC 2794 / RFC 4282: user@realm; the user part is the MS-CHAPv2 user name.
  const auto at = nai.find('@');
  if (at == std::string::npos || at == 0) c.fail("a NAI like \"user@realm\" (RFC 2794)");
  return nai;
}

Bytes readStaticKey(const JsonCursor& c) {
  Bytes key;
  const bool ok = c.json().is_string() && parseHex(c.json().get<std::string>(), key);
  if (!ok || key.empty() || key.size() > 32) c.fail("a key of 1..32 octets in hex, like \"00112233\"");
  return key;
}

MobileSettings readMobile(const JsonCursor& c, const sim::Scenario& s) {
  c.requireObject({"node", "nai", "password", "domain", "home_agents", "clock_offset_s", "static_key", "itinerary"});
  MobileSettings mn;
  mn.node = readNodeWithIpv4(c.at("node"), s, NodeRole::Station);
  mn.nai = c.has("nai") ? readNai(c.at("nai")) : nodeName(s, mn.node) + "@roamscope.test";
  if (auto v = c.find("password")) mn.password = v->string();
  if (auto v = c.find("domain")) mn.domain = readAnyString(*v);
  mn.homeAgents = readHomeAgents(c.at("home_agents"), s);
  if (auto v = c.find("clock_offset_s")) mn.clockOffsetSeconds = v->number(-86400, 86400);
  if (auto v = c.find("static_key"))
    mn.staticKey = readStaticKey(*v);
  else
    mn.staticKey = crypto::md5(asView(mn.nai)).value();  // a demo default; the network always needs a key
  mn.itinerary = readItinerary(c.at("itinerary"), s, mn.node);
  return mn;
}

std::vector<MobileSettings> readMobiles(const JsonCursor& list, const sim::Scenario& s) {
  if (list.arraySize() == 0) list.fail("an array with at least one mobile", "an empty array");
  std::vector<MobileSettings> mobiles;
  for (std::size_t i = 0; i < list.arraySize(); ++i) {
    MobileSettings mn = readMobile(list.at(i), s);
    for (const auto& earlier : mobiles)
      if (earlier.node == mn.node) list.at(i).at("node").fail("a station no earlier mobile names");
    mobiles.push_back(std::move(mn));
  }
  return mobiles;
}

std::vector<AaaUser> defaultUsers(const std::vector<MobileSettings>& mobiles) {
  std::vector<AaaUser> users;
  for (const auto& mn : mobiles) {
    AaaUser u{mn.nai.substr(0, mn.nai.find('@')), mn.password};
    const bool known = std::any_of(users.begin(), users.end(), [&](const AaaUser& e) { return e.name == u.name; });
    if (!known) users.push_back(std::move(u));  // two NAIs with one user: the first mobile's password
  }
  return users;
}

std::vector<AaaUser> readUsers(const JsonCursor& list) {
  std::vector<AaaUser> users;
  for (std::size_t i = 0; i < list.arraySize(); ++i) {
    const JsonCursor c = list.at(i);
    c.requireObject({"name", "password"});
    AaaUser u{c.at("name").string(), c.at("password").string()};
    for (const auto& e : users)
      if (e.name == u.name) c.at("name").fail("a user name not listed before");
    users.push_back(std::move(u));
  }
  return users;
}

NodeId readFaultNode(const JsonCursor& c, const sim::Scenario& s, FaultKind kind,
                     const std::vector<MobileSettings>& mobiles) {
  if (kind == FaultKind::HomeAgentDown) return readNode(c, s, NodeRole::HomeAgent);
  const NodeId id = readNode(c, s, NodeRole::Station);
  const bool mobile =
      std::any_of(mobiles.begin(), mobiles.end(), [&](const MobileSettings& m) { return m.node == id; });
  if (!mobile) c.fail("the node of a mobile in /methods/mip/mobiles", fmt::format("\"{}\"", nodeName(s, id)));
  return id;
}

std::vector<Fault> readFaults(const JsonCursor& list, const sim::Scenario& s,
                              const std::vector<MobileSettings>& mobiles) {
  std::vector<Fault> faults;
  for (std::size_t i = 0; i < list.arraySize(); ++i) {
    const JsonCursor c = list.at(i);
    c.requireObject({"at_s", "kind", "node"});
    Fault f;
    f.at = sim::fromSeconds(c.at("at_s").number(0, kHuge));
    f.kind = readChoice(c.at("kind"), {std::pair{std::string_view("replay-request"), FaultKind::ReplayRequest},
                                       {"home-agent-down", FaultKind::HomeAgentDown},
                                       {"unknown-challenge", FaultKind::UnknownChallenge},
                                       {"missing-challenge", FaultKind::MissingChallenge},
                                       {"stale-challenge", FaultKind::StaleChallenge}});
    f.node = readFaultNode(c.at("node"), s, f.kind, mobiles);
    faults.push_back(f);
  }
  // Stable: two faults at one time happen in file order.
  std::stable_sort(faults.begin(), faults.end(), [](const Fault& a, const Fault& b) { return a.at < b.at; });
  return faults;
}

MipSettings readSection(const JsonCursor& c, const sim::Scenario& s) {
  c.requireObject({"key_mode", "aaa_server", "backbone", "aaa_secret", "external_aaa_server", "domain_controller",
                   "dc_secret", "fa_challenge", "challenge_window", "static_spi", "skey_spi",
                   "skey_prime_spi", "replay_window_s", "lifetime_s", "reregister_before_s", "rekey_interval_s",
                   "advertisement_interval_ms", "advertisement_lifetime_s", "solicit", "response_timeout_ms",
                   "retries", "prefix_length", "sa_nvram_bytes", "mobiles", "users", "faults"});
  MipSettings m;
  readKeysAndServers(c, s, m);
  readRegistrationTimers(c, m);
  readAgentDiscovery(c, m);
  readHomeAgentMemory(c, m);
  m.mobiles = readMobiles(c.at("mobiles"), s);
  m.users = c.has("users") ? readUsers(c.at("users")) : defaultUsers(m.mobiles);
  if (auto v = c.find("faults")) m.faults = readFaults(*v, s, m.mobiles);
  return m;
}

}  // namespace

std::string_view keyModeName(KeyMode m) { return m == KeyMode::Dynamic ? "dynamic" : "static"; }

std::string_view careOfModeName(CareOfMode m) { return m == CareOfMode::ForeignAgent ? "foreign-agent" : "colocated"; }

std::string_view faultKindName(FaultKind k) {
  switch (k) {
    case FaultKind::ReplayRequest: return "replay-request";
    case FaultKind::HomeAgentDown: return "home-agent-down";
    case FaultKind::UnknownChallenge: return "unknown-challenge";
    case FaultKind::MissingChallenge: return "missing-challenge";
    case FaultKind::StaleChallenge: return "stale-challenge";
  }
  return "?";
}

bool isMipScenario(const sim::Scenario& scenario) {
  return scenario.methods.is_object() && scenario.methods.contains("mip");
}

MipSettingsResult readMipSettings(const sim::Scenario& scenario) {
  if (!isMipScenario(scenario))
    return sim::ConfigError{scenario.file, "/methods/mip", "a Mobile IP section", "nothing"};
  try {
    return readSection(JsonCursor(scenario.methods.at("mip"), scenario.file, "/methods/mip"), scenario);
  } catch (const sim::ConfigException& e) {
    return e.error;
  }
}

}  // namespace rs::mip
