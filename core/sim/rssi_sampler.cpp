// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/rssi_sampler.h"

namespace rs::sim {

RssiSampler::RssiSampler(Scheduler& scheduler, const WirelessMedium& medium, NodeId station, NodeId serving,
                         SimTime interval)
    : scheduler_(scheduler), medium_(&medium), station_(station), serving_(serving), interval_(interval) {}

RssiSampler::~RssiSampler() { stop(); }

void RssiSampler::setThreshold(double dbm, CrossingCallback onCrossBelow) {
  threshold_ = dbm;
  onCross_ = std::move(onCrossBelow);
  wasBelow_.reset();
}

void RssiSampler::setServing(NodeId serving, const WirelessMedium& medium) {
  serving_ = serving;
  medium_ = &medium;
  wasBelow_.reset();
}

void RssiSampler::start() {
  stop();
  next_ =
      scheduler_.scheduleAfter(0, EventDescriptor{EventKind::Mobility, station_, "RSSI sample"}, [this] { sample(); });
}

void RssiSampler::stop() {
  scheduler_.cancel(next_);
  next_ = EventId{};
}

void RssiSampler::sample() {
  const SimTime t = scheduler_.now();
  // Scheduled before the callbacks run, so a callback may stop() the sampler.
  next_ = scheduler_.scheduleAfter(interval_, EventDescriptor{EventKind::Mobility, station_, "RSSI sample"},
                                   [this] { sample(); });
  const double rssi = medium_->rssiDbm(serving_, station_, t);
  if (onSample_) onSample_(t, rssi);
  if (!threshold_) return;
  const bool below = rssi < *threshold_;
  // A node that starts below the threshold has not crossed it: only a fall from at-or-above counts.
  const bool crossed = below && wasBelow_.has_value() && !*wasBelow_;
  wasBelow_ = below;
  if (crossed && onCross_) onCross_(t, rssi);
}

}  // namespace rs::sim
