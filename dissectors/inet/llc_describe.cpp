// SPDX-License-Identifier: GPL-3.0-or-later
// dissectLlc: the "llc" layer, then the EtherType of a SNAP header.
#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/inet/llc.h"

namespace rs {
namespace {

// IEEE 802.2 5.4.1.1: U-frame modifier bits (M1 M2 ... with P/F removed).
std::string_view unnumberedName(std::uint8_t modifier, bool response) {
  switch (modifier) {
    case 0x00: return "UI";
    case 0x2b: return "XID";
    case 0x38: return "TEST";
    case 0x1b: return "SABME";
    case 0x10: return "DISC";
    case 0x18: return "UA";
    case 0x03: return "DM";
    case 0x21: return response ? "FRMR" : "";
    default: return "";
  }
}

}  // namespace

void dissectLlc(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  const auto h = inet::parseLlc(data);
  const std::size_t headerLength = h ? h->payloadOffset : data.size();
  Field layer = makeLayer("llc", "Logical-Link Control", base, headerLength);
  out.protocol = "LLC";
  if (!h) {
    if (data.size() >= 1)
      layer.addUint("llc.dsap", fmt::format("DSAP: {}", hexString(data[0], 2)), data[0], base, 1, 2);
    if (data.size() >= 2)
      layer.addUint("llc.ssap", fmt::format("SSAP: {}", hexString(data[1], 2)), data[1], base + 1, 1, 2);
    out.info = "LLC (truncated)";
    out.markMalformed(layer, "LLC header truncated", base + data.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }

  Field& dsap = layer.addUint("llc.dsap", fmt::format("DSAP: {}", hexString(h->dsap, 2)), h->dsap, base, 1, 2);
  dsap.addUint("llc.dsap.sap", fmt::format("SAP: {}", hexString(h->dsap & 0xfe, 2)), h->dsap >> 1, base, 1);
  dsap.addUint("llc.dsap.ig", fmt::format("IG Bit: {}", (h->dsap & 1) ? "Group" : "Individual"), h->dsap & 1,
               base, 1);
  Field& ssap = layer.addUint("llc.ssap", fmt::format("SSAP: {}", hexString(h->ssap, 2)), h->ssap, base + 1, 1, 2);
  const bool response = (h->ssap & 1) != 0;
  ssap.addUint("llc.ssap.sap", fmt::format("SAP: {}", hexString(h->ssap & 0xfe, 2)), h->ssap >> 1, base + 1, 1);
  ssap.addUint("llc.ssap.cr", fmt::format("CR Bit: {}", response ? "Response" : "Command"), response, base + 1, 1);

  Field& control = layer.addUint("llc.control", fmt::format("Control field: {}", hexString(h->control, 4)),
                                 h->control, base + 2, h->controlLength, 4);
  std::string frameKind;
  if (h->controlLength == 1) {
    const auto modifier = static_cast<std::uint8_t>((h->control & 0xec) >> 2);
    const std::string_view name = unnumberedName(modifier, response);
    control.addUint(response ? "llc.control.u_modifier_resp" : "llc.control.u_modifier_cmd",
                    fmt::format("{}: {}", response ? "Response" : "Command",
                                name.empty() ? hexString(modifier, 2) : std::string(name)),
                    modifier, base + 2, 1, 2);
    control.addUint("llc.control.ftype", "Frame type: Unnumbered frame (0x03)", 0x03, base + 2, 1, 2);
    frameKind = fmt::format("U, func={}", name.empty() ? hexString(modifier, 2) : std::string(name));
  } else if ((h->control & 0x01) == 0) {
    frameKind = fmt::format("I, N(R)={}, N(S)={}", h->control >> 9, (h->control >> 1) & 0x7f);
  } else {
    frameKind = fmt::format("S, N(R)={}", h->control >> 9);
  }

  if (!h->snap) {
    out.info = fmt::format("{}; DSAP {} SSAP {}", frameKind, hexString(h->dsap, 2), hexString(h->ssap, 2));
    out.addLayer(std::move(layer), ctx.source);
    return dissectData(PayloadContext{ctx.frame, base + h->payloadOffset, ctx.source}, out);
  }

  layer.addUint("llc.oui", fmt::format("Organization Code: {}", hexString(h->oui, 6)), h->oui, base + 3, 3);
  layer.addUint("llc.type", fmt::format("Type: {}", hexString(h->protocolId, 4)), h->protocolId, base + 6, 2, 4);
  out.info = fmt::format("{}; SNAP, OUI {}, PID {}", frameKind, hexString(h->oui, 6), hexString(h->protocolId, 4));
  out.addLayer(std::move(layer), ctx.source);
  const PayloadContext next{ctx.frame, base + h->payloadOffset, ctx.source};
  // RFC 1042: OUI 000000 carries an EtherType; 00-00-f8 (802.1H bridge tunnel) too.
  if (h->oui == 0x000000 || h->oui == 0x0000f8) return dissectEtherType(h->protocolId, next, out);
  dissectData(next, out);
}

}  // namespace rs
