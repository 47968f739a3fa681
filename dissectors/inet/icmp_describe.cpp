// SPDX-License-Identifier: GPL-3.0-or-later
// dissectIcmp: ICMP for IPv4 (RFC 792) — type, code, checksum, echo identifier
// and sequence, and for error messages the quoted datagram (IP header and the
// first 8 octets of its payload), dissected as IPv4 the way Wireshark does;
// router advertisements with their Mobile IP agent advertisement extensions
// (RFC 1256, RFC 3344 2.1) through dissectors/mip.
#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/checksum.h"
#include "dissectors/mip/agent_advertisement.h"

namespace rs {
namespace {

std::string_view icmpTypeName(std::uint8_t type) {
  switch (type) {
    case 0: return "Echo (ping) reply";
    case 3: return "Destination unreachable";
    case 4: return "Source quench (flow control)";
    case 5: return "Redirect";
    case 8: return "Echo (ping) request";
    case 9: return "Mobile IP Advertisement";  // tshark's name, with or without agent extensions
    case 10: return "Router solicitation";
    case 11: return "Time-to-live exceeded";
    case 12: return "Parameter problem";
    case 13: return "Timestamp request";
    case 14: return "Timestamp reply";
    default: return "Unknown ICMP type";
  }
}

bool isError(std::uint8_t type) { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }
bool isEcho(std::uint8_t type) { return type == 0 || type == 8 || type == 13 || type == 14; }

}  // namespace

void dissectIcmp(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = ctx.frame.subspan(std::min(base, ctx.frame.size()));
  ByteReader r(data, base);
  Field layer = makeLayer("icmp", "Internet Control Message Protocol", base, data.size());
  const std::uint8_t type = r.u8();
  const std::uint8_t code = r.u8();
  const std::uint16_t checksum = r.u16be();
  if (r.failed()) {
    Field& l = out.addLayer(std::move(layer), ctx.source);
    out.markMalformed(l, "ICMP header truncated", base + data.size());
    return;
  }
  layer.addUint("icmp.type", fmt::format("Type: {} ({})", type, icmpTypeName(type)), type, base, 1);
  layer.addUint("icmp.code", fmt::format("Code: {}", code), code, base + 1, 1);
  layer.addUint("icmp.checksum", "Checksum: " + hexString(checksum, 4), checksum, base + 2, 2, 4);
  if (!ctx.quoted) {
    const bool good = inet::internetChecksum(data) == 0;
    const auto status = good ? inet::ChecksumStatus::Good : inet::ChecksumStatus::Bad;
    layer.addUint("icmp.checksum.status", fmt::format("[Checksum Status: {}]", good ? "Good" : "Bad"),
                  static_cast<std::uint8_t>(status), base + 2, 0);
  }
  out.protocol = "ICMP";
  out.info = std::string(icmpTypeName(type));
  if (isEcho(type) && r.has(4)) {
    const std::uint16_t id = r.u16be();
    const std::uint16_t seq = r.u16be();
    layer.addUint("icmp.ident", fmt::format("Identifier (BE): {} (0x{:04x})", id, id), id, base + 4, 2);
    layer.addUint("icmp.seq", fmt::format("Sequence Number (BE): {} (0x{:04x})", seq, seq), seq, base + 6, 2);
    out.info += fmt::format("  id=0x{:04x}, seq={}", id, seq);
    out.addLayer(std::move(layer), ctx.source);
    return dissectData(PayloadContext{ctx.frame, base + 8, ctx.source}, out);
  }
  if (type == mip::kIcmpRouterAdvertisement && !ctx.quoted) {
    // The body runs to the end of the message: addresses, then agent extensions.
    mip::describeRouterAdvertisement(layer, ctx.frame, base, out);
    out.info = fmt::format("{} ({})", icmpTypeName(type),
                           code == 16 ? "Does not route common traffic" : "Normal router advertisement");
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  // tshark pads the type name to 20 characters before any code text; the
  // solicitation (no code text) keeps the padding.
  if (type == mip::kIcmpRouterSolicitation) out.info = fmt::format("{:<20}", out.info);
  r.skip(std::min<std::size_t>(4, r.remaining()));  // unused / pointer / gateway
  out.addLayer(std::move(layer), ctx.source);
  if (isError(type) && data.size() > 8) {
    const std::string info = out.info;
    dissectIpv4(PayloadContext{ctx.frame, base + 8, ctx.source, true}, out);
    // The error is what the frame is about, not the quoted datagram.
    out.protocol = "ICMP";
    out.info = info;
    return;
  }
  dissectData(PayloadContext{ctx.frame, base + 8, ctx.source}, out);
}

}  // namespace rs
