// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The far end of the voice flow: an application server on the distribution
// system that sends one RTP-like UDP packet to each station every interval
// (downlink) and counts what the stations send (uplink). Its downlink runs
// whether or not a station is reachable, as a media server does, so the
// capture shows exactly when packets stop and resume around a roam.
#include <cstdint>
#include <vector>

#include "core/protocols/wlan/wlan_world.h"

namespace rs::wlan {

struct VoiceServerCounters {
  std::uint64_t downlinkSent = 0;
  std::uint64_t uplinkReceived = 0;
};

class VoiceServer {
 public:
  // Serves `stations` from `node`, over its single wired link.
  VoiceServer(WlanWorld& world, sim::NodeId node, std::vector<sim::NodeId> stations);
  void start(sim::SimTime at);
  const VoiceServerCounters& counters() const { return counters_; }

 private:
  void tick();

  WlanWorld& world_;
  sim::NodeId node_;
  std::vector<sim::NodeId> stations_;
  sim::WiredLink* link_ = nullptr;
  std::uint16_t sequence_ = 0;
  std::uint16_t ipIdentification_ = 0;
  VoiceServerCounters counters_;
};

}  // namespace rs::wlan
