// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/emulated_network.h"

#include "core/protocols/mip/mip_network.h"
#include "core/protocols/wlan/wlan_network.h"

namespace rs::protocols {
namespace {
template <class Network, class Created>
std::variant<std::unique_ptr<EmulatedNetwork>, std::string> upcast(Created created) {
  if (auto* error = std::get_if<std::string>(&created)) return std::move(*error);
  return std::unique_ptr<EmulatedNetwork>(std::get<std::unique_ptr<Network>>(std::move(created)));
}
}  // namespace

std::variant<std::unique_ptr<EmulatedNetwork>, std::string> createNetwork(const sim::Scenario& scenario,
                                                                          std::optional<std::uint64_t> seed) {
  return createNetwork(scenario, seed, mip::MipRunOptions{});
}

std::variant<std::unique_ptr<EmulatedNetwork>, std::string> createNetwork(const sim::Scenario& scenario,
                                                                          std::optional<std::uint64_t> seed,
                                                                          const mip::MipRunOptions& mipOptions) {
  if (mip::isMipScenario(scenario))
    return upcast<mip::MipNetwork>(mip::MipNetwork::create(scenario, seed, mipOptions));
  return upcast<wlan::WlanNetwork>(wlan::WlanNetwork::create(scenario, seed));
}

}  // namespace rs::protocols
