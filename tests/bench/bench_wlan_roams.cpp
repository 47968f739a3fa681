// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #4 acceptance 6: wall time of STATIONS stations x ROAMS roams with full
// cryptography (PBKDF2 once per network, PTK derivations, EAPOL MICs, key wrap,
// seed-000 / FT keys, CCMP of every protected frame; EAP-TLS handshakes for
// 802.1X). The target is 10,000 roams (1,000 stations x 10) in under 30 s on
// one core. Three APs on channels 1/6/11, 50 m apart; each station walks back
// and forth past them at 5 m/s (two roams per pass), starting 20 ms after the
// previous one so their roams spread over time. No voice flow (1,000 stations
// x 100 packets/s would saturate three 24 Mb/s channels, measuring the queue,
// not the protocol) and no capture: the run itself is measured.
//
//   bench_wlan_roams [STATIONS] [ROAMS] [HANDOFF] [SECURITY]
//   defaults: 1000 10 full psk     (HANDOFF: full, pmk-cache, seed000, ft-over-air; SECURITY: psk, eap-tls)
#include <fmt/format.h>
#include <sched.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>

#include "core/protocols/wlan/run_figures.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/scenario.h"

using namespace rs;
using Clock = std::chrono::steady_clock;

namespace {

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string mac(unsigned prefix, unsigned i) {
  return fmt::format("02:{:02x}:00:{:02x}:{:02x}:{:02x}", prefix, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
}

nlohmann::json scenario(unsigned stations, unsigned roams, const std::string& handoff, const std::string& security) {
  using nlohmann::json;
  json nodes = json::array();
  json mobility = json::array();
  const unsigned passes = (roams + 1) / 2;
  for (unsigned i = 0; i < stations; ++i) {
    const double y = 2.0 + (i % 40) * 0.25;  // spread out a little: slightly different signals
    nodes.push_back({{"name", fmt::format("sta{}", i)}, {"role", "station"}, {"position", {0, y}}, {"mac", mac(1, i)}});
    json points = json::array({{{"position", {0, y}}, {"pause_s", 1}}});
    for (unsigned p = 0; p < passes; ++p)
      points.push_back({{"position", {p % 2 == 0 ? 100 : 0, y}}, {"speed_mps", 5}, {"pause_s", 1}});
    mobility.push_back({{"node", fmt::format("sta{}", i)}, {"start_s", i * 0.02}, {"waypoints", points}});
  }
  json links = json::array();
  for (unsigned a = 1; a <= 3; ++a) {
    nodes.push_back({{"name", fmt::format("ap{}", a)}, {"role", "access-point"}, {"position", {50.0 * (a - 1), 0, 3}},
                     {"mac", mac(0, a)}, {"ipv4", fmt::format("10.0.0.{}", 10 + a)}, {"channel", 1 + 5 * (a - 1)}});
    links.push_back({{"name", fmt::format("ds-ap{}", a)}, {"a", fmt::format("ap{}", a)}, {"b", "ds"}, {"delay_us", 50}});
  }
  nodes.push_back({{"name", "ds"}, {"role", "switch"}, {"mac", mac(0xd, 0)}});
  nodes.push_back({{"name", "radius"}, {"role", "authentication-server"}, {"mac", mac(0xa, 1)}, {"ipv4", "10.0.0.2"}});
  links.push_back({{"name", "ds-radius"}, {"a", "radius"}, {"b", "ds"}, {"delay_us", 1000}});
  json media = json::array();
  for (int c : {1, 6, 11}) media.push_back({{"name", fmt::format("ch{}", c)}, {"channel", c}, {"rate_mbps", 24}});
  const double duration = stations * 0.02 + passes * 21.0 + 5;
  return {{"name", "bench-wlan-roams"},
          {"seed", 1},
          {"duration_s", duration},
          {"nodes", nodes},
          {"media", media},
          {"links", links},
          {"mobility", mobility},
          {"profile", {{"file", std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/profiles/reference.json"}}},
          {"methods",
           {{"wlan",
             {{"security", security}, {"handoff", handoff}, {"flow", false},
              {"roam", {{"threshold_dbm", -65}, {"hysteresis_db", 5}}}}}}}};
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned stations = argc > 1 ? static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10)) : 1000;
  const unsigned roams = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 10;
  const std::string handoff = argc > 3 ? argv[3] : "full";
  const std::string security = argc > 4 ? argv[4] : "psk";
  cpu_set_t one;  // one core, as the target is stated
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one);

  auto parsed = sim::parseScenario(scenario(stations, roams, handoff, security).dump(), "bench_wlan_roams.json");
  if (auto* e = std::get_if<sim::ConfigError>(&parsed)) {
    fmt::print(stderr, "bench_wlan_roams: {}\n", e->message());
    return 1;
  }
  const auto wallStart = Clock::now();
  const double cpuStart = cpuSeconds();
  auto created = wlan::WlanNetwork::create(std::get<sim::Scenario>(parsed));
  if (auto* e = std::get_if<std::string>(&created)) {
    fmt::print(stderr, "bench_wlan_roams: {}\n", *e);
    return 1;
  }
  auto& network = *std::get<std::unique_ptr<wlan::WlanNetwork>>(created);
  const wlan::WlanRunSummary summary = network.run();
  const double cpu = cpuSeconds() - cpuStart;
  const double wall = std::chrono::duration<double>(Clock::now() - wallStart).count();
  const wlan::RunFigures f = wlan::runFigures(network.truth().records(), summary);
  const std::size_t succeeded = f.roams - f.roamsFailed;
  fmt::print("bench_wlan_roams: {} stations, {} handoff, {} security, {} of virtual time, {} events\n", stations,
             handoff, security, sim::formatSimTime(summary.endTime), summary.events);
  fmt::print("  roams: {} attempted, {} succeeded, {} failed ({} joins)\n", f.roams, succeeded, f.roamsFailed,
             network.truth().records().size() - f.roams);
  for (const auto& m : f.methods)
    fmt::print("  {}: {} roams, median handoff {:.3f} ms\n", m.method, m.roams, static_cast<double>(m.handoffNs) / 1e6);
  fmt::print("  wall {:.2f} s, CPU {:.2f} s: {:.0f} roams/s, {:.0f} events/s (wall)\n", wall, cpu,
             static_cast<double>(succeeded) / wall, static_cast<double>(summary.events) / wall);
  const bool target = stations >= 1000 && roams >= 10;
  if (target)
    fmt::print("  target: 10,000 roams in under 30 s on one core: {}\n",
               succeeded >= 10000 && wall < 30 ? "met" : "NOT met");
  return 0;
}
