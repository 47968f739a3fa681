// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Agent discovery on one subnet link of a mobility agent (RFC 3344 2.3): an
// Agent Advertisement every advertisement interval, the first at a random
// offset (RFC 1256 4: agents must not advertise in step), and one at once for
// every Agent Solicitation heard. A foreign agent offers its address as the
// care-of address (F); a home agent advertises on its home link (H), which is
// how a mobile learns that it is home. A foreign agent that challenges
// mobiles (RFC 3012 2) adds a new Challenge extension to every advertisement.
#include <cstdint>
#include <functional>

#include "core/protocols/mip/mip_world.h"

namespace rs::mip {

class AgentAdvertiser {
 public:
  // `flags`: adv_flag::kForeignAgent or kHomeAgent (agent_advertisement.h). `challenges`, when set, gives the
  // challenge of each advertisement.
  AgentAdvertiser(MipWorld& world, sim::NodeId agent, sim::WiredLink& link, std::uint16_t flags,
                  std::function<Bytes()> challenges = {});
  AgentAdvertiser(const AgentAdvertiser&) = delete;
  AgentAdvertiser& operator=(const AgentAdvertiser&) = delete;

  void start();
  // Stops advertising (the agent went down).
  void stop();
  // An Agent Solicitation arrived on the link.
  void solicited();
  const sim::WiredLink& link() const { return link_; }

 private:
  void advertise(bool periodic);

  MipWorld& world_;
  sim::NodeId agent_;
  sim::WiredLink& link_;
  std::uint16_t flags_;
  std::function<Bytes()> challenges_;
  std::string label_;
  sim::Random random_;
  std::uint16_t sequence_ = 0;
  std::uint16_t ipIdentification_ = 0;
  sim::EventId timer_{};
  bool running_ = false;
};

}  // namespace rs::mip
