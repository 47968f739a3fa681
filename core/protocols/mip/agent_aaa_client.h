// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mobility agent's seat as a RADIUS client: the home agent asking the AAA
// server for seed 001's MS-CHAPv2 check, the foreign agent for RFC 3012's
// MN-AAA check. It holds the transport (embedded server over the emulated
// backbone, or an external one), takes the server's replies off the agent's
// backbone link, and times the exchange for the ground truth the way every
// other message is timed: at its first bit on its sender's link.
#include <cstdint>
#include <memory>

#include "core/analysis/mip/registration_record.h"
#include "core/protocols/aaa/aaa_transport.h"
#include "core/protocols/mip/mip_world.h"

namespace rs::aaa {
class SimAaaTransport;
}

namespace rs::mip {

class AgentAaaClient {
 public:
  // `address`: the agent's; its client port is kAaaClientPort.
  AgentAaaClient(MipWorld& world, std::uint32_t address) : world_(world), address_(address) {}

  void setTransport(std::unique_ptr<aaa::AaaTransport> transport);
  // Null until setTransport (no AAA server configured).
  aaa::AaaTransport* transport() const { return transport_.get(); }

  // A UDP datagram to the agent: true when it was a reply to this client, now handed to the transport.
  bool takeReply(std::uint16_t destinationPort, ByteView ethernetFrame) const;

  // Right after a submit: `step` of the registration (home address, identification) at the request's first bit
  // on the backbone; now for an external server, whose request crosses no emulated link. Nothing when the request
  // could not be sent (its start lies before now).
  void noteRequestSent(std::uint32_t homeAddress, std::uint64_t identification, mipreg::Step step) const;
  // The server's answer (Accept or Reject only) as `step`, at its first bit on the server's link (or now).
  void noteReply(std::uint32_t homeAddress, std::uint64_t identification, mipreg::Step step,
                 const aaa::AaaResult& result) const;

 private:
  MipWorld& world_;
  std::uint32_t address_;
  std::unique_ptr<aaa::AaaTransport> transport_;
  aaa::SimAaaTransport* embedded_ = nullptr;  // transport_ when it runs over the emulated backbone
};

}  // namespace rs::mip
