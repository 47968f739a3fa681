// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A complete seed-001 registration exchange built with the Mobile IP builders
// and keyed with the seed-001 derivations, as the MN computes it (password,
// its own challenges), plus the standard extensions the exchange does not
// use (FA authentication, MN-FA challenge, MN-AAA, NVSE), agent discovery
// and a deny reply, each on Ethernet/IPv4 (ICMP or UDP 434), for the codec,
// tshark and robustness suites.
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::test {

struct MipExchange {
  // Inputs (RFC 2759 9.2 sample user, password and authenticator challenge).
  std::string password = "clientPass";
  std::string nai = "User@example.com";
  std::string domain = "EXAMPLE";
  Bytes authenticatorChallenge;
  std::uint32_t homeAddress = 0, homeAgent = 0, careOfAddress = 0;
  std::uint32_t skeySpi = 0x00001001, skeyPrimeSpi = 0x00001002;
  std::uint64_t initialIdentification = 0, rekeyIdentification = 0, reRegistrationIdentification = 0;

  // What the MN computed.
  Bytes peerChallenge, ntResponse, xDoublePrime, skey, skeyPrime, rekeyedSkeyPrime;

  std::vector<Bytes> messages;  // Mobile IP payloads, in frame order (empty for ICMP frames)
  std::vector<Bytes> frames;    // Ethernet frames
  std::size_t initialRequest = 0, initialReply = 0, rekeyRequest = 0, rekeyReply = 0, reRegistration = 0;
};

// Frames: agent solicitation, agent advertisement, initial request (MHAE with
// Skey), initial reply, re-keying request and reply (Skey' refreshed, MHAE with
// Skey), a re-registration authenticated with the new Skey', a request through
// a foreign agent with the other standard extensions, and a deny reply.
// Aborts the test binary on a builder or crypto failure (a bug in the suite).
MipExchange makeMipExchange();

// Ethernet + IPv4 + UDP carrying `payload` from src:sport to dst:dport.
Bytes onUdp(std::uint32_t src, std::uint32_t dst, std::uint16_t sport, std::uint16_t dport, const Bytes& payload);

// Ethernet + IPv4 (TTL 1 for ICMP, as agent discovery requires) carrying an ICMP message;
// multicast destinations get their RFC 1112 MAC address.
Bytes onIcmp(std::uint32_t src, std::uint32_t dst, const Bytes& icmp);

// The UDP payload offset of frames made by onUdp.
inline constexpr std::size_t kUdpPayloadOffset = 14 + 20 + 8;

}  // namespace rs::test
