// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the AAA suites: a Mobile Node's MS-CHAPv2 or CHAP response made
// from a password with deterministic challenges, and the RADIUS packets of a fixture.
#include <cstdint>
#include <string>
#include <vector>

#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/aaa/mschap_access_request.h"
#include "dissectors/common/bytes.h"

namespace rs::test {

inline constexpr char kAaaSecret[] = "ha-aaa-secret";
inline constexpr char kMnNai[] = "mn1@home.example";
inline constexpr char kMnPassword[] = "mn1-password";

// The MS-CHAPv2 response the MN computes for `password`; the challenges are
// derived from `seed` so each registration differs; MS-CHAP Ident 1.
aaa::MsChapV2Response mobileResponse(const std::string& nai, const std::string& password, std::uint64_t seed);
// The CHAP-MD5 response (RFC 1994 4.1) to a 16-octet challenge derived from
// `seed`, CHAP Identifier `seed` mod 256, as a Foreign Agent forwards it.
aaa::ChapResponse chapResponse(const std::string& nai, const std::string& password, std::uint64_t seed);

struct FixtureRadius {
  std::size_t number = 0;  // tshark's frame.number
  Bytes packet;            // the RADIUS packet
};
// The RADIUS packets of ../shared/fixtures/<relative> (UDP 11812 decoded as RADIUS).
std::vector<FixtureRadius> fixtureRadiusPackets(const std::string& relative);

}  // namespace rs::test
