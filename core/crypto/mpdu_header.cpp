// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/mpdu_header.h"

#include <string>

#include "dissectors/common/byte_reader.h"

namespace rs::crypto {

namespace {
constexpr std::uint16_t kToDs = 0x0100;
constexpr std::uint16_t kFromDs = 0x0200;
constexpr std::uint16_t kMoreFragments = 0x0400;
constexpr std::uint16_t kProtected = 0x4000;
constexpr std::uint16_t kOrder = 0x8000;
}  // namespace

Result<MpduHeader> parseMpduHeader(ByteView mpdu) {
  ByteReader r(mpdu);
  MpduHeader h;
  h.frameControl = r.u16le();
  const unsigned type = (h.frameControl >> 2) & 0x3;
  const unsigned subtype = (h.frameControl >> 4) & 0xf;
  if (r.failed()) return makeError(ErrorCode::Malformed, "frame shorter than a Frame Control field");
  if (type == 1 || type == 3)
    return makeError(ErrorCode::Unsupported, type == 1 ? "control frames are not encrypted" : "extension frames are not handled");
  h.management = type == 0;
  h.data = type == 2;
  h.toDs = h.frameControl & kToDs;
  h.fromDs = h.frameControl & kFromDs;
  h.isProtected = h.frameControl & kProtected;
  h.moreFragments = h.frameControl & kMoreFragments;
  r.skip(2);  // Duration/ID
  const auto address = [&r] {
    const ByteView v = r.bytes(6);
    return v.empty() ? MacAddress{} : MacAddress::fromView(v);
  };
  h.a1 = address();
  h.a2 = address();
  h.a3 = address();
  h.sequenceControl = r.u16le();
  h.fourAddress = h.data && h.toDs && h.fromDs;
  if (h.fourAddress) {
    h.a4 = address();
  }
  h.qos = h.data && (subtype & 0x8);
  if (h.qos) {
    h.tid = static_cast<std::uint8_t>(r.u8() & 0x0f);
    r.skip(1);
  }
  // +HTC: the Order bit announces an HT Control field in QoS data and management frames.
  if ((h.frameControl & kOrder) && (h.qos || h.management)) r.skip(4);
  if (r.failed())
    return makeError(ErrorCode::Malformed,
                     "802.11 header truncated at offset " + std::to_string(r.failureOffset()));
  h.length = r.position();
  return h;
}

}  // namespace rs::crypto
