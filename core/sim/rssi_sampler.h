// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Samples the signal a station receives from its serving access point at a
// fixed interval (what a driver's signal monitor does) and reports each sample;
// when the signal falls below the roam threshold — from at or above it to
// below it — the threshold callback fires once, so the policy can start a scan.
// The serving AP changes after a roam (setServing); stop() cancels the next sample.
#include <functional>
#include <optional>

#include "core/sim/scheduler.h"
#include "core/sim/wireless_medium.h"

namespace rs::sim {

class RssiSampler {
 public:
  using SampleCallback = std::function<void(SimTime time, double rssiDbm)>;
  using CrossingCallback = std::function<void(SimTime time, double rssiDbm)>;

  // Samples the signal at `station` from `serving` on `medium`, every `interval`.
  RssiSampler(Scheduler& scheduler, const WirelessMedium& medium, NodeId station, NodeId serving, SimTime interval);
  ~RssiSampler();
  RssiSampler(const RssiSampler&) = delete;
  RssiSampler& operator=(const RssiSampler&) = delete;

  void onSample(SampleCallback callback) { onSample_ = std::move(callback); }
  void setThreshold(double dbm, CrossingCallback onCrossBelow);
  // After a roam: samples the new AP, possibly on another medium; the
  // threshold re-arms (the next crossing is judged from the new AP's signal).
  void setServing(NodeId serving, const WirelessMedium& medium);

  // The first sample is taken now, then one every interval.
  void start();
  void stop();
  bool running() const { return next_.valid(); }

 private:
  void sample();

  Scheduler& scheduler_;
  const WirelessMedium* medium_;
  NodeId station_;
  NodeId serving_;
  SimTime interval_;
  SampleCallback onSample_;
  std::optional<double> threshold_;
  CrossingCallback onCross_;
  std::optional<bool> wasBelow_;  // unknown until the first sample
  EventId next_;
};

}  // namespace rs::sim
