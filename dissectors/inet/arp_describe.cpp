// SPDX-License-Identifier: GPL-3.0-or-later
// dissectArp: the "arp" layer and tshark's summary line.
#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/arp.h"

namespace rs {
namespace {

std::string_view opcodeName(std::uint16_t op) {
  switch (op) {
    case 1: return "request";
    case 2: return "reply";
    case 3: return "reverse request";
    case 4: return "reverse reply";
    case 8: return "inverse request";
    case 9: return "inverse reply";
    default: return "unknown";
  }
}

// The summary tshark prints for Ethernet/IPv4 ARP (RFC 5227 probes and
// announcements have their own wording).
std::string summary(const inet::ArpPacket& a) {
  const std::string sip = ipv4String(a.senderIp());
  const std::string tip = ipv4String(a.targetIp());
  switch (a.opcode) {
    case inet::kArpRequest:
      if (a.senderIp() == 0) return fmt::format("Who has {}? (ARP Probe)", tip);
      if (a.senderIp() == a.targetIp()) return fmt::format("ARP Announcement for {}", sip);
      return fmt::format("Who has {}? Tell {}", tip, sip);
    case inet::kArpReply:
      if (a.senderIp() == a.targetIp()) return fmt::format("Gratuitous ARP for {} (Reply)", sip);
      return fmt::format("{} is at {}", sip, toColonHex(a.senderHardware));
    default: return fmt::format("ARP opcode {}", a.opcode);
  }
}

void addAddress(Field& layer, const std::string& prefix, ByteView hw, ByteView proto, std::size_t off, bool ethIpv4,
                const char* who) {
  if (ethIpv4) {
    layer.addBytes(prefix + ".hw_mac", fmt::format("{} MAC address: {}", who, toColonHex(hw)), hw, off);
    const std::uint32_t ip = (std::uint32_t{proto[0]} << 24) | (std::uint32_t{proto[1]} << 16) |
                             (std::uint32_t{proto[2]} << 8) | proto[3];
    layer.addIpv4(prefix + ".proto_ipv4", fmt::format("{} IP address: {}", who, ipv4String(ip)), ip, off + hw.size());
  } else {
    layer.addBytes(prefix + ".hw", fmt::format("{} hardware address: {}", who, toColonHex(hw)), hw, off);
    layer.addBytes(prefix + ".proto", fmt::format("{} protocol address: {}", who, toColonHex(proto)), proto,
                   off + hw.size());
  }
}

}  // namespace

void dissectArp(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  out.protocol = "ARP";
  const auto a = inet::parseArp(data);
  if (!a) {
    Field layer = makeLayer("arp", "Address Resolution Protocol", base, data.size());
    ByteReader r(data, base);
    const std::uint16_t hw = r.u16be();
    if (!r.failed()) layer.addUint("arp.hw.type", fmt::format("Hardware type: {}", hw), hw, base, 2);
    const std::uint16_t proto = r.u16be();
    if (!r.failed()) layer.addUint("arp.proto.type", "Protocol type: " + hexString(proto, 4), proto, base + 2, 2, 4);
    out.info = "ARP (truncated)";
    out.markMalformed(layer, "ARP packet truncated", base + data.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  const bool ethIpv4 = a->isEthernetIpv4();
  Field layer = makeLayer("arp", fmt::format("Address Resolution Protocol ({})", opcodeName(a->opcode)), base,
                          8 + 2 * (a->hardwareSize + a->protocolSize));
  layer.addUint("arp.hw.type", fmt::format("Hardware type: {}", a->hardwareType == 1 ? "Ethernet (1)"
                                                                                     : std::to_string(a->hardwareType)),
                a->hardwareType, base, 2);
  layer.addUint("arp.proto.type", "Protocol type: " + hexString(a->protocolType, 4), a->protocolType, base + 2, 2, 4);
  layer.addUint("arp.hw.size", fmt::format("Hardware size: {}", a->hardwareSize), a->hardwareSize, base + 4, 1);
  layer.addUint("arp.proto.size", fmt::format("Protocol size: {}", a->protocolSize), a->protocolSize, base + 5, 1);
  layer.addUint("arp.opcode", fmt::format("Opcode: {} ({})", opcodeName(a->opcode), a->opcode), a->opcode, base + 6,
                2);
  addAddress(layer, "arp.src", a->senderHardware, a->senderProtocol, base + 8, ethIpv4, "Sender");
  addAddress(layer, "arp.dst", a->targetHardware, a->targetProtocol,
             base + 8 + a->hardwareSize + a->protocolSize, ethIpv4, "Target");
  out.info = ethIpv4 ? summary(*a) : fmt::format("ARP {}", opcodeName(a->opcode));
  out.addLayer(std::move(layer), ctx.source);
}

}  // namespace rs
