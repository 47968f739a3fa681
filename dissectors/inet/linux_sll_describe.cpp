// SPDX-License-Identifier: GPL-3.0-or-later
// dissectLinuxSll / dissectLinuxSll2: the "sll" layer, then the protocol it names.
#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/inet/ethernet.h"

namespace rs {
namespace {

constexpr std::uint16_t kArphrdEther = 1;
constexpr std::uint16_t kArphrdIeee80211 = 801;
constexpr std::uint16_t kArphrdIeee80211Radiotap = 803;
// Linux pseudo protocols below 0x0600 (linux/if_ether.h).
constexpr std::uint16_t kLinuxProtocol8022 = 0x0004;

std::string_view packetTypeName(std::uint16_t t) {
  switch (t) {
    case 0: return "Unicast to us";
    case 1: return "Broadcast";
    case 2: return "Multicast";
    case 3: return "Unicast to another host";
    case 4: return "Sent by us";
    default: return "Unknown";
  }
}

void describeCommon(Field& layer, const inet::LinuxSllHeader& h, std::size_t base, std::size_t pkttypeOff,
                    std::size_t pkttypeLen, std::size_t hatypeOff, std::size_t halenOff, std::size_t halenLen,
                    std::size_t addrOff) {
  layer.addUint("sll.hatype", fmt::format("Link-layer address type: {}", h.arphrdType), h.arphrdType,
                base + hatypeOff, 2);
  layer.addUint("sll.pkttype", fmt::format("Packet type: {} ({})", packetTypeName(h.packetType), h.packetType),
                h.packetType, base + pkttypeOff, pkttypeLen);
  layer.addUint("sll.halen", fmt::format("Link-layer address length: {}", h.addressLength), h.addressLength,
                base + halenOff, halenLen);
  if (h.arphrdType == kArphrdEther && h.addressLength == 6) {
    layer.addBytes("sll.src.eth", "Source: " + toColonHex(h.address), h.address, base + addrOff);
  } else if (!h.address.empty()) {
    layer.addBytes("sll.src.other", "Source: " + toColonHex(h.address), h.address, base + addrOff);
  }
}

// The v1 layout puts the type fields first; both end with the address and leave
// unused address bytes as padding.
void finish(const PayloadContext& ctx, Dissection& out, Field layer, const inet::LinuxSllHeader& h,
            std::size_t addrOff, std::size_t protocolOff) {
  const std::size_t base = ctx.offset;
  const std::size_t unused = 8 - h.address.size();
  if (unused > 0) {
    layer.addBytes("sll.unused", "Unused: " + toColonHex(ctx.frame.subspan(base + addrOff + h.address.size(), unused)),
                   ctx.frame.subspan(base + addrOff + h.address.size(), unused), base + addrOff + h.address.size());
  }
  if (h.address.size() == 6) out.source = toColonHex(h.address);
  out.protocol = "SLL";
  out.info = fmt::format("Linux cooked capture v{}", h.version);
  const PayloadContext next{ctx.frame, base + h.payloadOffset, ctx.source};
  if (h.arphrdType == kArphrdIeee80211 || h.arphrdType == kArphrdIeee80211Radiotap) {
    layer.addUint("sll.ltype", fmt::format("Protocol: {}", hexString(h.protocol, 4)), h.protocol,
                  base + protocolOff, 2, 4);
    out.addLayer(std::move(layer), ctx.source);
    return h.arphrdType == kArphrdIeee80211 ? dissectIeee80211(next, out) : dissectRadiotap(next, out);
  }
  if (h.protocol >= inet::kMinEtherType) {
    layer.addUint("sll.etype", fmt::format("Protocol: {}", hexString(h.protocol, 4)), h.protocol,
                  base + protocolOff, 2, 4);
    out.addLayer(std::move(layer), ctx.source);
    return dissectEtherType(h.protocol, next, out);
  }
  layer.addUint("sll.ltype", fmt::format("Protocol: {}", hexString(h.protocol, 4)), h.protocol, base + protocolOff,
                2, 4);
  out.addLayer(std::move(layer), ctx.source);
  if (h.protocol == kLinuxProtocol8022) return dissectLlc(next, out);
  // Other pseudo protocols (raw 802.3 "Novell" frames, CAN, ...) are shown as data.
  dissectData(next, out);
}

void truncated(const PayloadContext& ctx, Dissection& out, int version) {
  const std::size_t available = ctx.offset <= ctx.frame.size() ? ctx.frame.size() - ctx.offset : 0;
  Field layer = makeLayer("sll", fmt::format("Linux cooked capture v{}", version), ctx.offset, available);
  out.protocol = "SLL";
  out.info = "Linux cooked capture header truncated";
  out.markMalformed(layer, "Linux cooked capture header truncated", ctx.offset + available);
  out.addLayer(std::move(layer), ctx.source);
}

}  // namespace

void dissectLinuxSll(const PayloadContext& ctx, Dissection& out) {
  const ByteView data = ctx.offset <= ctx.frame.size() ? ctx.frame.subspan(ctx.offset) : ByteView{};
  const auto h = inet::parseLinuxSll(data);
  if (!h) return truncated(ctx, out, 1);
  Field layer = makeLayer("sll", "Linux cooked capture v1", ctx.offset, 16);
  describeCommon(layer, *h, ctx.offset, 0, 2, 2, 4, 2, 6);
  finish(ctx, out, std::move(layer), *h, 6, 14);
}

void dissectLinuxSll2(const PayloadContext& ctx, Dissection& out) {
  const ByteView data = ctx.offset <= ctx.frame.size() ? ctx.frame.subspan(ctx.offset) : ByteView{};
  const auto h = inet::parseLinuxSll2(data);
  if (!h) return truncated(ctx, out, 2);
  Field layer = makeLayer("sll", "Linux cooked capture v2", ctx.offset, 20);
  layer.addUint("sll.ifindex", fmt::format("Interface index: {}", h->interfaceIndex), h->interfaceIndex,
                ctx.offset + 4, 4);
  describeCommon(layer, *h, ctx.offset, 10, 1, 8, 11, 1, 12);
  finish(ctx, out, std::move(layer), *h, 12, 0);
}

}  // namespace rs
