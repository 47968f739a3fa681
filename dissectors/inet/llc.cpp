// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/inet/llc.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::inet {

std::optional<LlcHeader> parseLlc(ByteView data) {
  ByteReader r(data);
  LlcHeader h;
  h.dsap = r.u8();
  h.ssap = r.u8();
  const std::uint8_t c0 = r.u8();
  if (r.failed()) return std::nullopt;
  // U frames have both low bits set; I and S frames use a 16-bit control field.
  if ((c0 & 0x03) == 0x03) {
    h.control = c0;
    h.controlLength = 1;
  } else {
    const std::uint8_t c1 = r.u8();
    if (r.failed()) return std::nullopt;
    h.control = static_cast<std::uint16_t>(c0 | (c1 << 8));
    h.controlLength = 2;
  }
  h.snap = h.dsap == kSnapSap && h.ssap == kSnapSap && h.control == kLlcUnnumberedInformation;
  if (h.snap) {
    h.oui = r.u24be();
    h.protocolId = r.u16be();
    if (r.failed()) return std::nullopt;
  }
  h.payloadOffset = r.position();
  return h;
}

std::optional<LlcSnap> parseLlcSnap(ByteView data) {
  // What parseLlc accepts as SNAP, read straight: it runs for every data frame the analyses look at.
  // DSAP = SSAP = 0xaa with the one-octet UI control (a U frame), then OUI and protocol: 8 octets.
  constexpr std::size_t kSnapHeaderBytes = 8;
  if (data.size() < kSnapHeaderBytes || data[0] != kSnapSap || data[1] != kSnapSap ||
      data[2] != kLlcUnnumberedInformation)
    return std::nullopt;
  const std::uint32_t oui = (std::uint32_t{data[3]} << 16) | (std::uint32_t{data[4]} << 8) | data[5];
  const auto etherType = static_cast<std::uint16_t>((data[6] << 8) | data[7]);
  return LlcSnap{oui, etherType, kSnapHeaderBytes};
}

Bytes buildLlcSnap(std::uint16_t etherType, ByteView payload) {
  ByteWriter w;
  w.u8(kSnapSap).u8(kSnapSap).u8(kLlcUnnumberedInformation).u24be(0).u16be(etherType).bytes(payload);
  return w.take();
}

}  // namespace rs::inet
