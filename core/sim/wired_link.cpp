// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/wired_link.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rs::sim {

WiredLink::WiredLink(Scheduler& scheduler, CaptureHub& captures, LinkConfig config, std::uint64_t seed)
    : scheduler_(scheduler),
      captures_(captures),
      config_(std::move(config)),
      jitterRandom_(Random::stream(seed, "link/" + config_.name + "/jitter")),
      lossRandom_(Random::stream(seed, "link/" + config_.name + "/loss")) {}

std::size_t WiredLink::direction(NodeId from) const {
  if (from == config_.a) return 0;
  if (from == config_.b) return 1;
  throw std::invalid_argument(fmt::format("link {}: node {} is not one of its ends", config_.name, from));
}

void WiredLink::setReceiver(NodeId endpoint, Receiver receiver) {
  // Direction 0 (a -> b) is received at b, so the receiver of `endpoint` sits at the other index.
  receivers_[1 - direction(endpoint)] = std::make_shared<const Receiver>(std::move(receiver));
}

void WiredLink::addCapture(CapturePointId point, std::optional<NodeId> toward) {
  if (toward) direction(*toward);  // throws for a node that is not an end
  taps_.push_back(Tap{point, toward});
}

SimTime WiredLink::serialisationTime(std::size_t bytes, double bandwidthBps) {
  if (bandwidthBps <= 0) return 0;
  return static_cast<SimTime>(std::ceil(8.0 * static_cast<double>(bytes) * 1e9 / bandwidthBps));
}

bool WiredLink::recordsToward(NodeId to) const {
  for (const Tap& t : taps_)
    if (!t.toward || *t.toward == to) return true;
  return false;
}

void WiredLink::record(SimTime start, NodeId to, const std::shared_ptr<const Bytes>& frame) {
  for (const Tap& t : taps_)
    if (!t.toward || *t.toward == to) captures_.record(t.point, start, *frame);
}

WireTransmission WiredLink::transmit(NodeId from, Bytes frame, std::string_view label) {
  const std::size_t dir = direction(from);
  const NodeId to = otherEnd(from);
  WireTransmission tx;
  tx.start = std::max(scheduler_.now(), wireFreeAt_[dir]);
  tx.end = tx.start + serialisationTime(frame.size(), config_.bandwidthBps);
  wireFreeAt_[dir] = tx.end;
  // Both draws happen for every frame, so a change of the loss rate does not shift the jitter sequence.
  const SimTime jitter = config_.jitter > 0 ? jitterRandom_.uniformInt(0, config_.jitter) : 0;
  tx.lost = lossRandom_.bernoulli(config_.lossRate);
  tx.arrival = std::max(tx.end + config_.delay + jitter, lastArrival_[dir]);

  auto shared = std::make_shared<const Bytes>(std::move(frame));
  if (captures_.recording() && recordsToward(to)) {
    if (tx.start == scheduler_.now())
      record(tx.start, to, shared);
    else  // queued behind earlier frames: recorded when its first bit leaves
      scheduler_.scheduleAt(tx.start, EventDescriptor{EventKind::Protocol, from, label},
                            [this, shared, to] { record(scheduler_.now(), to, shared); });
  }
  if (tx.lost) return tx;
  lastArrival_[dir] = tx.arrival;
  const SimTime sent = tx.start;
  scheduler_.scheduleAt(tx.arrival, EventDescriptor{EventKind::WireDelivery, to, label},
                        [this, shared, sent, from, to, dir] {
                          if (const auto keep = receivers_[dir])
                            (*keep)(WireDelivery{sent, scheduler_.now(), from, to, *shared});
                        });
  return tx;
}

}  // namespace rs::sim
