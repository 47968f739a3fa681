// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/aaa/home_agent_aaa.h"

#include <stdexcept>

#include "core/protocols/aaa/external_aaa_transport.h"
#include "core/protocols/aaa/sim_aaa_transport.h"
#include "core/protocols/aaa/udp_socket.h"
#include "dissectors/radius/radius.h"

namespace rs::aaa {

std::unique_ptr<AaaTransport> makeHomeAgentAaaTransport(sim::Simulation& sim, sim::NodeId ha,
                                                        const wlan::UdpEndpoint& haEndpoint,
                                                        const wlan::UdpEndpoint& embeddedServer,
                                                        const HomeAgentAaaSettings& settings,
                                                        sim::WiredLink* link) {
  const AaaClientConfig config{settings.secret, settings.nas, settings.retry};
  if (settings.externalServer.empty())
    return std::make_unique<SimAaaTransport>(sim, ha, haEndpoint, embeddedServer, config, link);
  std::string error;
  const auto address = parseUdpAddress(settings.externalServer, radius::kAuthPort, error);
  if (!address) throw std::invalid_argument("AAA server " + error);
  return std::make_unique<ExternalAaaTransport>(sim, ha, *address, config);
}

}  // namespace rs::aaa
