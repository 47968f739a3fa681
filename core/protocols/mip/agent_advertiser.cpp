// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/agent_advertiser.h"

#include <fmt/format.h>

#include "core/protocols/mip/ipv4_frames.h"
#include "dissectors/mip/agent_advertisement.h"

namespace rs::mip {

AgentAdvertiser::AgentAdvertiser(MipWorld& world, sim::NodeId agent, sim::WiredLink& link, std::uint16_t flags,
                                 std::function<Bytes()> challenges)
    : world_(world),
      agent_(agent),
      link_(link),
      flags_(flags),
      challenges_(std::move(challenges)),
      label_(fmt::format("{}: Agent Advertisement on {}", world.node(agent).name, link.config().name)),
      random_(world.sim.random("mip/" + world.node(agent).name + "/" + link.config().name + "/advertisement")) {}

void AgentAdvertiser::start() {
  running_ = true;
  const auto interval = world_.settings.advertisementInterval;
  const sim::SimTime offset = random_.uniformInt(0, interval - 1);
  timer_ = world_.sim.scheduler().scheduleAfter(offset, sim::EventDescriptor{sim::EventKind::Timer, agent_, label_},
                                                [this] { advertise(true); });
}

void AgentAdvertiser::stop() {
  running_ = false;
  world_.sim.scheduler().cancel(timer_);
}

void AgentAdvertiser::solicited() {
  if (running_) advertise(false);
}

void AgentAdvertiser::advertise(bool periodic) {
  const sim::Node& self = world_.node(agent_);
  const MipSettings& s = world_.settings;
  MobilityAgentAdvertisement mobility;
  mobility.sequence = sequence_;
  // RFC 3344 2.3.2: after 0xffff the sequence goes on at 256 (0..255 mean the agent rebooted).
  sequence_ = sequence_ == 0xffff ? 256 : static_cast<std::uint16_t>(sequence_ + 1);
  mobility.registrationLifetime = s.lifetimeSeconds;
  mobility.flags = flags_;
  if (flags_ & adv_flag::kForeignAgent) mobility.careOfAddresses = {*self.ipv4};
  Bytes extensions = buildMobilityAgentExtension(mobility);
  const Bytes prefix = *buildPrefixLengthsExtension({s.prefixLength});
  extensions.insert(extensions.end(), prefix.begin(), prefix.end());
  if (challenges_) {
    if (const auto challenge = buildChallengeExtension(challenges_()))
      extensions.insert(extensions.end(), challenge->begin(), challenge->end());
  }
  const Bytes icmp = buildAgentAdvertisement(0, s.advertisementLifetimeSeconds, {RouterAddress{*self.ipv4, 0}},
                                             extensions);
  link_.transmit(agent_, buildIcmpFrame(self.mac, *self.ipv4, kAllSystemsGroup, ++ipIdentification_, icmp),
                 "Agent Advertisement");
  const bool foreign = flags_ & adv_flag::kForeignAgent;
  world_.sim.trace(agent_, sim::TraceKind::FrameSent,
                   fmt::format("{}: Agent Advertisement {} on {} ({}{}, lifetime {} s{}){}", self.name,
                               mobility.sequence, link_.config().name, foreign ? "foreign agent, care-of " : "home agent",
                               foreign ? sim::formatIpv4Address(*self.ipv4) : "",
                               s.advertisementLifetimeSeconds, challenges_ ? ", with a challenge" : "",
                               periodic ? "" : " in answer to a solicitation"));
  if (periodic && running_)
    timer_ = world_.sim.scheduler().scheduleAfter(s.advertisementInterval,
                                                  sim::EventDescriptor{sim::EventKind::Timer, agent_, label_},
                                                  [this] { advertise(true); });
}

}  // namespace rs::mip
