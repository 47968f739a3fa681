// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/voice_server.h"

#include "core/protocols/wlan/ds_frames.h"
#include "dissectors/inet/ipv4.h"

namespace rs::wlan {

VoiceServer::VoiceServer(WlanWorld& world, sim::NodeId node, std::vector<sim::NodeId> stations)
    : world_(world), node_(node), stations_(std::move(stations)) {
  const auto links = world.sim.linksOf(node);
  if (!links.empty()) {
    link_ = links.front();
    link_->setReceiver(node_, [this](const sim::WireDelivery& d) {
      const auto udp = parseUdpFrame(d.frame);
      if (udp && udp->to.ip == world_.node(node_).ipv4.value_or(0) && udp->to.port == world_.settings.flow->serverPort)
        ++counters_.uplinkReceived;
    });
  }
}

void VoiceServer::start(sim::SimTime at) {
  world_.sim.scheduler().scheduleAt(at, {sim::EventKind::Timer, node_, "Voice packet"}, [this] { tick(); });
}

void VoiceServer::tick() {
  const FlowSettings& flow = *world_.settings.flow;
  world_.sim.scheduler().scheduleAfter(flow.interval, {sim::EventKind::Timer, node_, "Voice packet"}, [this] { tick(); });
  if (!link_) return;
  const sim::Node& self = world_.node(node_);
  // RTP-like: version 2, a sequence number, then G.711 silence.
  Bytes payload(flow.payloadBytes, 0xd5);
  payload[0] = 0x80;
  if (payload.size() > 3) {
    payload[2] = static_cast<std::uint8_t>(sequence_ >> 8);
    payload[3] = static_cast<std::uint8_t>(sequence_);
  }
  ++sequence_;
  for (sim::NodeId sta : stations_) {
    const sim::Node& s = world_.node(sta);
    const UdpEndpoint from{self.mac, self.ipv4.value_or(0), flow.serverPort};
    const UdpEndpoint to{s.mac, s.ipv4.value_or(0), flow.stationPort};
    link_->transmit(node_, buildUdpFrame(from, to, ipIdentification_++, payload), "Voice packet");
    ++counters_.downlinkSent;
  }
}

}  // namespace rs::wlan
