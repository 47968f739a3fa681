// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #6: the Mobile IP system at the seed's scale. N mobiles behind one
// foreign agent register with one home agent, with seed-001 dynamic keys
// through the embedded AAA server and with RFC 3344's static keys; the figures
// are the emulation's wall time per registration (one core) and the home
// agent's security-association memory set against the seed's (80 bytes per
// SA, 128 KB of NVRAM, about 1,500 SAs): static keys fill NVRAM, session keys
// need none. The third run adds RFC 3012 foreign-agent challenges: every
// registration also waits for the FA's CHAP check at the AAA server.
// Usage: bench_mip_network [mobiles, default 1500 and 2000].
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "core/protocols/mip/mip_network.h"
#include "core/sim/scenario.h"

using namespace rs;

namespace {

std::string ipv4(unsigned a, unsigned b, unsigned c, unsigned d) { return fmt::format("{}.{}.{}.{}", a, b, c, d); }
std::string mac(unsigned i) { return fmt::format("02:00:01:{:02x}:{:02x}:{:02x}", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff); }

// One HA (10.1.0.1/16, the mobiles' home subnet), one FA (10.2.0.1) with a subnet link per mobile, the AAA
// server, all on one switch; mobile i plugs into its subnet link at i ms.
nlohmann::json scenario(unsigned mobiles, const char* keyMode, bool faChallenge) {
  nlohmann::json nodes = nlohmann::json::array(), links = nlohmann::json::array(), list = nlohmann::json::array();
  nodes.push_back({{"name", "ha1"}, {"role", "home-agent"}, {"ipv4", "10.1.0.1"}, {"mac", "02:00:00:00:00:01"}});
  nodes.push_back({{"name", "fa1"}, {"role", "foreign-agent"}, {"ipv4", "10.2.0.1"}, {"mac", "02:00:00:00:00:02"}});
  nodes.push_back({{"name", "aaa"}, {"role", "home-aaa"}, {"ipv4", "10.0.0.10"}, {"mac", "02:00:00:00:00:03"}});
  nodes.push_back({{"name", "core"}, {"role", "switch"}, {"mac", "02:00:00:00:00:fe"}});
  for (const char* agent : {"ha1", "fa1", "aaa"})
    links.push_back({{"name", std::string("core-") + agent}, {"a", agent}, {"b", "core"}, {"delay_us", 1000}});
  for (unsigned i = 0; i < mobiles; ++i) {
    const std::string name = fmt::format("mn{}", i), link = fmt::format("s{}", i);
    nodes.push_back({{"name", name}, {"role", "station"}, {"ipv4", ipv4(10, 1, 1 + i / 240, 10 + i % 240)}, {"mac", mac(i)}});
    links.push_back({{"name", link}, {"a", name}, {"b", "fa1"}, {"delay_us", 500}});
    list.push_back({{"node", name},
                    {"nai", fmt::format("user{}@roamscope.test", i)},
                    {"password", fmt::format("password-{}", i)},
                    {"home_agents", {"ha1"}},
                    {"itinerary", {{{"at_s", 0.001 * i}, {"link", link}}}}});
  }
  return {{"name", fmt::format("bench-{}{}-{}", keyMode, faChallenge ? "-challenge" : "", mobiles)},
          {"duration_s", 0.001 * mobiles + 5},
          {"nodes", nodes},
          {"links", links},
          {"profile", {{"file", std::string(ROAMSCOPE_SOURCE_DIR) + "/resources/profiles/reference.json"}}},
          {"methods",
           {{"mip",
             {{"key_mode", keyMode}, {"fa_challenge", faChallenge}, {"lifetime_s", 600}, {"rekey_interval_s", 0}, {"prefix_length", 16},
              {"advertisement_interval_ms", 5000}, {"advertisement_lifetime_s", 15}, {"mobiles", list}}}}}};
}

void run(unsigned mobiles, const char* keyMode, bool faChallenge = false) {
  auto parsed = sim::parseScenario(scenario(mobiles, keyMode, faChallenge).dump(), "bench_mip_network.json");
  if (auto* e = std::get_if<sim::ConfigError>(&parsed)) {
    fmt::print(stderr, "{}\n", e->message());
    std::exit(1);
  }
  const auto start = std::chrono::steady_clock::now();
  auto created = mip::MipNetwork::create(std::get<sim::Scenario>(parsed));
  if (auto* e = std::get_if<std::string>(&created)) {
    fmt::print(stderr, "{}\n", *e);
    std::exit(1);
  }
  auto& network = *std::get<std::unique_ptr<mip::MipNetwork>>(created);
  const auto built = std::chrono::steady_clock::now();
  const mip::MipRunSummary summary = network.run();
  const auto done = std::chrono::steady_clock::now();
  std::size_t ok = 0, refused = 0;
  std::vector<std::int64_t> latency;
  for (const auto& r : network.truth().records()) {
    if (r.success) {
      ++ok;
      latency.push_back(r.latencyNs.at(mipreg::Figure::Registration));
    } else {
      ++refused;
    }
  }
  std::sort(latency.begin(), latency.end());
  const double runS = std::chrono::duration<double>(done - built).count();
  const auto& table = network.homeAgents().front()->securityAssociations();
  fmt::print("{:>7} keys{}, {:>5} mobiles: {:>5} registered, {:>4} refused; build {:.2f} s, run {:.2f} s "
             "({} events, {:.0f} registrations/s of wall time); registration median {:.3f} ms, max {:.3f} ms;\n"
             "        HA SA table: {} rows, NVRAM {} of {} bytes (room for {} static SAs), memory {} bytes "
             "({:.0f} bytes per registered mobile)\n",
             keyMode, faChallenge ? " + FA challenge" : "", mobiles, ok, refused, std::chrono::duration<double>(built - start).count(), runS, summary.events,
             static_cast<double>(ok) / runS, latency.empty() ? 0.0 : static_cast<double>(latency[latency.size() / 2]) / 1e6,
             latency.empty() ? 0.0 : static_cast<double>(latency.back()) / 1e6, table.size(), table.nvramBytesUsed(), table.nvramBudget(),
             table.capacity(), table.memoryBytesUsed(), ok ? static_cast<double>(table.bytesUsed()) / static_cast<double>(ok) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<unsigned> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(static_cast<unsigned>(std::max(1, std::atoi(argv[i]))));
  if (sizes.empty()) sizes = {1500, 2000};
  for (unsigned n : sizes) {
    run(n, "dynamic");
    run(n, "static");
    run(n, "dynamic", true);
  }
  return 0;
}
