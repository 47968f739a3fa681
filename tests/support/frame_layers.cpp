// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/frame_layers.h"

#include "dissectors/dispatch.h"
#include "dissectors/index/frame_class.h"

namespace rs::test {

std::optional<std::size_t> ieee80211Offset(std::uint32_t linkType, ByteView frame) {
  const ByteView mpdu = locateIeee80211(linkType, frame);
  if (mpdu.empty()) return std::nullopt;
  return static_cast<std::size_t>(mpdu.data() - frame.data());
}

std::optional<std::size_t> msduOffset(std::uint32_t linkType, ByteView frame) {
  const auto at = ieee80211Offset(linkType, frame);
  if (!at) return std::nullopt;
  const std::size_t mac = *at;
  if (frame.size() < mac + 24) return std::nullopt;
  const std::uint8_t fc0 = frame[mac];
  const std::uint8_t fc1 = frame[mac + 1];
  const unsigned type = (fc0 >> 2) & 3;
  const unsigned subtype = fc0 >> 4;
  if (type != 2 || (subtype & 0x4)) return std::nullopt;  // not data, or a null-function frame
  if (fc1 & 0x40) return std::nullopt;                   // protected
  if (fc1 & 0x04) return std::nullopt;                   // more fragments
  std::size_t length = 24;
  if ((fc1 & 0x03) == 0x03) length += 6;
  const bool qos = subtype & 0x8;
  if (qos) length += 2;
  if (qos && (fc1 & 0x80)) length += 4;
  if (frame.size() <= mac + length) return std::nullopt;
  return mac + length;
}

std::optional<Dissection> dissectAboveMac(std::uint32_t linkType, ByteView frame) {
  switch (linkType) {
    case 1:    // Ethernet
    case 113:  // Linux SLL
    case 276:  // Linux SLL2
      return dissectFrame(linkType, frame);
    default: break;
  }
  const auto msdu = msduOffset(linkType, frame);
  if (!msdu) return std::nullopt;
  Dissection out;
  dissectLlc(PayloadContext{frame, *msdu, 0}, out);
  return out;
}

}  // namespace rs::test
