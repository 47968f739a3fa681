// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A full-duplex point-to-point wired link (an Ethernet segment of the
// distribution system, a backhaul). Each direction is a FIFO: a frame starts
// serialising when the previous one in its direction has finished, takes
// 8 * bytes / bandwidth on the wire, then arrives after the propagation delay
// plus a jitter drawn uniformly from [0, jitter]; arrivals never overtake each
// other (real links do not reorder). Lost frames are still recorded by the
// link's capture points (they are taken at the sender's end) but never arrive.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/capture_hub.h"
#include "core/sim/random.h"
#include "core/sim/scheduler.h"

namespace rs::sim {

struct LinkConfig {
  std::string name;  // "ds-ap1"
  NodeId a = kNoNode;
  NodeId b = kNoNode;
  SimTime delay = 0;        // propagation + switching, one way
  SimTime jitter = 0;       // extra delay, uniform in [0, jitter]
  double bandwidthBps = 0;  // 0: no serialisation time
  double lossRate = 0;      // probability that a frame is dropped
};

struct WireDelivery {
  SimTime sent = 0;  // first bit left the sender
  SimTime time = 0;  // arrival (now)
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  ByteView frame;  // valid during the call only
};

struct WireTransmission {
  SimTime start = 0;    // first bit on the wire
  SimTime end = 0;      // last bit on the wire
  SimTime arrival = 0;  // at the far end (meaningless when lost)
  bool lost = false;
};

class WiredLink {
 public:
  using Receiver = std::function<void(const WireDelivery&)>;

  // `seed` is the run's seed; the streams are "link/<name>/jitter" and "link/<name>/loss".
  WiredLink(Scheduler& scheduler, CaptureHub& captures, LinkConfig config, std::uint64_t seed);

  const LinkConfig& config() const { return config_; }
  bool connects(NodeId node) const { return node == config_.a || node == config_.b; }
  NodeId otherEnd(NodeId node) const { return node == config_.a ? config_.b : config_.a; }

  // Throws std::invalid_argument for a node that is not an end of the link.
  void setReceiver(NodeId endpoint, Receiver receiver);
  // Records the frames of this link at `point`: both directions, or with
  // `toward` only those travelling toward that end. A point that lists every
  // ingress link of a switch toward the switch sees each frame once, like a
  // SPAN port, where recording both directions would show a frame that
  // crosses the switch (AP -> switch -> server) twice. Throws
  // std::invalid_argument when `toward` is not an end of the link.
  void addCapture(CapturePointId point, std::optional<NodeId> toward = {});
  // Sends `frame` (an Ethernet frame for the distribution system) from one end to the other.
  WireTransmission transmit(NodeId from, Bytes frame, std::string_view label = {});

  // 8 * bytes / bandwidth, rounded up to the nanosecond (0 for bandwidth 0).
  static SimTime serialisationTime(std::size_t bytes, double bandwidthBps);

 private:
  std::size_t direction(NodeId from) const;
  struct Tap {
    CapturePointId point;
    std::optional<NodeId> toward;  // nullopt: both directions
  };
  void record(SimTime start, NodeId to, const std::shared_ptr<const Bytes>& frame);
  bool recordsToward(NodeId to) const;

  Scheduler& scheduler_;
  CaptureHub& captures_;
  LinkConfig config_;
  Random jitterRandom_;
  Random lossRandom_;
  std::array<std::shared_ptr<const Receiver>, 2> receivers_;  // [d] receives direction d: [0] is b's, [1] is a's
  std::array<SimTime, 2> wireFreeAt_{};                       // per direction (0: a -> b)
  std::array<SimTime, 2> lastArrival_{};                      // per direction
  std::vector<Tap> taps_;
};

}  // namespace rs::sim
