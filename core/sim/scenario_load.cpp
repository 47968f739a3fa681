// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario loader: JSON -> Scenario, every value checked where it is read so
// the first problem is reported with its file, JSON Pointer, expectation and
// finding (see config_error.h).
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/sim/json_cursor.h"
#include "core/sim/radio_model.h"
#include "core/sim/scenario.h"

namespace rs::sim {
namespace {

constexpr double kHuge = std::numeric_limits<double>::infinity();

Position readPosition(const JsonCursor& c) {
  const auto& j = c.json();
  if (!j.is_array() || j.size() < 2 || j.size() > 3) c.fail("a position [x, y] or [x, y, z] in metres");
  Position p;
  p.x = c.at(std::size_t{0}).number(-kHuge, kHuge);
  p.y = c.at(std::size_t{1}).number(-kHuge, kHuge);
  if (j.size() == 3) p.z = c.at(std::size_t{2}).number(-kHuge, kHuge);
  return p;
}

Band readBand(const JsonCursor& c) {
  const auto& j = c.json();
  if (j == "2.4") return Band::Ghz2_4;
  if (j == "5") return Band::Ghz5;
  if (j == "6") return Band::Ghz6;
  c.fail("one of \"2.4\", \"5\", \"6\"");
}

// A channel number, checked against its band (given or implied by the number).
std::pair<unsigned, Band> readChannel(const JsonCursor& object) {
  const JsonCursor ch = object.at("channel");
  const auto number = static_cast<unsigned>(ch.integer(1, 233));
  const Band band = object.has("band") ? readBand(object.at("band")) : defaultBand(number);
  if (!channelFrequencyMhz(band, number)) {
    const char* range = band == Band::Ghz2_4 ? "1..14" : band == Band::Ghz5 ? "1..200" : "1..233";
    ch.fail(fmt::format("an integer {} (a channel of the {} GHz band)", range,
                        band == Band::Ghz2_4 ? "2.4"
                        : band == Band::Ghz5 ? "5"
                                             : "6"));
  }
  return {number, band};
}

std::uint8_t readRate(const JsonCursor& c) {
  const double mbps = c.number(0, kHuge);
  const double units = mbps * 2;
  const auto rate = static_cast<std::uint8_t>(std::clamp(std::lround(units), 0L, 255L));
  if (std::fabs(units - std::round(units)) > 1e-9 || !airTime(rate, 1, Band::Ghz5))
    c.fail("an 802.11 rate in Mb/s: 1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48 or 54");
  return rate;
}

NodeId resolveNode(const JsonCursor& c, const std::vector<Node>& nodes) {
  const std::string name = c.string();
  for (const Node& n : nodes)
    if (n.name == name) return n.id;
  c.fail("the name of a node in /nodes");
}

template <class T>
std::size_t resolveByName(const JsonCursor& c, const std::vector<T>& items, const char* where) {
  const std::string name = c.string();
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name) return i;
  c.fail(fmt::format("the name of an entry of {}", where));
}

std::string uniqueName(const JsonCursor& entry, const std::vector<std::string>& taken, const char* what) {
  const JsonCursor c = entry.at("name");
  std::string name = c.string();
  for (const auto& t : taken)
    if (t == name) c.fail(fmt::format("a name not used by an earlier {}", what));
  return name;
}

void readNodes(const JsonCursor& root, Scenario& s) {
  const JsonCursor list = root.at("nodes");
  const std::size_t count = list.arraySize();
  if (count == 0) list.fail("an array with at least one node", "an empty array");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) {
    const JsonCursor e = list.at(i);
    e.requireObject({"name", "role", "position", "mac", "ipv4", "channel", "band"});
    Node n;
    n.id = static_cast<NodeId>(i);
    n.name = uniqueName(e, names, "node");
    names.push_back(n.name);
    const JsonCursor role = e.at("role");
    const auto r = role.json().is_string() ? nodeRoleFromName(role.json().get<std::string>()) : std::nullopt;
    if (!r) role.fail(fmt::format("one of {}", nodeRoleNames()));
    n.role = *r;
    if (auto p = e.find("position")) n.position = readPosition(*p);
    if (auto m = e.find("mac")) {
      const auto mac = m->json().is_string() ? MacAddress::parse(m->json().get<std::string>()) : std::nullopt;
      if (!mac) m->fail("a MAC address like \"02:00:00:00:00:01\"");
      n.mac = *mac;
    } else {
      // Locally administered (bit 1 of the first octet), unicast, unique per node: 02:52:53 ("RS") + index.
      n.mac = MacAddress{{0x02, 0x52, 0x53, static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8),
                          static_cast<std::uint8_t>(i)}};
    }
    if (auto a = e.find("ipv4")) {
      const auto ip = a->json().is_string() ? parseIpv4Address(a->json().get<std::string>()) : std::nullopt;
      if (!ip) a->fail("an IPv4 address like \"10.0.0.1\"");
      n.ipv4 = *ip;
    }
    if (e.has("channel")) n.channel = readChannel(e).first;
    s.nodes.push_back(std::move(n));
  }
}

