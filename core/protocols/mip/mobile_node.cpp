// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/mobile_node.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/protocols/mip/ipv4_frames.h"
#include "core/protocols/mip/registration_truth.h"
#include "core/protocols/wlan/ds_frames.h"
#include "dissectors/mip/mip.h"

namespace rs::mip {
namespace {
constexpr std::uint8_t kIcmp = 1;
constexpr std::uint8_t kUdp = 17;
}  // namespace

MobileNode::MobileNode(MipWorld& world, const MobileSettings& settings)
    : world_(world),
      settings_(settings),
      name_(world.node(settings.node).name),
      mac_(world.node(settings.node).mac),
      random_(world.sim.random("mip/" + world.node(settings.node).name + "/challenge")) {
  const sim::Node& self = world.node(settings.node);
  if (!self.ipv4) throw std::invalid_argument(fmt::format("mobile node {}: the node has no IPv4 (home) address", name_));
  home_ = *self.ipv4;
  links_ = world.sim.linksOf(settings.node);
  if (links_.empty()) throw std::invalid_argument(fmt::format("mobile node {}: the node has no link", name_));
  for (std::size_t i = 0; i < links_.size(); ++i)
    links_[i]->setReceiver(settings.node, [this, i](const sim::WireDelivery& d) { receive(i, d); });
  if (world.settings.keys == KeyMode::Static) {
    auto sa = SecurityAssociation::make(home_, world.settings.staticSpi, settings.staticKey, 0, 0);
    sa->kind = SaKeyKind::Static;
    sa->expiresNs = std::numeric_limits<std::int64_t>::max();
    sas_.install(*sa);
  }
}

std::optional<std::uint32_t> MobileNode::careOfAddress() const {
  return binding_ ? std::optional(binding_->careOf) : std::nullopt;
}

std::uint32_t MobileNode::homeAgentAddress() const { return *world_.node(settings_.homeAgents[homeAgent_]).ipv4; }

void MobileNode::start() {
  for (const Attachment& step : settings_.itinerary) {
    world_.sim.scheduler().scheduleAt(step.at, sim::EventDescriptor{sim::EventKind::Mobility, settings_.node, "attach"},
                                      [this, step] { step.link ? attach(step) : detach(); });
  }
}

void MobileNode::attach(const Attachment& step) {
  const sim::WiredLink* link = world_.sim.links()[*step.link].get();
  const auto it = std::find(links_.begin(), links_.end(), link);
  if (it == links_.end()) return;  // the settings reader checked that the mobile is an end of the link
  if (pending_) abandon("moved to another link before the reply");
  current_ = static_cast<std::size_t>(it - links_.begin());
  attachment_ = step;
  agent_.reset();
  world_.sim.scheduler().cancel(agentTimer_);
  world_.truth.attached(home_, world_.sim.now());
  world_.sim.trace(settings_.node, sim::TraceKind::Mobility,
                   fmt::format("{}: plugged into {}{}", name_, link->config().name,
                               step.careOf == CareOfMode::Colocated
                                   ? fmt::format(" with co-located care-of address {}",
                                                 sim::formatIpv4Address(step.colocatedAddress))
                                   : ""));
  if (world_.settings.solicit) solicit();
}

void MobileNode::detach() {
  if (pending_) abandon("left the link before the reply");
  current_.reset();
  agent_.reset();
  world_.sim.scheduler().cancel(agentTimer_);
  world_.sim.trace(settings_.node, sim::TraceKind::Mobility, fmt::format("{}: out of coverage (no link)", name_));
}

void MobileNode::solicit() {
  if (!current_) return;
  const std::uint32_t source = attachment_.careOf == CareOfMode::Colocated ? attachment_.colocatedAddress : home_;
  links_[*current_]->transmit(settings_.node,
                              buildIcmpFrame(mac_, source, kAllRoutersGroup, ++ipIdentification_, buildAgentSolicitation()),
                              "Agent Solicitation");
  world_.sim.trace(settings_.node, sim::TraceKind::FrameSent, fmt::format("{}: Agent Solicitation", name_));
}

void MobileNode::receive(std::size_t link, const sim::WireDelivery& delivery) {
  if (!current_ || link != *current_) return;  // unplugged from that link
  const auto ip = parseIpv4Frame(delivery.frame);
  if (!ip || (ip->destinationMac != mac_ && !ip->destinationMac.isGroup())) return;
  if (ip->protocol == kIcmp && ip->destination == kAllSystemsGroup) {
    if (const auto adv = parseAgentAdvertisement(ip->payload)) onAdvertisement(*adv, ip->sourceMac, delivery.sent);
    return;
  }
  const std::uint32_t ours = attachment_.careOf == CareOfMode::Colocated ? attachment_.colocatedAddress : home_;
  if (ip->protocol != kUdp || (ip->destination != ours && ip->destination != home_)) return;
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  if (udp && udp->from.port == kUdpPort) onReply(udp->payload, delivery.time);
}

void MobileNode::onAdvertisement(const ParsedAgentAdvertisement& adv, const MacAddress& from, sim::SimTime firstBit) {
  if (adv.routers.empty()) return;
  const std::uint32_t address = adv.routers.front().address;
  world_.sim.scheduler().cancel(agentTimer_);
  agentTimer_ = world_.sim.scheduler().scheduleAfter(
      sim::seconds(adv.lifetime), sim::EventDescriptor{sim::EventKind::Timer, settings_.node, "agent lifetime"},
      [this] { agentLost(); });
  if (agent_ && agent_->address == address) {  // the agent we know: nothing moved
    if (!adv.challenge.empty()) agent_->challenge = adv.challenge;
    return;
  }
  Agent agent;
  agent.address = address;
  agent.mac = from;
  agent.home = (adv.mobility.flags & adv_flag::kHomeAgent) &&
               std::any_of(settings_.homeAgents.begin(), settings_.homeAgents.end(),
                           [&](sim::NodeId ha) { return world_.node(ha).ipv4 == address; });
  agent.foreign = (adv.mobility.flags & adv_flag::kForeignAgent) && !adv.mobility.careOfAddresses.empty();
  if (agent.foreign) agent.careOf = adv.mobility.careOfAddresses.front();
  agent.challenge = adv.challenge;
  agent_ = agent;
  ++counters_.movements;
  world_.truth.advertisement(home_, firstBit);
  world_.sim.trace(settings_.node, sim::TraceKind::RoamDecision,
                   fmt::format("{}: movement detected: agent {} ({})", name_, sim::formatIpv4Address(address),
                               agent.home ? "my home agent: home" : agent.foreign ? "foreign agent" : "no care-of offered"));
  if (agent.home) {
    if (agent.address != homeAgentAddress()) {
      homeAgent_ = static_cast<std::size_t>(
          std::find_if(settings_.homeAgents.begin(), settings_.homeAgents.end(),
                       [&](sim::NodeId ha) { return world_.node(ha).ipv4 == address; }) -
          settings_.homeAgents.begin());
    }
    if (binding_) registerNow(mipreg::Trigger::Deregistration);
    return;
  }
  if (agent.foreign || attachment_.careOf == CareOfMode::Colocated) registerNow(mipreg::Trigger::Movement);
}

void MobileNode::agentLost() {
  if (!agent_) return;
  world_.sim.trace(settings_.node, sim::TraceKind::RoamDecision,
                   fmt::format("{}: no advertisement from agent {} within its lifetime: movement assumed", name_,
                               sim::formatIpv4Address(agent_->address)));
  agent_.reset();
  solicit();
}

void MobileNode::discardSessionKeys(std::string_view why) {
  const std::size_t n = sas_.removeSessionKeys(home_);
  if (n)
    world_.sim.trace(settings_.node, sim::TraceKind::StateChange,
                     fmt::format("{}: {}: {} session key SA(s) discarded", name_, why, n));
}

void MobileNode::replayLastRequest() {
  if (lastRequestFrame_.empty()) {
    world_.sim.trace(settings_.node, sim::TraceKind::Info,
                     fmt::format("{}: replay fault: no request sent yet, nothing to replay", name_));
    return;
  }
  const sim::WireTransmission t =
      links_[lastRequestLink_]->transmit(settings_.node, lastRequestFrame_, "Registration Request (replayed)");
  mipreg::RegistrationRecord record = lastRequestRecord_;
  record.trigger = mipreg::Trigger::Replayed;
  record.startNs = t.start;
  record.retransmissions = 0;
  record.steps.clear();
  world_.truth.begin(std::move(record));
  world_.sim.trace(settings_.node, sim::TraceKind::Error,
                   fmt::format("{}: an attacker on {} sends the last Registration Request again, unchanged", name_,
                               links_[lastRequestLink_]->config().name));
}

}  // namespace rs::mip
