// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/protocols/aaa/aaa_emulation.h"

#include "core/protocols/wlan/wlan_costs.h"
#include "tests/core/protocols/aaa/aaa_test_support.h"

namespace rs::test {
namespace {
const MacAddress kHaMac = *MacAddress::parse("02:00:00:00:01:01");
const MacAddress kAaaMac = *MacAddress::parse("02:00:00:00:01:02");
constexpr std::uint32_t kHaIp = 0x0a000001, kAaaIp = 0x0a000002;
constexpr std::uint16_t kHaPort = 40000;
}  // namespace

AaaEmulation::AaaEmulation(std::uint64_t seed, std::uint16_t serverPort) : sim(seed) {
  using namespace sim;
  ha = sim.topology().addNode(Node{kNoNode, "ha", NodeRole::HomeAgent, {}, kHaMac, kHaIp, {}});
  aaaNode = sim.topology().addNode(Node{kNoNode, "aaa", NodeRole::HomeAaa, {}, kAaaMac, kAaaIp, {}});
  WiredLink& link = sim.addLink(LinkConfig{"ha-aaa", ha, aaaNode, milliseconds(1), 0, 1e9, 0});
  sim.costs().set(std::string(wlan::cost::kRadiusProcessing), microseconds(8));
  sim.costs().set(std::string(wlan::cost::kMppeKeyCrypto), microseconds(3));
  link.addCapture(sim.captures().addPoint("ha-aaa", LinkType::Ethernet, "Home Agent to AAA server"));
  sim.setFrameSink(&capture);
  sim.addTraceSink(&traces);
  server = std::make_unique<aaa::AaaServerNode>(sim, aaaNode);
  server->server().addClient("10.0.0.1", kAaaSecret);
  server->server().addUser(kMnNai, kMnPassword);
  aaa::AaaClientConfig config{kAaaSecret, aaa::NasIdentity{kHaIp, "ha"}, {}};
  client = std::make_unique<aaa::SimAaaTransport>(sim, ha, wlan::UdpEndpoint{kHaMac, kHaIp, kHaPort},
                                                  wlan::UdpEndpoint{kAaaMac, kAaaIp, serverPort}, config);
  client->attachAsLinkReceiver();
}

aaa::AaaResult AaaEmulation::registerMobile(const aaa::MsChapV2Response& response,
                                            std::optional<std::string> password) {
  const std::size_t before = results.size();
  client->submitAccessRequest(response, [this](const aaa::AaaResult& r) { results.push_back(r); },
                              std::move(password));
  while (results.size() == before && sim.scheduler().step()) {
  }
  return results.size() > before ? results.back() : aaa::AaaResult{};
}

aaa::AaaResult AaaEmulation::authenticateChap(const aaa::ChapResponse& response) {
  const std::size_t before = results.size();
  client->submitChapAccessRequest(response, [this](const aaa::AaaResult& r) { results.push_back(r); });
  while (results.size() == before && sim.scheduler().step()) {
  }
  return results.size() > before ? results.back() : aaa::AaaResult{};
}

aaa::AaaResult AaaEmulation::statusServer() {
  const std::size_t before = results.size();
  client->submitStatusServer([this](const aaa::AaaResult& r) { results.push_back(r); });
  while (results.size() == before && sim.scheduler().step()) {
  }
  return results.size() > before ? results.back() : aaa::AaaResult{};
}

}  // namespace rs::test
