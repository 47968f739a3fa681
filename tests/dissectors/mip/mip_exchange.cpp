// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/dissectors/mip/mip_exchange.h"

#include <cstdio>
#include <cstdlib>

#include "core/crypto/mip_session_keys.h"
#include "core/crypto/mschapv2.h"
#include "core/protocols/mip/seed001_messages.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"
#include "dissectors/inet/udp.h"
#include "dissectors/mip/agent_advertisement.h"
#include "dissectors/mip/mip_build.h"
#include "dissectors/mip/ntp_time.h"
#include "dissectors/mip/seed001_extensions.h"
#include "tests/support/test_bytes.h"

namespace rs::test {
namespace {

namespace cmip = rs::crypto::mip;
namespace s1 = rs::mip::seed001;

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "makeMipExchange: %s\n", what);
  std::abort();
}

template <class T>
T need(crypto::Result<T> r, const char* what) {
  if (!r) die(what);
  return std::move(*r);
}

Bytes need(std::optional<Bytes> b, const char* what) {
  if (!b) die(what);
  return std::move(*b);
}

constexpr std::uint16_t kMnPort = 49152;
const MacAddress kMnMac = *MacAddress::parse("02:00:00:00:00:05");
const MacAddress kHaMac = *MacAddress::parse("02:00:00:00:00:01");

Bytes onIp(std::uint32_t src, std::uint32_t dst, std::uint8_t protocol, const Bytes& payload) {
  constexpr std::uint32_t kHomeAgent = 0x0a010001;
  inet::Ipv4Fields ip;
  ip.protocol = protocol;
  ip.source = src;
  ip.destination = dst;
  ip.ttl = protocol == inet::kIpProtoIcmp ? 1 : 64;  // RFC 3344 2.3: advertisements have TTL 1
  const Bytes packet = inet::buildIpv4(ip, payload);
  const MacAddress from = src == kHomeAgent ? kHaMac : kMnMac;
  // RFC 1112 6.4: an IPv4 multicast group maps to 01:00:5e plus its low 23 bits.
  const bool multicast = (dst >> 28) == 0xe;
  const MacAddress to = multicast ? MacAddress{{0x01, 0x00, 0x5e, static_cast<std::uint8_t>((dst >> 16) & 0x7f),
                                                static_cast<std::uint8_t>(dst >> 8), static_cast<std::uint8_t>(dst)}}
                        : src == kHomeAgent ? kMnMac
                                            : kHaMac;
  return inet::buildEthernet(to, from, inet::kEtherTypeIpv4, packet);
}


}  // namespace

Bytes onIcmp(std::uint32_t src, std::uint32_t dst, const Bytes& icmp) { return onIp(src, dst, inet::kIpProtoIcmp, icmp); }

Bytes onUdp(std::uint32_t src, std::uint32_t dst, std::uint16_t sport, std::uint16_t dport, const Bytes& payload) {
  return onIp(src, dst, inet::kIpProtoUdp, inet::buildUdp(src, dst, sport, dport, payload));
}

