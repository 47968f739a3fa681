// SPDX-License-Identifier: GPL-3.0-or-later
// The home agent's decision on each Registration Request (RFC 3344 3.8.2,
// seed 001 Figs. 9-11): which security association authenticates it, whether
// it is fresh, and the reply; the initial dynamic-key request through the AAA server.
#include <fmt/format.h>

#include <algorithm>

#include "core/crypto/mip_auth.h"
#include "core/crypto/mip_session_keys.h"
#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/mip/home_agent.h"
#include "core/protocols/mip/mip_costs.h"
#include "core/protocols/mip/registration_truth.h"
#include "core/protocols/mip/seed001_messages.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip {
namespace {

// RFC 3344 3.4 reply codes the home agent sends.
namespace code {
constexpr std::uint8_t kAccepted = 0;
constexpr std::uint8_t kAdministrativelyProhibited = 129;
constexpr std::uint8_t kInsufficientResources = 130;
constexpr std::uint8_t kMobileNodeFailedAuthentication = 131;
constexpr std::uint8_t kIdentificationMismatch = 133;
constexpr std::uint8_t kPoorlyFormedRequest = 134;
}  // namespace code

// RFC 3344 3.5.1: the MHAE that counts is the last one (it covers everything before it).
const Extension* lastMhae(const Message& m) {
  const Extension* found = nullptr;
  for (const Extension& e : m.extensions)
    if (e.type == ext::kMobileHomeAuth) found = &e;
  return found;
}

std::optional<seed001::KeyExtension> keyExtension(const Message& m, std::uint16_t vendorType) {
  const auto v = m.vendorExtension(ext::kCvse, seed001::kVendorId, vendorType);
  return v ? seed001::parseKeyExtension(v->value) : std::nullopt;
}

std::string address(std::uint32_t a) { return sim::formatIpv4Address(a); }

}  // namespace

void HomeAgent::deny(const ReturnPath& back, const Message& request, std::uint8_t replyCode, std::string why,
                     std::optional<std::pair<std::uint32_t, ByteView>> signWith,
                     std::optional<std::uint64_t> identification) {
  ++counters_.denied;
  const sim::SimTime ready = world_.sim.charge(node_, cost::kRegistrationProcessing);
  const ReplyHeader header{replyCode, 0, request.homeAddress, address_, identification.value_or(request.identification)};
  const std::string nai = request.nai().value_or("");
  std::optional<Bytes> reply;
  if (signWith) {
    auto signed_ = seed001::buildAuthenticatedReply(header, nai, signWith->first, signWith->second);
    if (signed_) reply = std::move(*signed_);
  } else {
    // Without a shared key the reply cannot be authenticated; the MN learns only that it was denied.
    MessageBuilder b(header);
    if (!nai.empty()) b.addNai(nai);
    reply = b.build();
  }
  world_.sim.trace(node_, sim::TraceKind::Error,
                   fmt::format("{}: denied the registration of {} with code {} ({}): {}", name_,
                               address(request.homeAddress), replyCode, replyCodeName(replyCode), why));
  if (!reply) return;
  sendReply(back, request.homeAddress, request.identification, std::move(*reply), ready,
            fmt::format("{}: Registration Reply code {} to {}", name_, replyCode, address(back.to.ip)));
}

