// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/protocols/aaa/aaa_test_support.h"

#include "core/sim/random.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/udp.h"
#include "dissectors/radius/radius.h"
#include "tests/support/capture_frames.h"
#include "tests/support/fixtures.h"

namespace rs::test {

aaa::MsChapV2Response mobileResponse(const std::string& nai, const std::string& password, std::uint64_t seed) {
  sim::Random random(seed);
  const Bytes authenticatorChallenge = random.bytes(16);
  const Bytes peerChallenge = random.bytes(16);
  // Ident 1 like radtest's: tshark -T fields escapes a tab or newline in the
  // echoed MS-CHAP2-Success / MS-CHAP-Error text, which the comparison would trip over.
  return aaa::computeMsChapV2Response(nai, password, authenticatorChallenge, peerChallenge, 1).value();
}

aaa::ChapResponse chapResponse(const std::string& nai, const std::string& password, std::uint64_t seed) {
  sim::Random random(seed);
  return aaa::computeChapResponse(nai, static_cast<std::uint8_t>(seed), password, random.bytes(16)).value();
}

std::vector<FixtureRadius> fixtureRadiusPackets(const std::string& relative) {
  std::vector<FixtureRadius> out;
  inet::registerUdpDecodeAs(11812, "radius");
  auto loaded = loadCapture(fixturePath(relative));
  for (const auto& f : loaded.frames) {
    const Dissection d = dissectFrame(f.linkType, f.data);
    const Field* layer = d.layer("radius");
    if (!layer) continue;
    const auto p = radius::parsePacket(f.data.subspan(layer->offset));
    if (p) out.push_back(FixtureRadius{f.index + 1, toBytes(p->packet)});
  }
  inet::clearUdpDecodeAs();
  return out;
}

}  // namespace rs::test