void readMedia(const JsonCursor& root, Scenario& s) {
  const auto list = root.find("media");
  if (!list) return;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list->arraySize(); ++i) {
    const JsonCursor e = list->at(i);
    e.requireObject({"name", "channel", "band", "tx_power_dbm", "noise_floor_dbm", "sensitivity_dbm", "rate_mbps",
                     "path_loss", "loss"});
    MediumConfig m;
    m.name = uniqueName(e, names, "medium");
    names.push_back(m.name);
    std::tie(m.channel, m.band) = readChannel(e);
    if (auto v = e.find("tx_power_dbm")) m.txPowerDbm = v->number(-50, 50);
    if (auto v = e.find("noise_floor_dbm")) m.noiseFloorDbm = v->number(-150, 0);
    if (auto v = e.find("sensitivity_dbm")) m.sensitivityDbm = v->number(-150, 0);
    if (auto v = e.find("rate_mbps")) m.defaultRate = readRate(*v);
    if (auto pl = e.find("path_loss")) {
      pl->requireObject({"exponent", "reference_distance_m", "reference_loss_db"});
      if (auto v = pl->find("exponent")) m.pathLoss.exponent = v->number(1, 10);
      if (auto v = pl->find("reference_distance_m")) {
        m.pathLoss.referenceDistanceM = v->number(0, kHuge);
        if (m.pathLoss.referenceDistanceM <= 0) v->fail("a number > 0");
      }
      if (auto v = pl->find("reference_loss_db")) m.pathLoss.referenceLossDb = v->number(0, 300);
    }
    if (auto loss = e.find("loss")) {
      loss->requireObject({"fixed", "snr50_db", "slope_db"});
      if (auto v = loss->find("fixed")) m.loss.fixedRate = v->number(0, 1);
      if (auto v = loss->find("snr50_db")) m.loss.snrAtHalfLossDb = v->number(-50, 100);
      if (auto v = loss->find("slope_db")) {
        m.loss.slopeDb = v->number(0, 100);
        if (m.loss.slopeDb <= 0) v->fail("a number > 0");
      }
    }
    s.media.push_back(std::move(m));
  }
}

// Every access point's channel must be one a medium carries.
void checkNodeChannels(const JsonCursor& root, const Scenario& s) {
  for (const Node& n : s.nodes) {
    if (!n.channel) continue;
    bool carried = false;
    std::string channels;
    for (const auto& m : s.media) {
      carried = carried || m.channel == *n.channel;
      channels += (channels.empty() ? "" : ", ") + std::to_string(m.channel);
    }
    if (!carried)
      root.at("nodes")
          .at(std::size_t{n.id})
          .at("channel")
          .fail(channels.empty() ? std::string("a channel of a medium in /media (there is none)")
                                 : fmt::format("the channel of a medium in /media ({})", channels));
  }
}

void readLinks(const JsonCursor& root, Scenario& s) {
  const auto list = root.find("links");
  if (!list) return;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list->arraySize(); ++i) {
    const JsonCursor e = list->at(i);
    e.requireObject({"name", "a", "b", "delay_us", "jitter_us", "bandwidth_mbps", "loss"});
    LinkConfig l;
    l.name = uniqueName(e, names, "link");
    names.push_back(l.name);
    l.a = resolveNode(e.at("a"), s.nodes);
    l.b = resolveNode(e.at("b"), s.nodes);
    if (l.a == l.b) e.at("b").fail("a node other than the link's end \"a\"");
    if (auto v = e.find("delay_us")) l.delay = fromMicroseconds(v->number(0, kHuge));
    if (auto v = e.find("jitter_us")) l.jitter = fromMicroseconds(v->number(0, kHuge));
    if (auto v = e.find("bandwidth_mbps")) l.bandwidthBps = v->number(0, kHuge) * 1e6;
    if (auto v = e.find("loss")) l.lossRate = v->number(0, 1);
    s.links.push_back(std::move(l));
  }
}

// "toward": a node at an end of every listed link, so each link has a direction toward it.
NodeId readToward(const JsonCursor& c, const std::vector<std::size_t>& links, const Scenario& s) {
  const NodeId node = resolveNode(c, s.nodes);
  for (std::size_t i : links) {
    const LinkConfig& l = s.links[i];
    if (l.a != node && l.b != node)
      c.fail(fmt::format("a node at an end of every listed link (link \"{}\" joins {} and {})", l.name,
                         s.nodes[l.a].name, s.nodes[l.b].name));
  }
  return node;
}