void HomeAgent::handleRequest(const ReturnPath& back, ByteView payload) {
  const auto request = parseMessage(payload);
  if (!request || !request->isRequest()) {
    world_.sim.trace(node_, sim::TraceKind::Error,
                     fmt::format("{}: dropped a datagram to port 434 that is no Registration Request", name_));
    return;
  }
  ++counters_.requests;
  const std::uint32_t home = request->homeAddress;
  world_.sim.trace(node_, sim::TraceKind::FrameReceived,
                   fmt::format("{}: Registration Request from {} for {}, care-of {}, lifetime {} s", name_,
                               address(back.to.ip), address(home), address(request->careOfAddress), request->lifetime));
  if (request->malformedAt) return deny(back, *request, code::kPoorlyFormedRequest, request->malformedReason);
  const MobileSettings* mobile = world_.mobileByHomeAddress(home);
  if (!mobile || std::find(mobile->homeAgents.begin(), mobile->homeAgents.end(), node_) == mobile->homeAgents.end())
    return deny(back, *request, code::kAdministrativelyProhibited, "not a mobile node of this home agent");
  const Extension* mhae = lastMhae(*request);
  const auto auth = mhae ? authenticationData(*mhae) : std::nullopt;
  if (!auth) return deny(back, *request, code::kMobileNodeFailedAuthentication, "no Mobile-Home Authentication Extension");
  const MipSettings& s = world_.settings;
  const bool initial = s.keys == KeyMode::Dynamic && auth->spi == s.skeySpi &&
                       request->vendorExtension(ext::kCvse, seed001::kVendorId, seed001::vtype::kNtResponse);
  if (initial) return startAaaExchange(back, toBytes(payload), *request);

  const SecurityAssociation* sa = sas_.find(home, auth->spi);
  if (!sa)
    return deny(back, *request, code::kMobileNodeFailedAuthentication,
                fmt::format("no security association with SPI {} for this mobile", auth->spi));
  world_.sim.charge(node_, cost::kRegistrationProcessing);
  world_.sim.charge(node_, cost::kAuthenticator);
  const auto valid = crypto::mip::verifyLastAuthenticationExtension(payload, ext::kMobileHomeAuth, sa->authAlgorithm(),
                                                                    sa->keyView());
  if (!valid || !*valid)
    return deny(back, *request, code::kMobileNodeFailedAuthentication,
                fmt::format("the Mobile-Home authenticator does not verify with the {} SA (SPI {})",
                            saKeyKindName(sa->kind), auth->spi));
  const Bytes key = toBytes(sa->keyView());  // the SA may go (de-registration) before the reply is signed
  if (identificationProblem(home, request->identification, sa->replayWindowSeconds))
    return deny(back, *request, code::kIdentificationMismatch,
                "identification not newer than the last accepted one or outside the replay window (replayed or stale)",
                std::pair<std::uint32_t, ByteView>{auth->spi, key}, correctedIdentification(request->identification));

  const std::uint16_t lifetime = std::min(request->lifetime, s.lifetimeSeconds);
  const ReplyHeader header{code::kAccepted, lifetime, home, address_, request->identification};
  const std::string nai = request->nai().value_or("");
  crypto::Result<Bytes> reply = Bytes{};
  const bool rekey = s.keys == KeyMode::Dynamic && auth->spi == s.skeySpi;
  if (rekey) {
    const auto primeExtension = keyExtension(*request, seed001::vtype::kSkeyPrime);
    if (!primeExtension) return deny(back, *request, code::kPoorlyFormedRequest, "re-key request without an Skey' extension");
    world_.sim.charge(node_, cost::kSessionKeys);
    auto prime = crypto::mip::derivedSessionKey(key, request->identification);
    auto row = prime ? SecurityAssociation::fromKeyExtension(*primeExtension, SaKeyKind::SkeyPrime, home, *prime,
                                                             world_.sim.now(), lifetime)
                     : std::nullopt;
    if (!row) return deny(back, *request, code::kPoorlyFormedRequest, "the Skey' extension names no usable algorithm");
    sas_.install(*row);
    ++counters_.rekeys;
    traceKeys("re-keyed: new Skey' installed (no AAA exchange)",
              "Skey' = HMAC-MD5(Skey, \"RoamScope seed-001 Skey'\" || Identification)", home,
              {{"Skey", crypto::SecretBytes(key), true}}, {{"Skey'", *prime, true}});
    reply = seed001::buildRekeyReply(header, nai, *primeExtension, s.skeySpi, key);
  } else {
    reply = seed001::buildAuthenticatedReply(header, nai, auth->spi, key);
  }
  const sim::SimTime ready = world_.sim.charge(node_, cost::kAuthenticator);
  if (!reply) return deny(back, *request, code::kInsufficientResources, reply.error().describe());
  accept(home, request->careOfAddress, request->lifetime == 0 ? 0 : lifetime, request->identification);
  sendReply(back, home, request->identification, std::move(*reply), ready,
            fmt::format("{}: Registration Reply accepted ({} s) to {}{}", name_, request->lifetime == 0 ? 0 : lifetime,
                        address(back.to.ip), rekey ? ", new Skey' installed" : ""));
}

void HomeAgent::startAaaExchange(const ReturnPath& back, Bytes request, const Message& parsed) {
  if (!aaa_.transport()) return deny(back, parsed, code::kInsufficientResources, "no AAA server configured");
  const auto check = seed001::checkInitialRequest(request);
  if (!check) return deny(back, parsed, code::kPoorlyFormedRequest, check.error().describe());
  if (!check->peerChallengeValid)
    return deny(back, parsed, code::kMobileNodeFailedAuthentication,
                "the MS-CHAPv2 peer challenge does not match the request it came in (altered)");
  // An exact replay needs no AAA round trip to be refused (the window check waits for Skey, to sign its reply).
  const auto last = lastIdentification_.find(parsed.homeAddress);
  if (last != lastIdentification_.end() && parsed.identification <= last->second)
    return deny(back, parsed, code::kIdentificationMismatch, "identification not newer than the last accepted one (replayed)");
  aaa::MsChapV2Response response;
  response.userName = check->chap.userName;
  response.authenticatorChallenge = toBytes(check->chap.authenticatorChallenge);
  response.peerChallenge = toBytes(check->chap.peerChallenge);
  response.ntResponse = toBytes(check->chap.ntResponse);
  const sim::SimTime ready = world_.sim.charge(node_, cost::kRegistrationProcessing);
  const std::uint32_t home = parsed.homeAddress;
  const std::uint64_t identification = parsed.identification;
  ++counters_.aaaRequests;
  world_.sim.scheduler().scheduleAt(
      ready, sim::EventDescriptor{sim::EventKind::Processing, node_, "Access-Request"},
      [this, back, request = std::move(request), response = std::move(response), home, identification]() mutable {
        if (down_) return;
        aaa_.transport()->submitAccessRequest(response,
                                              [this, back, request = std::move(request)](const aaa::AaaResult& r) {
                                                finishAaaExchange(back, request, r);
                                              });
        aaa_.noteRequestSent(home, identification, mipreg::Step::AccessRequest);
      });
}

