// SPDX-License-Identifier: GPL-3.0-or-later
// dissectUdp: the "udp" layer, checksum status, then the payload by port.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/inet/enclosing_ip.h"
#include "dissectors/inet/ip_protocol.h"
#include "dissectors/inet/udp.h"

namespace rs {
namespace {

std::string_view statusText(inet::ChecksumStatus s) {
  switch (s) {
    case inet::ChecksumStatus::Bad: return "Bad";
    case inet::ChecksumStatus::Good: return "Good";
    case inet::ChecksumStatus::Unverified: return "Unverified";
    case inet::ChecksumStatus::NotPresent: return "Not present";
  }
  return "Unverified";
}

}  // namespace

void dissectUdp(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("udp", "User Datagram Protocol", base, std::min(data.size(), inet::kUdpHeaderLength));
  out.protocol = "UDP";
  ByteReader r(data, base);
  const std::uint16_t sport = r.u16be();
  const std::uint16_t dport = r.u16be();
  const std::uint16_t length = r.u16be();
  const std::uint16_t checksum = r.u16be();
  const std::size_t have = data.size();
  if (have >= 2) {
    layer.addUint("udp.srcport", fmt::format("Source Port: {}", sport), sport, base, 2);
  }
  if (have >= 4) {
    layer.addUint("udp.dstport", fmt::format("Destination Port: {}", dport), dport, base + 2, 2);
    layer.addUint("udp.port", fmt::format("Source or Destination Port: {}", sport), sport, base, 2);
    layer.addUint("udp.port", fmt::format("Source or Destination Port: {}", dport), dport, base + 2, 2);
  }
  if (have >= 6) layer.addUint("udp.length", fmt::format("Length: {}", length), length, base + 4, 2);
  if (r.failed()) {
    out.info = "UDP header truncated";
    out.markMalformed(layer, "UDP header truncated", base + have);
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  layer.label = fmt::format("User Datagram Protocol, Src Port: {}, Dst Port: {}", sport, dport);
  layer.addUint("udp.checksum", "Checksum: " + hexString(checksum, 4), checksum, base + 6, 2, 4);

  // A quoted datagram (ICMP error) keeps only the first octets: its length and checksum cannot be checked.
  bool lengthBad = length < inet::kUdpHeaderLength || (length > have && !ctx.quoted);
  inet::ChecksumStatus status = inet::ChecksumStatus::Unverified;
  const auto ip = inet::enclosingIp(out, ctx.source);
  if (checksum == 0 && !(ip && ip->v6)) {
    status = inet::ChecksumStatus::NotPresent;  // RFC 768: no checksum (IPv4 only)
  } else if (ip && !lengthBad && length <= have) {
    const bool good = inet::pseudoHeaderChecksum(*ip, inet::kIpProtoUdp, data.first(length)) == 0;
    status = good ? inet::ChecksumStatus::Good : inet::ChecksumStatus::Bad;
  }
  Field& st = layer.addUint("udp.checksum.status", fmt::format("[Checksum Status: {}]", statusText(status)),
                            static_cast<std::uint8_t>(status), base + 6, 0);
  if (status == inet::ChecksumStatus::Bad) st.expert = "Bad UDP checksum";

  const std::size_t payloadLength =
      (lengthBad || length > have) ? have - inet::kUdpHeaderLength : length - inet::kUdpHeaderLength;
  out.info = fmt::format("{} → {} Len={}{}", sport, dport, payloadLength,
                         status == inet::ChecksumStatus::Bad ? " [UDP CHECKSUM INCORRECT]" : "");
  if (lengthBad) {
    out.markMalformed(layer,
                      length < inet::kUdpHeaderLength
                          ? fmt::format("Bad length value {} < 8", length)
                          : fmt::format("Bad length value {} > available {}", length, have),
                      base + 4);
  }
  const std::size_t end = base + inet::kUdpHeaderLength + payloadLength;
  if (payloadLength > 0) {
    layer.addBytes("udp.payload", fmt::format("UDP payload ({} bytes)", payloadLength),
                   ctx.frame.subspan(base + inet::kUdpHeaderLength, payloadLength), base + inet::kUdpHeaderLength);
  }
  out.addLayer(std::move(layer), ctx.source);
  const PayloadContext next{ctx.frame.first(end), base + inet::kUdpHeaderLength, ctx.source};
  if (const auto dissect = inet::udpPayloadDissector(sport, dport)) return dissect(next, out);
  dissectData(next, out);
}

}  // namespace rs
