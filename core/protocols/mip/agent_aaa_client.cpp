// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/agent_aaa_client.h"

#include "core/protocols/aaa/sim_aaa_transport.h"
#include "core/protocols/mip/registration_truth.h"

namespace rs::mip {

void AgentAaaClient::setTransport(std::unique_ptr<aaa::AaaTransport> transport) {
  transport_ = std::move(transport);
  embedded_ = dynamic_cast<aaa::SimAaaTransport*>(transport_.get());
}

bool AgentAaaClient::takeReply(std::uint16_t destinationPort, ByteView ethernetFrame) const {
  if (destinationPort != kAaaClientPort || !embedded_) return false;
  embedded_->receiveFrame(ethernetFrame);
  return true;
}

void AgentAaaClient::noteRequestSent(std::uint32_t homeAddress, std::uint64_t identification,
                                     mipreg::Step step) const {
  const sim::SimTime now = world_.sim.now();
  if (!embedded_)
    world_.truth.step(homeAddress, identification, step, now);
  else if (embedded_->lastTransmissionStart() >= now)  // it may wait for the link
    world_.truth.step(homeAddress, identification, step, embedded_->lastTransmissionStart());
}

void AgentAaaClient::noteReply(std::uint32_t homeAddress, std::uint64_t identification, mipreg::Step step,
                               const aaa::AaaResult& result) const {
  if (result.outcome != aaa::AaaOutcome::Accepted && result.outcome != aaa::AaaOutcome::Rejected) return;
  world_.truth.step(homeAddress, identification, step,
                    world_.aaaReplySent(address_, kAaaClientPort, result.identifier).value_or(world_.sim.now()));
}

}  // namespace rs::mip
