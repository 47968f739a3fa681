// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the GUI and the command line need of any emulated system, whatever its
// protocols: the run (scheduler, topology, capture points, trace), its length,
// starting it, and running it out. The WLAN system (wlan/wlan_network.h) and
// the Mobile IP system (mip/mip_network.h) implement it; createNetwork() picks
// the one a scenario describes, so a front end holds one pointer for either.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "core/sim/scenario.h"
#include "core/sim/simulation.h"

namespace rs::mip {
struct MipRunOptions;
}

namespace rs::protocols {

class EmulatedNetwork {
 public:
  virtual ~EmulatedNetwork() = default;
  virtual sim::Simulation& simulation() = 0;
  virtual sim::SimTime duration() const = 0;
  // Schedules the system's first events (once).
  virtual void start() = 0;
  // start(), every event up to duration(), then the ground truth's open records are closed.
  virtual void runToDuration() = 0;
};

// The Mobile IP system when the scenario has methods.mip, else the WLAN system. An error names the
// scenario file and what is wrong.
std::variant<std::unique_ptr<EmulatedNetwork>, std::string> createNetwork(const sim::Scenario& scenario,
                                                                          std::optional<std::uint64_t> seed = {});
// As above, with what a front end changes for a Mobile IP run (an external AAA server, its secret);
// the WLAN system has no such options and ignores them.
std::variant<std::unique_ptr<EmulatedNetwork>, std::string> createNetwork(const sim::Scenario& scenario,
                                                                          std::optional<std::uint64_t> seed,
                                                                          const mip::MipRunOptions& mipOptions);

}  // namespace rs::protocols