void HomeAgent::finishAaaExchange(const ReturnPath& back, const Bytes& bytes, const aaa::AaaResult& result) {
  if (down_) return;
  const auto request = parseMessage(bytes);
  const std::uint32_t home = request->homeAddress;
  aaa_.noteReply(home, request->identification, mipreg::Step::AccessReply, result);
  if (const auto denial = aaa::registrationDenialCode(result.outcome)) {
    const std::string why = result.outcome == aaa::AaaOutcome::Rejected
                                ? fmt::format("Access-Reject from the AAA server{}",
                                              result.msChapError.empty() ? "" : " (" + result.msChapError + ")")
                                : fmt::format("AAA exchange {}: {}", aaa::aaaOutcomeName(result.outcome), result.detail);
    return deny(back, *request, *denial, why);
  }
  const auto check = seed001::checkInitialRequest(bytes);
  world_.sim.charge(node_, cost::kSessionKeys);
  world_.sim.charge(node_, cost::kAuthenticator);
  auto keys = seed001::homeAgentKeys(bytes, result.mppeRecvKey, result.mppeSendKey);
  if (!keys || !keys->mhaeValid)
    return deny(back, *request, code::kMobileNodeFailedAuthentication,
                "the Mobile-Home authenticator does not verify with the Skey from the AAA server's key material");
  const crypto::SecretBytes& skey = keys->keys.skey;
  if (identificationProblem(home, request->identification, check->skey.replayWindowSeconds))
    return deny(back, *request, code::kIdentificationMismatch, "identification outside the replay window (stale clock)",
                std::pair<std::uint32_t, ByteView>{check->skey.spi, skey.view()},
                correctedIdentification(request->identification));
  const std::uint16_t lifetime = std::min(request->lifetime, world_.settings.lifetimeSeconds);
  const auto now = world_.sim.now();
  auto skeyRow = SecurityAssociation::fromKeyExtension(check->skey, SaKeyKind::Skey, home, skey, now, lifetime);
  auto primeRow =
      SecurityAssociation::fromKeyExtension(check->skeyPrime, SaKeyKind::SkeyPrime, home, keys->keys.skeyPrime, now, lifetime);
  if (!skeyRow || !primeRow)
    return deny(back, *request, code::kPoorlyFormedRequest, "a key extension names no usable algorithm");
  // Session keys live in memory, not in the NVRAM budget (sa_table.h): they always fit.
  sas_.install(*skeyRow);
  sas_.install(*primeRow);
  traceKeys("Skey and Skey' derived from the AAA key material and installed",
            "x'' = MS-MPPE-Recv-Key || MS-MPPE-Send-Key; Skey = HMAC-MD5(x'', label || challenges || NT-Response); "
            "Skey' = HMAC-MD5(Skey, label || Identification)",
            home, {{"MS-MPPE-Recv-Key", result.mppeRecvKey, true}, {"MS-MPPE-Send-Key", result.mppeSendKey, true}},
            {{"Skey", skey, true}, {"Skey'", keys->keys.skeyPrime, true}});
  const ReplyHeader header{code::kAccepted, lifetime, home, address_, request->identification};
  auto reply = seed001::buildInitialReply(header, request->nai().value_or(""), check->skey, check->skeyPrime,
                                          result.authenticatorResponse, skey);
  const sim::SimTime ready = world_.sim.charge(node_, cost::kAuthenticator);
  if (!reply) return deny(back, *request, code::kInsufficientResources, reply.error().describe());
  accept(home, request->careOfAddress, lifetime, request->identification);
  sendReply(back, home, request->identification, std::move(*reply), ready,
            fmt::format("{}: Registration Reply accepted ({} s) to {}, Skey and Skey' installed", name_, lifetime,
                        address(back.to.ip)));
}

}  // namespace rs::mip
