// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the emulated Home Agent sends its AAA requests, chosen by
// configuration: the scenario's embedded AAA server node (the default, so a
// run works offline and is reproducible), or any external RADIUS server given
// as "HOST[:PORT]" with its shared secret — what a future
// `roamscope-cli simulate --aaa-server HOST:PORT --aaa-secret S` and the GUI's
// AAA setting fill in.
#include <memory>
#include <string>

#include "core/protocols/aaa/aaa_transport.h"
#include "core/protocols/aaa/mschap_aaa_client.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/sim/simulation.h"

namespace rs::aaa {

struct HomeAgentAaaSettings {
  std::string secret;          // the HA's RADIUS shared secret
  NasIdentity nas;             // NAS-IP-Address / NAS-Identifier of its requests
  AaaRetryPolicy retry;
  std::string externalServer;  // "HOST[:PORT]" (port 1812 by default); empty: the embedded server
};

// The transport for the HA node `ha`. With the embedded server, requests go
// from `haEndpoint` to `embeddedServer` over `link` (null: the HA's first wired link) and the
// HA must hand replies to SimAaaTransport::receiveFrame (or attach it as its
// link receiver). Throws std::invalid_argument for an empty secret or an
// external address that does not resolve.
std::unique_ptr<AaaTransport> makeHomeAgentAaaTransport(sim::Simulation& sim, sim::NodeId ha,
                                                        const wlan::UdpEndpoint& haEndpoint,
                                                        const wlan::UdpEndpoint& embeddedServer,
                                                        const HomeAgentAaaSettings& settings,
                                                        sim::WiredLink* link = nullptr);

}  // namespace rs::aaa
