// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/wireless_medium.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "dissectors/radiotap/radiotap.h"

namespace rs::sim {
namespace {

constexpr std::size_t kFcsBytes = 4;

std::int8_t toDbmByte(double dbm) { return static_cast<std::int8_t>(std::clamp(std::lround(dbm), -128L, 127L)); }

}  // namespace

WirelessMedium::WirelessMedium(Scheduler& scheduler, const Topology& topology, CaptureHub& captures,
                               MediumConfig config, std::uint64_t seed)
    : scheduler_(scheduler),
      topology_(topology),
      captures_(captures),
      config_(std::move(config)),
      lossRandom_(Random::stream(seed, "medium/" + config_.name + "/loss")) {
  const auto mhz = channelFrequencyMhz(config_.band, config_.channel);
  if (!mhz)
    throw std::invalid_argument(fmt::format("medium {}: no channel {} in its band", config_.name, config_.channel));
  frequencyMhz_ = *mhz;
}

namespace {
bool byNode(const WirelessMedium::Listener& l, NodeId node) { return l.node < node; }
}  // namespace

void WirelessMedium::attach(NodeId node, Receiver receiver) {
  // Kept in id order, so deliveries of one frame (and their loss draws) do not depend on attach order.
  auto it = std::lower_bound(listeners_.begin(), listeners_.end(), node, byNode);
  auto shared = std::make_shared<const Receiver>(std::move(receiver));
  if (it != listeners_.end() && it->node == node) it->receiver = std::move(shared);
  else listeners_.insert(it, Listener{node, std::move(shared)});
}

void WirelessMedium::detach(NodeId node) {
  auto it = std::lower_bound(listeners_.begin(), listeners_.end(), node, byNode);
  if (it != listeners_.end() && it->node == node) listeners_.erase(it);
}

bool WirelessMedium::isAttached(NodeId node) const {
  auto it = std::lower_bound(listeners_.begin(), listeners_.end(), node, byNode);
  return it != listeners_.end() && it->node == node;
}

void WirelessMedium::addCapture(CapturePointId point, std::optional<NodeId> observer, Position where) {
  captureList_.push_back(Capture{point, observer, where});
}

double WirelessMedium::rssiDbm(const Position& from, const Position& to, std::optional<double> txPowerDbm) const {
  return txPowerDbm.value_or(config_.txPowerDbm) - config_.pathLoss.lossDb(distance(from, to), frequencyMhz_);
}

double WirelessMedium::rssiDbm(NodeId from, NodeId to, SimTime t) const {
  return rssiDbm(topology_.positionAt(from, t), topology_.positionAt(to, t));
}

AirTransmission WirelessMedium::transmit(NodeId from, Bytes mpdu, const TxOptions& options) {
  const std::uint8_t rate = options.rate ? options.rate : config_.defaultRate;
  const auto duration = airTime(rate, mpdu.size() + kFcsBytes, config_.band);
  if (!duration)
    throw std::invalid_argument(
        fmt::format("medium {}: rate {} (x 500 kb/s) is not an 802.11 rate", config_.name, rate));
  const SimTime start = std::max(scheduler_.now(), busyUntil_);
  const SimTime end = start + *duration;
  busyUntil_ = end;
  const double power = options.txPowerDbm.value_or(config_.txPowerDbm);
  auto frame = std::make_shared<const Bytes>(std::move(mpdu));
  const std::string_view label = options.label;
  if (start == scheduler_.now()) {
    startTransmission(from, frame, rate, power, end, label);
  } else {
    scheduler_.scheduleAt(
        start, EventDescriptor{EventKind::Protocol, from, label},
        [this, from, frame, rate, power, end, label] { startTransmission(from, frame, rate, power, end, label); });
  }
  return AirTransmission{start, end};
}

Bytes WirelessMedium::radiotapFor(SimTime start, std::uint8_t rate, double signalDbm) const {
  RadiotapFields f;
  f.tsft = static_cast<std::uint64_t>(start / kMicrosecond);
  f.flags = 0;  // no FCS at the end: the emulator hands out MPDUs without one
  f.rate = rate;
  const std::uint16_t band = config_.band == Band::Ghz2_4 ? channel_flag::k2Ghz : channel_flag::k5Ghz;
  const std::uint16_t modulation = isOfdmRate(rate) ? channel_flag::kOfdm : channel_flag::kCck;
  f.channel = RadiotapChannel{frequencyMhz_, static_cast<std::uint16_t>(band | modulation)};
  f.dbmAntennaSignal = toDbmByte(signalDbm);
  f.dbmAntennaNoise = toDbmByte(config_.noiseFloorDbm);
  RadiotapHeader header;
  header.namespaces.push_back(f);
  return buildRadiotap(header);
}

void WirelessMedium::startTransmission(NodeId from, const std::shared_ptr<const Bytes>& mpdu, std::uint8_t rate,
                                       double power, SimTime end, std::string_view label) {
  const SimTime start = scheduler_.now();
  const Position origin = topology_.positionAt(from, start);
  if (captures_.recording()) {
    for (const Capture& c : captureList_) {
      const Position at = c.observer ? topology_.positionAt(*c.observer, start) : c.where;
      Bytes record = radiotapFor(start, rate, rssiDbm(origin, at, power));
      record.insert(record.end(), mpdu->begin(), mpdu->end());
      captures_.record(c.point, start, record);
    }
  }
  // A frame to one station (Address 1 unicast) reaches only that station: every other receiver would
  // drop it at address filtering (IEEE 802.11-2016 10.3.2.x), so no delivery event is made for them.
  // Capture points above record it whatever its address, as monitor-mode interfaces do.
  std::optional<MacAddress> unicastTo;
  if (mpdu->size() >= 10 && !(mpdu->at(4) & 0x01)) {
    MacAddress a;
    std::copy_n(mpdu->begin() + 4, 6, a.octets.begin());
    unicastTo = a;
  }
  for (const Listener& l : listeners_) {
    if (l.node == from) continue;
    if (unicastTo && topology_.node(l.node).mac != *unicastTo) continue;
    const Position target = topology_.positionAt(l.node, start);
    const double rssi = rssiDbm(origin, target, power);
    if (rssi < config_.sensitivityDbm) continue;
    const double snr = rssi - config_.noiseFloorDbm;
    if (lossRandom_.bernoulli(config_.loss.probability(snr))) continue;
    const SimTime arrival = end + propagationDelay(distance(origin, target));
    const NodeId to = l.node;
    scheduler_.scheduleAt(
        arrival, EventDescriptor{EventKind::AirDelivery, to, label}, [this, mpdu, start, from, to, rssi, rate] {
          deliver(to, AirReception{start, scheduler_.now(), from, to, *mpdu, rssi, rssi - config_.noiseFloorDbm, rate});
        });
  }
}

void WirelessMedium::deliver(NodeId to, const AirReception& reception) const {
  // A node that left the channel while the frame was in flight does not get it.
  auto it = std::lower_bound(listeners_.begin(), listeners_.end(), to, byNode);
  if (it == listeners_.end() || it->node != to) return;
  const auto keep = it->receiver;  // the receiver may detach (or re-attach) inside its own call
  (*keep)(reception);
}

}  // namespace rs::sim
