// SPDX-License-Identifier: GPL-3.0-or-later
// The foreign agent's RFC 3012 admission of a Registration Request: the
// challenge it echoes must be one the FA advertised on that subnet and still
// fresh, and the AAA server must accept its MN-AAA authenticator (RADIUS
// CHAP, RFC 3012 8) before the request goes on to the home agent. Every
// refusal is a Registration Reply of the FA's own (RFC 3344 3.7.2.2 codes
// 64-127), without a Mobile-Home authenticator it has no key for.
#include <fmt/format.h>

#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/mip/foreign_agent.h"
#include "core/protocols/mip/ipv4_frames.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/mn_aaa_authentication.h"
#include "core/protocols/mip/registration_truth.h"
#include "dissectors/mip/mip_build.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip {
namespace {

// RFC 3344 3.4 codes of a foreign agent's denial (the RFC 3012 ones: mn_aaa_authentication.h).
namespace code {
constexpr std::uint8_t kInsufficientResources = 66;
constexpr std::uint8_t kMobileNodeFailedAuthentication = 67;
constexpr std::uint8_t kUnknownChallenge = challenge_code::kUnknown;
constexpr std::uint8_t kMissingChallenge = challenge_code::kMissing;
constexpr std::uint8_t kStaleChallenge = challenge_code::kStale;
}  // namespace code

std::string address(std::uint32_t a) { return sim::formatIpv4Address(a); }

}  // namespace

void ForeignAgent::admitWithChallenge(std::size_t subnet, const wlan::UdpFrame& udp, const Message& request) {
  world_.sim.charge(node_, cost::kRegistrationProcessing);
  const MnAaaCredentials credentials = mnAaaCredentials(request);
  if (credentials.mnFaChallenge.empty())
    return deny(subnet, udp.from, request, code::kMissingChallenge, "no MN-FA Challenge extension");
  const auto verdict = challenges_[subnet]->check(credentials.mnFaChallenge);
  if (verdict == ChallengeBook::Verdict::Unknown)
    return deny(subnet, udp.from, request, code::kUnknownChallenge, "a challenge this agent did not advertise here");
  if (verdict == ChallengeBook::Verdict::Stale)
    return deny(subnet, udp.from, request, code::kStaleChallenge,
                "a challenge already used, or older than the challenge window");
  if (!credentials.chap)
    return deny(subnet, udp.from, request, code::kMobileNodeFailedAuthentication,
                credentials.spi ? fmt::format("MN-AAA extension with SPI {} (only CHAP_SPI {} is checked)",
                                              *credentials.spi, kChapSpi)
                                : std::string("no MN-AAA Authentication extension after the challenge"));
  if (!aaa_.transport())
    return deny(subnet, udp.from, request, code::kInsufficientResources, "no AAA server configured");
  aaa::ChapResponse chap;
  // The NAI's user part: the user the AAA server knows, as in the home agent's MS-CHAPv2 requests.
  chap.userName = std::string(seed001::userNameFromNai(request.nai().value_or("")));
  chap.ident = credentials.chap->ident;
  chap.response = credentials.authenticator;
  chap.challenge = credentials.chap->challenge;
  const std::uint32_t home = request.homeAddress;
  const std::uint64_t identification = request.identification;
  world_.sim.scheduler().scheduleAt(
      world_.sim.charge(node_, cost::kRegistrationProcessing),
      sim::EventDescriptor{sim::EventKind::Processing, node_, "Access-Request (MN-AAA)"},
      [this, subnet, from = udp.from, payload = toBytes(udp.payload), challenge = credentials.mnFaChallenge,
       chap = std::move(chap), home, identification]() mutable {
        aaa_.transport()->submitChapAccessRequest(
            chap, [this, subnet, from, payload = std::move(payload), challenge = std::move(challenge)](
                      const aaa::AaaResult& r) { finishMnAaaCheck(subnet, from, payload, challenge, r); });
        aaa_.noteRequestSent(home, identification, mipreg::Step::FaAccessRequest);
        world_.sim.trace(node_, sim::TraceKind::FrameSent,
                         fmt::format("{}: asked the AAA server to check the MN-AAA authenticator of {}", name_,
                                     address(home)));
      });
}

void ForeignAgent::finishMnAaaCheck(std::size_t subnet, const wlan::UdpEndpoint& from, const Bytes& payload,
                                    const Bytes& challenge, const aaa::AaaResult& result) {
  const auto request = parseMessage(payload);
  if (!request) return;
  aaa_.noteReply(request->homeAddress, request->identification, mipreg::Step::FaAccessReply, result);
  if (result.outcome == aaa::AaaOutcome::Rejected)
    return deny(subnet, from, *request, code::kMobileNodeFailedAuthentication,
                "Access-Reject: the AAA server refused the MN-AAA authenticator");
  if (result.outcome != aaa::AaaOutcome::Accepted)
    return deny(subnet, from, *request, code::kInsufficientResources,
                fmt::format("MN-AAA check {}: {}", aaa::aaaOutcomeName(result.outcome), result.detail));
  // Checked again: another request with the same challenge may have been admitted while the AAA server thought.
  ChallengeBook& book = *challenges_[subnet];
  if (book.check(challenge) != ChallengeBook::Verdict::Fresh)
    return deny(subnet, from, *request, code::kStaleChallenge, "the challenge was used while the AAA server answered");
  book.use(challenge);
  world_.sim.trace(node_, sim::TraceKind::StateChange,
                   fmt::format("{}: the AAA server accepted the MN-AAA authenticator of {}", name_,
                               address(request->homeAddress)));
  const wlan::UdpFrame udp{from, {mac_, address_, kUdpPort}, payload};
  forwardRequest(subnet, udp, *request);
}

void ForeignAgent::deny(std::size_t subnet, const wlan::UdpEndpoint& from, const Message& request, std::uint8_t replyCode,
                        const std::string& why) {
  ++denials_;
  const ReplyHeader header{replyCode, 0, request.homeAddress, request.homeAgent, request.identification};
  MessageBuilder b(header);
  if (const auto nai = request.nai()) b.addNai(*nai);
  // RFC 3012 3.1: the mobile needs a new challenge to try again; it gets one in the denial rather than waiting
  // for the next advertisement.
  if (isChallengeDenial(replyCode)) b.addMnFaChallenge(challenges_[subnet]->issue());
  const auto reply = b.build();
  world_.sim.trace(node_, sim::TraceKind::Error,
                   fmt::format("{}: denied the registration of {} with code {} ({}): {}", name_,
                               address(request.homeAddress), replyCode, replyCodeName(replyCode), why));
  if (!reply) return;
  Bytes frame = wlan::buildUdpFrame(endpoint(mac_), {from.mac, request.homeAddress, from.port}, ++ipIdentification_,
                                    *reply);
  const std::uint32_t home = request.homeAddress;
  const std::uint64_t identification = request.identification;
  transmitAfterProcessing(*subnets_[subnet], std::move(frame), "Registration Reply (foreign agent)",
                          [this, home, identification, replyCode](sim::SimTime firstBit) {
                            world_.truth.step(home, identification, mipreg::Step::RelayedReply, firstBit);
                            world_.sim.trace(node_, sim::TraceKind::FrameSent,
                                             fmt::format("{}: Registration Reply code {} to {}", name_, replyCode,
                                                         address(home)));
                          });
}

}  // namespace rs::mip
