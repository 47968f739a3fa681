// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP system of a scenario on the emulation core (seed 001 against
// RFC 3344's static keys): a HomeAgent per node of role home-agent, a
// ForeignAgent per foreign-agent, a MobileNode per entry of methods.mip.mobiles,
// the embedded AAA server on the home-aaa node (or an external RADIUS server),
// and the backbone switches, wired to the run's links. The GUI steps
// `simulation()` itself; `run()` goes to the scenario's end. No OpenSSL
// randomness is used (challenges and RADIUS authenticators come from the run's
// streams), so several networks may live in one process.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/protocols/emulated_network.h"
#include "core/protocols/mip/foreign_agent.h"
#include "core/protocols/mip/home_agent.h"
#include "core/protocols/mip/mip_settings.h"
#include "core/protocols/mip/mip_world.h"
#include "core/protocols/mip/mobile_node.h"
#include "core/protocols/mip/registration_truth.h"
#include "core/sim/scenario.h"
#include "core/sim/simulation.h"

namespace rs::aaa {
class AaaProxyNode;
class AaaServerNode;
}
namespace rs::wlan {
class EthernetSwitch;
}

namespace rs::mip {

inline constexpr sim::SimTime kDefaultMipRunDuration = sim::seconds(120);

// What the command line or the GUI changes for one run.
struct MipRunOptions {
  std::string externalAaaServer;  // "HOST[:PORT]"; empty: the scenario's choice
  std::optional<std::string> aaaSecret;
};

struct MipRunSummary {
  std::uint64_t events = 0;
  sim::SimTime endTime = 0;
  std::vector<MobileNodeCounters> mobiles;       // in settings order
  std::vector<HomeAgentCounters> homeAgents;     // in node order
  std::size_t foreignAgentRelays = 0;            // requests relayed by every FA
};

class MipNetwork : public protocols::EmulatedNetwork {
 public:
  // An error names the scenario file and what is wrong with its Mobile IP part.
  static std::variant<std::unique_ptr<MipNetwork>, std::string> create(const sim::Scenario& scenario,
                                                                       std::optional<std::uint64_t> seed = {},
                                                                       const MipRunOptions& options = {});
  ~MipNetwork() override;
  MipNetwork(const MipNetwork&) = delete;
  MipNetwork& operator=(const MipNetwork&) = delete;

  sim::Simulation& simulation() override { return *sim_; }
  const sim::Simulation& simulation() const { return *sim_; }
  const MipSettings& settings() const { return settings_; }
  const RegistrationTruth& truth() const { return truth_; }
  sim::SimTime duration() const override { return duration_; }

  const std::vector<std::unique_ptr<MobileNode>>& mobiles() const { return mobiles_; }
  const std::vector<std::unique_ptr<HomeAgent>>& homeAgents() const { return homeAgents_; }
  const std::vector<std::unique_ptr<ForeignAgent>>& foreignAgents() const { return foreignAgents_; }

  // Starts the agents' advertisements, the mobiles' itineraries and the faults (once).
  void start() override;
  // start(), then every event up to the duration; open records are closed at the end.
  MipRunSummary run();
  void runToDuration() override { run(); }
  MipRunSummary summary() const;

 private:
  MipNetwork(const sim::Scenario& scenario, MipSettings settings, std::optional<std::uint64_t> seed);
  std::optional<std::string> build();
  std::optional<std::string> buildAaa();
  void injectFault(const Fault& fault);

  MipSettings settings_;
  std::unique_ptr<sim::Simulation> sim_;
  RegistrationTruth truth_;
  std::unique_ptr<MipWorld> world_;
  sim::SimTime duration_ = kDefaultMipRunDuration;
  std::vector<std::unique_ptr<wlan::EthernetSwitch>> switches_;
  std::unique_ptr<aaa::AaaServerNode> aaaServer_;  // the AAA server, or the domain controller behind it
  std::unique_ptr<aaa::AaaProxyNode> aaaProxy_;    // the AAA server when a domain controller checks the users
  std::vector<std::unique_ptr<HomeAgent>> homeAgents_;
  std::vector<std::unique_ptr<ForeignAgent>> foreignAgents_;
  std::vector<std::unique_ptr<MobileNode>> mobiles_;
  bool started_ = false;
};

}  // namespace rs::mip
