// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/dispatch.h"

#include <fmt/format.h>

namespace rs {

Dissection dissectFrame(std::uint32_t linkType, ByteView frame) {
  Dissection out;
  dissectLinkLayer(linkType, PayloadContext{frame, 0, 0}, out);
  return out;
}

void dissectLinkLayer(std::uint32_t linkType, const PayloadContext& ctx, Dissection& out) {
  switch (static_cast<LinkType>(linkType)) {
    case LinkType::Radiotap: return dissectRadiotap(ctx, out);
    case LinkType::Ppi: return dissectPpi(ctx, out);
    case LinkType::Prism: return dissectPrism(ctx, out);
    case LinkType::Ieee80211: return dissectIeee80211(ctx, out);
    case LinkType::Ethernet: return dissectEthernet(ctx, out);
    case LinkType::LinuxSll: return dissectLinuxSll(ctx, out);
    case LinkType::LinuxSll2: return dissectLinuxSll2(ctx, out);
    case LinkType::Ipv4: return dissectIpv4(ctx, out);
    case LinkType::Ipv6: return dissectIpv6(ctx, out);
    case LinkType::Raw: {
      if (ctx.offset < ctx.frame.size() && (ctx.frame[ctx.offset] >> 4) == 6) return dissectIpv6(ctx, out);
      return dissectIpv4(ctx, out);
    }
  }
  out.protocol = "UNKNOWN";
  out.info = fmt::format("Unsupported link type {}", linkType);
  dissectData(ctx, out);
}

void dissectEtherType(std::uint16_t etherType, const PayloadContext& ctx, Dissection& out) {
  switch (etherType) {
    case 0x888e:  // IEEE 802.1X
    case 0x88c7:  // RSN pre-authentication carries EAPOL frames (IEEE 802.11 12.6.10.2)
      return dissectEapol(ctx, out);
    case 0x0806: return dissectArp(ctx, out);
    case 0x0800: return dissectIpv4(ctx, out);
    case 0x86dd: return dissectIpv6(ctx, out);
    default: return dissectData(ctx, out);
  }
}

void dissectData(const PayloadContext& ctx, Dissection& out) {
  if (ctx.offset >= ctx.frame.size()) return;
  const ByteView payload = ctx.frame.subspan(ctx.offset);
  Field layer = makeLayer("data", fmt::format("Data ({} bytes)", payload.size()), ctx.offset, payload.size());
  layer.addBytes("data.data", "Data: " + toHex(payload.first(std::min<std::size_t>(payload.size(), 32))) +
                                  (payload.size() > 32 ? "…" : ""),
                 payload, ctx.offset);
  layer.addUint("data.len", fmt::format("[Length: {}]", payload.size()), payload.size(), ctx.offset, 0);
  out.addLayer(std::move(layer), ctx.source);
}

}  // namespace rs
