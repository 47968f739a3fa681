// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The WLAN system of a scenario on the emulation core: one AccessPoint per
// node of role access-point, one Station per station, the authentication
// server (802.1X), the DS switches and the voice server, wired to the run's
// media and links. The GUI steps `simulation()` itself; `run()` goes to the
// scenario's end. OpenSSL's randomness is seeded from the run for the network's
// lifetime (EAP-TLS stays byte-identical), so only one network may exist at a time.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/protocols/emulated_network.h"
#include "core/protocols/wlan/ground_truth.h"
#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/station.h"
#include "core/protocols/wlan/voice_server.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "core/protocols/wlan/wlan_world.h"
#include "core/sim/deterministic_openssl_random.h"
#include "core/sim/scenario.h"
#include "core/sim/simulation.h"

namespace rs::wlan {

class AccessPoint;
class EthernetSwitch;
class RadiusServer;

// Default length of a run whose scenario gives no duration_s.
inline constexpr sim::SimTime kDefaultRunDuration = sim::seconds(60);

struct WlanRunSummary {
  std::uint64_t events = 0;
  sim::SimTime endTime = 0;
  std::vector<StationCounters> stations;  // in node order
  VoiceServerCounters server;
};

class WlanNetwork : public protocols::EmulatedNetwork {
 public:
  // An error names the scenario file and what is wrong with its WLAN part.
  static std::variant<std::unique_ptr<WlanNetwork>, std::string> create(const sim::Scenario& scenario,
                                                                        std::optional<std::uint64_t> seed = {});
  ~WlanNetwork() override;
  WlanNetwork(const WlanNetwork&) = delete;
  WlanNetwork& operator=(const WlanNetwork&) = delete;

  sim::Simulation& simulation() override { return *sim_; }
  const WlanSettings& settings() const { return settings_; }
  const GroundTruth& truth() const { return truth_; }
  // Every key the APs installed (for --keys-out); secrets, never logged.
  const KeyLog& keys() const { return keys_; }
  sim::SimTime duration() const override { return duration_; }

  // Schedules the beacons, the stations' first scans and the voice flow (once).
  void start() override;
  // start(), then every event up to the duration; the ground truth is closed at the end.
  WlanRunSummary run();
  void runToDuration() override { run(); }
  WlanRunSummary summary() const;

 private:
  WlanNetwork(const sim::Scenario& scenario, WlanSettings settings, std::optional<std::uint64_t> seed);
  std::optional<std::string> build(const sim::Scenario& scenario);

  WlanSettings settings_;
  std::optional<sim::ScopedDeterministicOpensslRandom> random_;
  std::unique_ptr<sim::Simulation> sim_;
  std::unique_ptr<WlanWorld> world_;
  GroundTruth truth_;
  KeyLog keys_;
  sim::SimTime duration_ = kDefaultRunDuration;
  std::vector<std::unique_ptr<AccessPoint>> accessPoints_;
  std::vector<std::unique_ptr<Station>> stations_;
  std::vector<std::unique_ptr<EthernetSwitch>> switches_;
  std::unique_ptr<RadiusServer> radiusServer_;
  std::unique_ptr<VoiceServer> voiceServer_;
  bool started_ = false;
};

}  // namespace rs::wlan
