// SPDX-License-Identifier: GPL-3.0-or-later
// dissectIpv6: the "ipv6" layer (RFC 8200) with its extension headers, then the upper layer.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv6.h"

namespace rs {
namespace {

std::string nextHeaderLabel(std::uint8_t p) {
  const std::string_view name = inet::ipProtocolName(p);
  return name.empty() ? fmt::format("Next Header: {}", p) : fmt::format("Next Header: {} ({})", name, p);
}

std::string_view extensionName(std::uint8_t p) {
  switch (p) {
    case inet::kIpProtoHopOpts: return "hopopts";
    case inet::kIpProtoRouting: return "routing";
    case inet::kIpProtoFragment: return "fraghdr";
    case inet::kIpProtoDstOpts: return "dstopts";
    default: return "ah";
  }
}

}  // namespace

void dissectIpv6(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("ipv6", "Internet Protocol Version 6", base, std::min(data.size(), inet::kIpv6HeaderLength));
  out.protocol = "IPv6";
  auto fail = [&](std::string reason, std::size_t at) {
    out.info = reason;
    out.markMalformed(layer, std::move(reason), at);
    out.addLayer(std::move(layer), ctx.source);
  };

  ByteReader r(data, base);
  const std::uint32_t first = r.u32be();
  if (r.failed()) return fail("IPv6 header truncated", base + data.size());
  const unsigned version = first >> 28;
  layer.addUint("ipv6.version", fmt::format("{:04b} .... = Version: {}", version, version), version, base, 1);
  layer.addUint("ip.version", fmt::format("{:04b} .... = Version: {}", version, version), version, base, 1);
  if (version != 6) return fail(fmt::format("Bogus IPv6 version ({})", version), base);
  const std::uint32_t tclass = (first >> 20) & 0xff;
  Field& tc = layer.addUint("ipv6.tclass", "Traffic Class: " + hexString(tclass, 2), tclass, base, 2, 8);
  tc.addUint("ipv6.tclass.dscp", fmt::format("Differentiated Services Codepoint: {}", tclass >> 2), tclass >> 2,
             base, 2);
  tc.addUint("ipv6.tclass.ecn", fmt::format("Explicit Congestion Notification: {}", tclass & 3), tclass & 3, base, 2);
  layer.addUint("ipv6.flow", "Flow Label: " + hexString(first & 0xfffff, 5), first & 0xfffff, base + 1, 3, 6);

  const std::uint16_t plen = r.u16be();
  const std::uint8_t nxt = r.u8();
  const std::uint8_t hlim = r.u8();
  const ByteView src = r.bytes(16);
  const ByteView dst = r.bytes(16);
  const std::size_t have = data.size();
  if (have >= 6) layer.addUint("ipv6.plen", fmt::format("Payload Length: {}", plen), plen, base + 4, 2);
  if (have >= 7) layer.addUint("ipv6.nxt", nextHeaderLabel(nxt), nxt, base + 6, 1);
  if (have >= 8) layer.addUint("ipv6.hlim", fmt::format("Hop Limit: {}", hlim), hlim, base + 7, 1);
  if (have >= 24) {
    const ByteView s = data.subspan(8, 16);
    layer.addIpv6("ipv6.src", "Source Address: " + ipv6String(s), s, base + 8);
    layer.addIpv6("ipv6.addr", "Address: " + ipv6String(s), s, base + 8);
  }
  if (r.failed()) return fail("IPv6 header truncated", base + have);
  layer.addIpv6("ipv6.dst", "Destination Address: " + ipv6String(dst), dst, base + 24);
  layer.addIpv6("ipv6.addr", "Address: " + ipv6String(dst), dst, base + 24);
  out.source = ipv6String(src);
  out.destination = ipv6String(dst);
  layer.label = fmt::format("Internet Protocol Version 6, Src: {}, Dst: {}", out.source, out.destination);

  std::size_t end = base + inet::kIpv6HeaderLength + plen;
  if (end > ctx.frame.size()) {
    out.markMalformed(layer, "IPv6 payload length exceeds the captured data", ctx.frame.size());
    end = ctx.frame.size();
  }
  const ByteView frame = ctx.frame.first(end);
  ByteReader ext(frame.subspan(base + inet::kIpv6HeaderLength), base + inet::kIpv6HeaderLength);
  std::uint8_t next = nxt;
  bool fragment = false;
  while (inet::isIpv6ExtensionHeader(next)) {
    const std::size_t at = ext.offset();
    const std::string prefix = fmt::format("ipv6.{}", extensionName(next));
    const std::uint8_t following = ext.u8();
    const std::uint8_t len = ext.u8();
    if (ext.failed()) return fail("IPv6 extension header truncated", end);
    std::size_t total = 0;
    Field header;
    header.name = prefix;
    header.offset = static_cast<std::uint32_t>(at);
    header.addUint(prefix + ".nxt", nextHeaderLabel(following), following, at, 1);
    if (next == inet::kIpProtoFragment) {
      const std::uint16_t offsetFlags = ext.u16be();
      if (ext.failed()) return fail("IPv6 fragment header truncated", end);
      total = 8;
      header.label = "Fragment Header for IPv6";
      header.addUint(prefix + ".offset", fmt::format("Offset: {}", offsetFlags >> 3), offsetFlags >> 3, at + 2, 2);
      header.addUint(prefix + ".more", fmt::format("More Fragments: {}", (offsetFlags & 1) ? "Yes" : "No"),
                     offsetFlags & 1, at + 2, 2);
      fragment = (offsetFlags >> 3) != 0 || (offsetFlags & 1);
    } else {
      total = next == inet::kIpProtoAh ? (std::size_t{len} + 2) * 4 : (std::size_t{len} + 1) * 8;
      header.label = std::string(inet::ipProtocolName(next));
      header.addUint(prefix + ".len", fmt::format("Length: {}", len), len, at + 1, 1);
      if (next != inet::kIpProtoAh)
        header.addUint(prefix + ".len_oct", fmt::format("[Length: {} bytes]", total), total, at + 1, 1);
    }
    const std::size_t consumed = ext.offset() - at;
    header.length = static_cast<std::uint32_t>(std::min(total, consumed + ext.remaining()));
    layer.add(std::move(header));
    if (!ext.skip(total - consumed)) return fail("IPv6 extension header exceeds the payload", end);
    next = following;
  }

  const PayloadContext upper{frame, ext.offset(), ctx.source};
  // Replaced by the upper layer's summary when one is dissected.
  const std::string_view upperName = inet::ipProtocolName(next);
  out.info = fmt::format("{} ({})", upperName.empty() ? "Unknown protocol" : upperName, next);
  out.addLayer(std::move(layer), ctx.source);
  if (fragment) return dissectData(upper, out);
  dissectIpPayload(next, upper, out);
}

}  // namespace rs
