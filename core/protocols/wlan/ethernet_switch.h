// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The distribution system's Ethernet switch: a transparent learning bridge
// (IEEE 802.1D-2004 clause 7) between every wired link of its node. It learns
// which port (link) each source MAC sits behind from every frame it receives,
// forwards a unicast frame to the learned port only, never back out of the
// port it came in on, and floods broadcast, multicast and unknown destinations
// to every other port. When a station roams, the new AP's Layer 2 Update frame
// (IEEE 802.11F, ds_frames.h) carries the station's MAC as its source, so the
// switch moves the station to the new AP's port before any data arrives.
// No spanning tree: the DS is a star with the switch at its centre.
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/sim/simulation.h"
#include "dissectors/common/mac_address.h"

namespace rs::wlan {

class EthernetSwitch {
 public:
  // Store-and-forward latency of a small enterprise switch, a few microseconds.
  static constexpr sim::SimTime kDefaultForwardingDelay = sim::microseconds(5);
  // IEEE 802.1D-2004 7.9.2 / Table 7-5: recommended Ageing Time 300 s.
  static constexpr sim::SimTime kAgeingTime = sim::seconds(300);

  // Takes the receiving end of every link of `node` (Simulation::linksOf at
  // construction: add the links first).
  EthernetSwitch(sim::Simulation& sim, sim::NodeId node, sim::SimTime forwardingDelay = kDefaultForwardingDelay);
  EthernetSwitch(const EthernetSwitch&) = delete;
  EthernetSwitch& operator=(const EthernetSwitch&) = delete;

  // The link `mac` was last seen behind, unless unknown or aged out.
  const sim::WiredLink* portOf(const MacAddress& mac) const;
  std::size_t framesForwarded() const { return forwarded_; }  // sent to one learned port
  std::size_t framesFlooded() const { return flooded_; }      // sent to every other port
  std::size_t framesFiltered() const { return filtered_; }    // destination behind the ingress port, or runt

 private:
  struct Entry {
    std::size_t port = 0;
    sim::SimTime lastSeen = 0;
  };
  void receive(std::size_t ingress, const sim::WireDelivery& delivery);
  void learn(const MacAddress& source, std::size_t ingress);
  std::optional<std::size_t> lookup(const MacAddress& destination) const;
  void send(std::size_t egress, Bytes frame);

  sim::Simulation& sim_;
  sim::NodeId node_;
  sim::SimTime forwardingDelay_;
  std::vector<sim::WiredLink*> ports_;
  std::unordered_map<MacAddress, Entry, MacAddressHash> table_;
  std::size_t forwarded_ = 0;
  std::size_t flooded_ = 0;
  std::size_t filtered_ = 0;
};

}  // namespace rs::wlan