MipExchange makeMipExchange() {
  MipExchange x;
  x.authenticatorChallenge = hexBytes("5b5d7c7d7b3f2f3e3c2c602132262628");
  x.homeAddress = 0x0a010005;    // 10.1.0.5
  x.homeAgent = 0x0a010001;      // 10.1.0.1
  x.careOfAddress = 0xc0000205;  // 192.0.2.5, co-located
  // 2026-12-04 12:00:00.25 UTC, then 60 s and 1860 s later.
  x.initialIdentification = rs::mip::unixToNtp(1796385600, 250000000);
  x.rekeyIdentification = rs::mip::unixToNtp(1796385660, 0);
  x.reRegistrationIdentification = rs::mip::unixToNtp(1796387460, 500000000);
  const s1::KeyExtension skeyExt{x.skeySpi, s1::algorithm::kHmacMd5, s1::replay::kTimestamps, 7};
  const s1::KeyExtension skeyPrimeExt{x.skeyPrimeSpi, s1::algorithm::kHmacMd5, s1::replay::kTimestamps, 7};
  const auto add = [&](Bytes message, bool fromMn) {
    x.messages.push_back(message);
    x.frames.push_back(fromMn ? onUdp(x.careOfAddress, x.homeAgent, kMnPort, rs::mip::kUdpPort, message)
                              : onUdp(x.homeAgent, x.careOfAddress, rs::mip::kUdpPort, kMnPort, message));
    return x.messages.size() - 1;
  };
  const auto addIcmp = [&](std::uint32_t src, std::uint32_t dst, const Bytes& icmp) {
    x.messages.emplace_back();
    x.frames.push_back(onIp(src, dst, inet::kIpProtoIcmp, icmp));
  };

  // Agent discovery (RFC 3344 2): the MN solicits, the HA advertises itself.
  // RFC 3344 2.3/2.4: solicitations to the all-mobility-agents group 224.0.0.11,
  // advertisements to all systems 224.0.0.1, both with TTL 1.
  addIcmp(x.careOfAddress, 0xe000000b, rs::mip::buildAgentSolicitation());
  rs::mip::MobilityAgentAdvertisement adv;
  adv.sequence = 7;
  adv.registrationLifetime = 1800;
  adv.flags = rs::mip::adv_flag::kHomeAgent | rs::mip::adv_flag::kReverseTunnel;
  Bytes advExt = rs::mip::buildMobilityAgentExtension(adv);
  const Bytes prefixes = need(rs::mip::buildPrefixLengthsExtension({24}), "prefix lengths");
  advExt.insert(advExt.end(), prefixes.begin(), prefixes.end());
  addIcmp(x.homeAgent, 0xe0000001, rs::mip::buildAgentAdvertisement(0, 1800, {{x.homeAgent, 0}}, advExt));

  // Initial request (seed Fig. 10A), as the MN builds it.
  rs::mip::RequestHeader req{rs::mip::flag::kDecapsulationByMn, 1800, x.homeAddress, x.homeAgent, x.careOfAddress,
                             x.initialIdentification};
  auto initial = need(s1::buildInitialRequest(req, {x.nai, x.domain, x.password}, x.authenticatorChallenge, skeyExt,
                                              skeyPrimeExt),
                      "initial request");
  x.peerChallenge = initial.peerChallenge;
  x.ntResponse = initial.ntResponse;
  x.xDoublePrime = need(cmip::mobileNodeXDoublePrime(x.password, x.ntResponse), "x''").revealCopy();
  x.skey = initial.skey.revealCopy();
  x.skeyPrime = initial.skeyPrime.revealCopy();
  x.initialRequest = add(initial.message, true);

  // Initial reply (Fig. 10B): the key extensions echoed, MHAE with Skey.
  const auto authResponse = need(crypto::mschapv2::generateAuthenticatorResponse(
                                     x.password, x.ntResponse, x.peerChallenge, x.authenticatorChallenge,
                                     s1::userNameFromNai(x.nai)),
                                 "authenticator response");
  rs::mip::ReplyHeader rep{0, 1800, x.homeAddress, x.homeAgent, x.initialIdentification};
  x.initialReply = add(need(s1::buildInitialReply(rep, x.nai, skeyExt, skeyPrimeExt, authResponse, x.skey),
                            "initial reply"),
                       false);

  // Re-keying (Figs. 11A/11B): Skey' refreshed from the new identification, messages authenticated with Skey.
  x.rekeyedSkeyPrime = need(cmip::derivedSessionKey(x.skey, x.rekeyIdentification), "rekeyed Skey'").revealCopy();
  req.identification = x.rekeyIdentification;
  x.rekeyRequest = add(need(s1::buildRekeyRequest(req, x.nai, skeyPrimeExt, x.skeySpi, x.skey), "rekey request"),
                       true);
  rep.identification = x.rekeyIdentification;
  x.rekeyReply = add(need(s1::buildRekeyReply(rep, x.nai, skeyPrimeExt, x.skeySpi, x.skey), "rekey reply"), false);

  // A re-registration authenticated with the refreshed Skey'.
  req.identification = x.reRegistrationIdentification;
  x.reRegistration = add(need(s1::buildAuthenticatedRequest(req, x.nai, x.skeyPrimeSpi, x.rekeyedSkeyPrime),
                              "re-registration"),
                         true);

  // Through a foreign agent: MN-FA challenge, MN-AAA, MFAE, NVSE, FHAE (the
  // authenticators of the extensions seed 001 does not use are left as built).
  rs::mip::RequestHeader viaFa{rs::mip::flag::kSimultaneousBindings | rs::mip::flag::kGre, 600, x.homeAddress,
                               x.homeAgent, 0xc6336401, x.reRegistrationIdentification + 1};
  rs::mip::MessageBuilder fa(viaFa);
  fa.addMnFaChallenge(hexBytes("0102030405060708"))
      .addNai(x.nai)
      .addAuthentication(rs::mip::ext::kMobileHomeAuth, x.skeyPrimeSpi)
      .addGeneralizedAuthentication(rs::mip::kGeneralizedAuthMnAaa, 0x100, Bytes(16, 0xaa))
      .addAuthentication(rs::mip::ext::kMobileForeignAuth, 0x200)
      .addNvse(s1::kVendorId, 100, hexBytes("cafe"))
      .addAuthentication(rs::mip::ext::kForeignHomeAuth, 0x300, 20);
  add(need(fa.build(), "request via FA"), true);

  rs::mip::ReplyHeader deny{131, 0, x.homeAddress, x.homeAgent, x.reRegistrationIdentification + 1};
  add(need(s1::buildAuthenticatedReply(deny, x.nai, x.skeyPrimeSpi, x.rekeyedSkeyPrime), "deny reply"), false);
  return x;
}

}  // namespace rs::test
