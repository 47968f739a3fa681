// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/home_agent.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/protocols/mip/ipv4_frames.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/registration_truth.h"
#include "dissectors/mip/agent_advertisement.h"

namespace rs::mip {
namespace {
constexpr std::uint8_t kIcmp = 1;
}  // namespace

HomeAgent::HomeAgent(MipWorld& world, sim::NodeId node)
    : world_(world),
      node_(node),
      name_(world.node(node).name),
      mac_(world.node(node).mac),
      aaa_(world, world.node(node).ipv4.value_or(0)),  // no address: agentLinks() below refuses the node
      sas_(world.settings.saNvramBytes) {
  MipWorld::AgentLinks links = world.agentLinks(node, "home agent " + name_);
  address_ = links.address;
  backbone_ = links.backbone;
  homeLinks_ = std::move(links.access);
  backbone_->setReceiver(node_, [this](const sim::WireDelivery& d) { receive(*backbone_, d); });
  for (sim::WiredLink* link : homeLinks_) {
    link->setReceiver(node_, [this, link](const sim::WireDelivery& d) { receive(*link, d); });
    advertisers_.push_back(std::make_unique<AgentAdvertiser>(world, node, *link, adv_flag::kHomeAgent));
  }
}

HomeAgent::~HomeAgent() = default;

void HomeAgent::setAaaTransport(std::unique_ptr<aaa::AaaTransport> transport) { aaa_.setTransport(std::move(transport)); }

wlan::UdpEndpoint HomeAgent::aaaClientEndpoint() const { return {mac_, address_, kAaaClientPort}; }

void HomeAgent::start() {
  if (world_.settings.keys == KeyMode::Static) {
    for (const MobileSettings& m : world_.settings.mobiles) {
      if (std::find(m.homeAgents.begin(), m.homeAgents.end(), node_) == m.homeAgents.end()) continue;
      auto sa = SecurityAssociation::make(world_.homeAddress(m), world_.settings.staticSpi, m.staticKey, 0, 0);
      sa->kind = SaKeyKind::Static;
      sa->replayWindowSeconds = world_.settings.replayWindowSeconds;
      sa->expiresNs = std::numeric_limits<std::int64_t>::max();
      if (sas_.install(*sa) == SaTable::Install::Full)
        world_.sim.trace(node_, sim::TraceKind::Error,
                         fmt::format("{}: no NVRAM left for the static SA of {} ({} of {} bytes used): its "
                                     "registrations will be refused",
                                     name_, sim::formatIpv4Address(sa->mobileNode), sas_.nvramBytesUsed(),
                                     sas_.nvramBudget()));
    }
  }
  for (auto& a : advertisers_) a->start();
}

void HomeAgent::fail() {
  down_ = true;
  for (auto& [home, b] : bindings_) world_.sim.scheduler().cancel(b.expiry);
  bindings_.clear();
  sas_.clear();
  lastIdentification_.clear();
  aaaPending_.clear();
  for (auto& a : advertisers_) a->stop();
  world_.sim.trace(node_, sim::TraceKind::Error,
                   fmt::format("{}: down (fault): its bindings, security associations and replay state are lost",
                               name_));
}

void HomeAgent::receive(sim::WiredLink& link, const sim::WireDelivery& delivery) {
  if (down_) return;
  const auto ip = parseIpv4Frame(delivery.frame);
  if (!ip) return;
  if (ip->protocol == kIcmp && ip->destination == kAllRoutersGroup && !ip->payload.empty() &&
      ip->payload[0] == kIcmpRouterSolicitation) {
    for (auto& a : advertisers_)
      if (&a->link() == &link) a->solicited();
    return;
  }
  if (ip->destinationMac != mac_ || ip->destination != address_) return;
  const auto udp = wlan::parseUdpFrame(delivery.frame);
  if (!udp) return;
  if (aaa_.takeReply(udp->to.port, delivery.frame)) return;
  if (udp->to.port != kUdpPort) return;
  handleRequest(ReturnPath{&link, udp->from}, udp->payload);
}

std::optional<std::uint8_t> HomeAgent::identificationProblem(std::uint32_t homeAddress, std::uint64_t identification,
                                                             std::uint16_t replayWindowSeconds) const {
  constexpr std::uint8_t kIdentificationMismatch = 133;  // RFC 3344 3.4
  const auto last = lastIdentification_.find(homeAddress);
  if (last != lastIdentification_.end() && identification <= last->second) return kIdentificationMismatch;
  const std::int64_t theirs = static_cast<std::int64_t>(identification >> 32);
  const std::int64_t ours = static_cast<std::int64_t>(world_.ntpNow() >> 32);
  if ((theirs > ours ? theirs - ours : ours - theirs) > replayWindowSeconds) return kIdentificationMismatch;
  return std::nullopt;
}

std::uint64_t HomeAgent::correctedIdentification(std::uint64_t requestIdentification) const {
  // RFC 3344 5.7: the high 32 bits from the HA's clock, the low 32 copied from the request.
  return (world_.ntpNow() & 0xffffffff00000000ull) | (requestIdentification & 0xffffffffull);
}

void HomeAgent::accept(std::uint32_t homeAddress, std::uint32_t careOf, std::uint16_t lifetime,
                       std::uint64_t identification) {
  lastIdentification_[homeAddress] = identification;
  sas_.noteIdentification(homeAddress, identification);
  ++counters_.accepted;
  if (lifetime == 0 || careOf == homeAddress) return removeBinding(homeAddress, "de-registered");
  Binding& b = bindings_[homeAddress];
  world_.sim.scheduler().cancel(b.expiry);
  b.homeAddress = homeAddress;
  b.careOfAddress = careOf;
  b.registered = world_.sim.now();
  b.expires = b.registered + sim::seconds(lifetime);
  sas_.extend(homeAddress, b.expires);
  b.expiry = world_.sim.scheduler().scheduleAt(
      b.expires, sim::EventDescriptor{sim::EventKind::Timer, node_, "binding lifetime expired"},
      [this, homeAddress] {
        ++counters_.expiredBindings;
        removeBinding(homeAddress, "the binding's lifetime expired");
      });
}

void HomeAgent::removeBinding(std::uint32_t homeAddress, std::string_view why) {
  if (auto it = bindings_.find(homeAddress); it != bindings_.end()) {
    world_.sim.scheduler().cancel(it->second.expiry);
    bindings_.erase(it);
  }
  const std::size_t discarded = sas_.removeSessionKeys(homeAddress);
  world_.sim.trace(node_, sim::TraceKind::StateChange,
                   fmt::format("{}: {}: binding of {} removed{}", name_, why, sim::formatIpv4Address(homeAddress),
                               discarded ? fmt::format(", {} session key SA(s) discarded", discarded) : ""));
}

void HomeAgent::sendReply(const ReturnPath& back, std::uint32_t homeAddress, std::uint64_t requestIdentification,
                          Bytes reply, sim::SimTime ready, std::string text) {
  auto frame = wlan::buildUdpFrame({mac_, address_, kUdpPort}, back.to, ++ipIdentification_, reply);
  world_.sim.scheduler().scheduleAt(
      ready, sim::EventDescriptor{sim::EventKind::Processing, node_, "Registration Reply"},
      [this, link = back.link, frame = std::move(frame), homeAddress, requestIdentification, text = std::move(text)]() mutable {
        if (down_) return;
        const sim::WireTransmission t = link->transmit(node_, std::move(frame), "Registration Reply");
        world_.truth.step(homeAddress, requestIdentification, mipreg::Step::Reply, t.start);
        world_.sim.trace(node_, sim::TraceKind::FrameSent, text);
      });
}

void HomeAgent::traceKeys(std::string_view summary, std::string_view formula, std::uint32_t homeAddress,
                          std::vector<sim::LabelledBytes> inputs, std::vector<sim::LabelledBytes> outputs) {
  sim::KeyDerivationRecord record;
  record.name = std::string(formula);
  record.inputs = std::move(inputs);
  record.outputs = std::move(outputs);
  world_.sim.trace(sim::TraceEvent{world_.sim.now(), node_, sim::TraceKind::KeyDerivation,
                                   fmt::format("{}: {} for {}", name_, summary, sim::formatIpv4Address(homeAddress)),
                                   std::move(record)});
}

}  // namespace rs::mip
