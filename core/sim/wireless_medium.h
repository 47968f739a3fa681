// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One 802.11 channel. Nodes attach to listen (a scanning station detaches from
// its channel and attaches to the next). transmit() puts an MPDU on the air:
// carrier sense defers it until the channel is idle (no backoff or collisions
// are modelled), every capture point of the channel records it at its first
// bit with a radiotap header, and every other attached node gets a delivery
// event at its last bit (+ propagation delay) unless the loss model drops it or
// the signal is below the sensitivity — a frame with a unicast Address 1 only
// at the node with that MAC (the others would discard it at address filtering;
// with 1,000 stations on a channel this keeps deliveries linear). Signal uses
// the positions at the first bit. Loss draws come from the medium's own random stream.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/capture_hub.h"
#include "core/sim/radio_model.h"
#include "core/sim/random.h"
#include "core/sim/scheduler.h"
#include "core/sim/topology.h"

namespace rs::sim {

struct MediumConfig {
  std::string name;  // "ch1"
  unsigned channel = 1;
  Band band = Band::Ghz2_4;
  PathLossModel pathLoss;
  LossModel loss;
  double txPowerDbm = 20.0;
  double noiseFloorDbm = -95.0;
  double sensitivityDbm = -92.0;  // frames received below it are not delivered
  std::uint8_t defaultRate = 12;  // 500 kb/s units: 6 Mb/s
};

struct AirReception {
  SimTime start = 0;  // first bit at the transmitter
  SimTime time = 0;   // last bit at this receiver (now)
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  ByteView mpdu;  // valid during the call only
  double rssiDbm = 0;
  double snrDb = 0;
  std::uint8_t rate = 0;  // 500 kb/s units
};

struct TxOptions {
  std::uint8_t rate = 0;  // 500 kb/s units; 0 = the medium's default
  std::optional<double> txPowerDbm;
  std::string_view label;  // for the delivery events' descriptor (must outlive them)
};

struct AirTransmission {
  SimTime start = 0;  // first bit (later than now when the channel was busy)
  SimTime end = 0;    // last bit at the transmitter
};

class WirelessMedium {
 public:
  using Receiver = std::function<void(const AirReception&)>;

  // `seed` is the run's seed; the loss stream is "medium/<name>/loss".
  WirelessMedium(Scheduler& scheduler, const Topology& topology, CaptureHub& captures, MediumConfig config,
                 std::uint64_t seed);

  const MediumConfig& config() const { return config_; }
  std::uint16_t frequencyMhz() const { return frequencyMhz_; }

  void attach(NodeId node, Receiver receiver);
  void detach(NodeId node);
  bool isAttached(NodeId node) const;

  // Records every frame of this channel at `point`, with the signal as heard
  // at `observer` (a node, e.g. the station carrying the sniffer) or, without
  // one, at the fixed position `where`.
  void addCapture(CapturePointId point, std::optional<NodeId> observer, Position where = {});

  // Puts `mpdu` (802.11 header + body, no FCS; air time counts the 4 FCS bytes) on the air.
  // Throws std::invalid_argument for a rate that is not an 802.11 DSSS/OFDM rate.
  AirTransmission transmit(NodeId from, Bytes mpdu, const TxOptions& options = {});

  // Received signal at `to` from `from` at time t, with the medium's default power.
  double rssiDbm(NodeId from, NodeId to, SimTime t) const;
  double rssiDbm(const Position& from, const Position& to, std::optional<double> txPowerDbm = {}) const;
  SimTime busyUntil() const { return busyUntil_; }

  struct Listener {
    NodeId node;
    // Shared so a receiver that detaches (or re-attaches) inside its own call is not destroyed mid-call.
    std::shared_ptr<const Receiver> receiver;
  };

 private:
  struct Capture {
    CapturePointId point;
    std::optional<NodeId> observer;
    Position where;
  };
  void startTransmission(NodeId from, const std::shared_ptr<const Bytes>& mpdu, std::uint8_t rate, double power,
                         SimTime end, std::string_view label);
  void deliver(NodeId to, const AirReception& reception) const;
  Bytes radiotapFor(SimTime start, std::uint8_t rate, double signalDbm) const;

  Scheduler& scheduler_;
  const Topology& topology_;
  CaptureHub& captures_;
  MediumConfig config_;
  std::uint16_t frequencyMhz_ = 0;
  Random lossRandom_;
  std::vector<Listener> listeners_;
  std::vector<Capture> captureList_;
  SimTime busyUntil_ = 0;
};

}  // namespace rs::sim
