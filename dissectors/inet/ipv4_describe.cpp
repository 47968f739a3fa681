// SPDX-License-Identifier: GPL-3.0-or-later
// dissectIpv4: the "ip" layer (RFC 791), the address columns, then the payload.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/ipv4.h"

namespace rs {
namespace {

std::string protocolLabel(std::uint8_t p) {
  const std::string_view name = inet::ipProtocolName(p);
  return name.empty() ? fmt::format("Protocol: {}", p) : fmt::format("Protocol: {} ({})", name, p);
}

}  // namespace

void dissectIpv4(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("ip", "Internet Protocol Version 4", base, std::min<std::size_t>(data.size(), 20));
  out.protocol = "IPv4";
  auto fail = [&](std::string reason, std::size_t at) {
    out.info = reason;
    out.markMalformed(layer, std::move(reason), at);
    out.addLayer(std::move(layer), ctx.source);
  };

  ByteReader r(data, base);
  const std::uint8_t vihl = r.u8();
  if (r.failed()) return fail("IPv4 header truncated", base);
  const unsigned version = vihl >> 4;
  const unsigned headerLength = (vihl & 0x0fu) * 4;
  layer.addUint("ip.version", fmt::format("{:04b} .... = Version: {}", version, version), version, base, 1);
  if (version != 4) return fail(fmt::format("Bogus IP version ({})", version), base);
  layer.addUint("ip.hdr_len", fmt::format(".... {:04b} = Header Length: {} bytes ({})", vihl & 0x0f, headerLength,
                                          vihl & 0x0f),
                headerLength, base, 1);
  if (headerLength < inet::kIpv4MinHeaderLength)
    return fail(fmt::format("Bogus IP header length ({}, must be at least 20)", headerLength), base);

  const std::uint8_t ds = r.u8();
  const std::uint16_t totalLength = r.u16be();
  const std::uint16_t id = r.u16be();
  const std::uint16_t flagsOffset = r.u16be();
  const std::uint8_t ttl = r.u8();
  const std::uint8_t proto = r.u8();
  const std::uint16_t checksum = r.u16be();
  const std::uint32_t src = r.u32be();
  const std::uint32_t dst = r.u32be();
  // Fields are added only up to where the bytes ran out.
  const std::size_t have = data.size();
  if (have >= 2) {
    Field& f = layer.addUint("ip.dsfield", "Differentiated Services Field: " + hexString(ds, 2), ds, base + 1, 1, 2);
    f.addUint("ip.dsfield.dscp", fmt::format("Differentiated Services Codepoint: {}", ds >> 2), ds >> 2, base + 1, 1);
    f.addUint("ip.dsfield.ecn", fmt::format("Explicit Congestion Notification: {}", ds & 3), ds & 3, base + 1, 1);
  }
  if (have >= 4) layer.addUint("ip.len", fmt::format("Total Length: {}", totalLength), totalLength, base + 2, 2);
  if (have >= 6)
    layer.addUint("ip.id", fmt::format("Identification: {} ({})", hexString(id, 4), id), id, base + 4, 2, 4);
  const auto flags = static_cast<std::uint8_t>(flagsOffset >> 13);
  const unsigned fragmentBytes = (flagsOffset & 0x1fffu) * 8;
  if (have >= 8) {
    Field& f = layer.addUint("ip.flags", "Flags: " + hexString(flags, 2), flags, base + 6, 1, 2);
    f.addUint("ip.flags.rb", fmt::format("Reserved bit: {}", (flags & 4) ? "Set" : "Not set"), (flags >> 2) & 1,
              base + 6, 1);
    f.addUint("ip.flags.df", fmt::format("Don't fragment: {}", (flags & 2) ? "Set" : "Not set"), (flags >> 1) & 1,
              base + 6, 1);
    f.addUint("ip.flags.mf", fmt::format("More fragments: {}", (flags & 1) ? "Set" : "Not set"), flags & 1, base + 6,
              1);
    // Wireshark 4.0 gives the field in 8-byte units, as on the wire.
    layer.addUint("ip.frag_offset", fmt::format("Fragment Offset: {} ({} bytes)", flagsOffset & 0x1fff, fragmentBytes),
                  flagsOffset & 0x1fff, base + 6, 2);
  }
  if (have >= 9) layer.addUint("ip.ttl", fmt::format("Time to Live: {}", ttl), ttl, base + 8, 1);
  if (have >= 10) layer.addUint("ip.proto", protocolLabel(proto), proto, base + 9, 1);
  if (have >= 12 && have >= headerLength) {
    const bool good = inet::internetChecksum(data.first(headerLength)) == 0;
    layer.addUint("ip.checksum", "Header Checksum: " + hexString(checksum, 4), checksum, base + 10, 2, 4);
    layer.addUint("ip.checksum.status", good ? "[Header checksum status: Good]" : "[Header checksum status: Bad]",
                  static_cast<std::uint8_t>(good ? inet::ChecksumStatus::Good : inet::ChecksumStatus::Bad),
                  base + 10, 0);
    if (!good) layer.children.back().expert = "Bad IPv4 header checksum";
  } else if (have >= 12) {
    layer.addUint("ip.checksum", "Header Checksum: " + hexString(checksum, 4), checksum, base + 10, 2, 4);
  }
  if (have >= 16) layer.addIpv4("ip.src", "Source Address: " + ipv4String(src), src, base + 12);
  if (have >= 20) layer.addIpv4("ip.dst", "Destination Address: " + ipv4String(dst), dst, base + 16);
  if (r.failed()) return fail("IPv4 header truncated", base + have);

  out.source = ipv4String(src);
  out.destination = ipv4String(dst);
  if (headerLength > have) return fail("IPv4 header length exceeds the data", base + have);
  layer.length = headerLength;
  if (headerLength > inet::kIpv4MinHeaderLength) {
    const ByteView options = data.subspan(20, headerLength - 20);
    layer.addBytes("ip.options", fmt::format("Options: ({} bytes)", options.size()), options, base + 20);
  }
  layer.label = fmt::format("Internet Protocol Version 4, Src: {}, Dst: {}", ipv4String(src), ipv4String(dst));
  if (totalLength < headerLength) {
    return fail(fmt::format("Bogus IP length ({}, less than header length {})", totalLength, headerLength), base + 2);
  }
  // Link-layer padding after the datagram is not part of the payload; a datagram
  // longer than the captured data is dissected as far as it goes.
  std::size_t end = base + totalLength;
  if (totalLength > have) {
    if (!ctx.quoted) out.markMalformed(layer, "IPv4 total length exceeds the captured data", base + have);
    end = base + have;
  }
  const ByteView frame = ctx.frame.first(end);
  const PayloadContext next{frame, base + headerLength, ctx.source, ctx.quoted};
  const bool fragment = (flags & 1) || fragmentBytes != 0;
  // Replaced by the upper layer's summary when one is dissected.
  const std::string_view upperName = inet::ipProtocolName(proto);
  out.info = fmt::format("{} ({})", upperName.empty() ? "Unknown protocol" : upperName, proto);
  out.addLayer(std::move(layer), ctx.source);
  if (fragment) {
    const std::string_view name = inet::ipProtocolName(proto);
    out.info = fmt::format("Fragmented IP protocol (proto={} {}, off={}, ID={:04x})", name, proto, fragmentBytes, id);
    return dissectData(next, out);
  }
  dissectIpPayload(proto, next, out);
}

}  // namespace rs
