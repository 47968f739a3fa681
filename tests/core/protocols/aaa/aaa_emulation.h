// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A two-node emulated network for the AAA suites: the Home Agent "ha"
// (10.0.0.1) and the AAA server "aaa" (10.0.0.2) on one wired link with a
// capture point, the embedded server knowing kMnNai/kMnPassword and the HA's
// secret, and the HA's SimAaaTransport.
#include <memory>
#include <optional>
#include <vector>

#include "core/protocols/aaa/aaa_server_node.h"
#include "core/protocols/aaa/sim_aaa_transport.h"
#include "tests/support/memory_frame_sink.h"
#include "core/sim/simulation.h"

namespace rs::test {

struct AaaEmulation {
  sim::Simulation sim;
  sim::NodeId ha = 0, aaaNode = 0;
  MemoryFrameSink capture;
  sim::MemoryTraceSink traces;
  std::unique_ptr<aaa::AaaServerNode> server;
  std::unique_ptr<aaa::SimAaaTransport> client;
  std::vector<aaa::AaaResult> results;

  // `serverPort` lets a test aim the HA at a port nobody listens on.
  explicit AaaEmulation(std::uint64_t seed, std::uint16_t serverPort = 1812);
  // Submits and runs the scheduler until the result is in.
  aaa::AaaResult registerMobile(const aaa::MsChapV2Response& response,
                                std::optional<std::string> password = std::nullopt);
  // The same for a CHAP Access-Request (a Foreign Agent's RFC 3012 check).
  aaa::AaaResult authenticateChap(const aaa::ChapResponse& response);
  aaa::AaaResult statusServer();
};

}  // namespace rs::test