void readCaptures(const JsonCursor& root, Scenario& s) {
  const auto list = root.find("capture_points");
  if (!list) return;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < list->arraySize(); ++i) {
    const JsonCursor e = list->at(i);
    e.requireObject({"name", "medium", "observer", "position", "links", "toward"});
    ScenarioCapture c;
    c.name = uniqueName(e, names, "capture point");
    names.push_back(c.name);
    if (e.has("medium") == e.has("links"))
      e.fail("an object with either \"medium\" (an air capture point) or \"links\" (a wired one)");
    if (auto m = e.find("medium")) {
      c.medium = resolveByName(*m, s.media, "/media");
      if (e.has("observer") && e.has("position")) e.at("position").fail("no position when an observer is given");
      if (auto o = e.find("observer")) c.observer = resolveNode(*o, s.nodes);
      if (auto p = e.find("position")) c.position = readPosition(*p);
      if (auto t = e.find("toward")) t->fail("no \"toward\" on an air capture point (it selects a wired direction)");
    } else {
      for (const char* airOnly : {"observer", "position"})
        if (auto k = e.find(airOnly)) k->fail("no observer or position on a wired capture point");
      const JsonCursor links = e.at("links");
      if (links.arraySize() == 0) links.fail("an array of link names", "an empty array");
      for (std::size_t k = 0; k < links.arraySize(); ++k)
        c.links.push_back(resolveByName(links.at(k), s.links, "/links"));
      if (auto t = e.find("toward")) c.toward = readToward(*t, c.links, s);
    }
    s.captures.push_back(std::move(c));
  }
}

void readMobility(const JsonCursor& root, Scenario& s) {
  const auto list = root.find("mobility");
  if (!list) return;
  for (std::size_t i = 0; i < list->arraySize(); ++i) {
    const JsonCursor e = list->at(i);
    e.requireObject({"node", "start_s", "waypoints"});
    ScenarioMobility m;
    m.node = resolveNode(e.at("node"), s.nodes);
    for (const auto& earlier : s.mobility)
      if (earlier.node == m.node) e.at("node").fail("a node without another mobility entry");
    const SimTime start = e.has("start_s") ? fromSeconds(e.at("start_s").number(0, kHuge)) : 0;
    const JsonCursor points = e.at("waypoints");
    if (points.arraySize() == 0) points.fail("an array of waypoints", "an empty array");
    std::vector<Waypoint> waypoints;
    for (std::size_t k = 0; k < points.arraySize(); ++k) {
      const JsonCursor w = points.at(k);
      w.requireObject({"position", "speed_mps", "pause_s"});
      Waypoint p;
      p.position = readPosition(w.at("position"));
      if (auto v = w.find("speed_mps")) {
        p.speedMps = v->number(0, kHuge);
        if (p.speedMps <= 0) v->fail("a number > 0");
      } else if (k > 0) {
        w.at("speed_mps");  // required on every waypoint after the first: reports the missing key
      }
      if (auto v = w.find("pause_s")) p.pause = fromSeconds(v->number(0, kHuge));
      waypoints.push_back(p);
    }
    m.path = WaypointPath(start, std::move(waypoints));
    s.mobility.push_back(std::move(m));
  }
}

void readProfile(const JsonCursor& root, Scenario& s) {
  const auto p = root.find("profile");
  if (!p) return;
  p->requireObject({"file", "name", "factor", "costs_ns"});
  if (auto f = p->find("file")) {
    const std::filesystem::path base = std::filesystem::path(s.file).parent_path();
    const std::string path = (base / f->string()).string();
    if (!std::ifstream(path, std::ios::binary))
      f->fail("a readable profile file", fmt::format("\"{}\", which cannot be opened", path));
    auto loaded = loadCostProfile(path);
    if (auto* error = std::get_if<ConfigError>(&loaded)) throw ConfigException(*error);
    s.profile = std::get<CostProfile>(std::move(loaded));
  }
  readCostProfile(*p, s.profile);  // inline name/factor/costs override the file's
}

Scenario readScenario(const JsonCursor& root) {
  root.requireObject({"name", "description", "seed", "duration_s", "nodes", "media", "links", "capture_points",
                      "mobility", "profile", "methods"});
  Scenario s;
  s.file = root.file();
  if (auto v = root.find("name")) s.name = v->string();
  if (auto v = root.find("description")) s.description = v->string();
  if (auto v = root.find("seed")) s.seed = v->unsignedInteger();
  if (auto v = root.find("duration_s")) {
    s.duration = fromSeconds(v->number(0, kHuge));
    if (*s.duration <= 0) v->fail("a number > 0");
  }
  readNodes(root, s);
  readMedia(root, s);
  checkNodeChannels(root, s);
  readLinks(root, s);
  readCaptures(root, s);
  readMobility(root, s);
  readProfile(root, s);
  if (auto m = root.find("methods")) {
    if (!m->json().is_object()) m->fail("an object");
    s.methods = m->json();
  }
  return s;
}

}  // namespace

ScenarioResult parseScenario(std::string_view text, const std::string& file) {
  auto doc = parseJsonText(text, file);
  if (auto* error = std::get_if<ConfigError>(&doc)) return *error;
  try {
    return readScenario(JsonCursor(std::get<nlohmann::json>(doc), file));
  } catch (const ConfigException& e) {
    return e.error;
  }
}

ScenarioResult loadScenario(const std::string& path) {
  auto doc = readJsonFile(path);
  if (auto* error = std::get_if<ConfigError>(&doc)) return *error;
  try {
    return readScenario(JsonCursor(std::get<nlohmann::json>(doc), path));
  } catch (const ConfigException& e) {
    return e.error;
  }
}

}  // namespace rs::sim
