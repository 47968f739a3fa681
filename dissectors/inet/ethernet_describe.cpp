// SPDX-License-Identifier: GPL-3.0-or-later
// dissectEthernet: the "eth" layer (and "vlan" for an 802.1Q tag), then the
// EtherType or, for 802.3 length framing, LLC.
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/inet/ethernet.h"

namespace rs {
namespace {

void describeAddress(Field& layer, std::string_view which, const MacAddress& mac, std::size_t off) {
  const std::string name = fmt::format("eth.{}", which);
  Field& f = layer.addBytes(name, fmt::format("{}: {}", which == "dst" ? "Destination" : "Source", mac.toString()),
                            mac.view(), off);
  const std::uint32_t oui = static_cast<std::uint32_t>(mac.toU64() >> 24);
  f.addUint(name + ".oui", fmt::format("{} OUI: {}", which == "dst" ? "Destination" : "Source", hexString(oui, 6)),
            oui, off, 3);
  f.addBytes("eth.addr", "Address: " + mac.toString(), mac.view(), off);
  f.addUint("eth.addr.oui", fmt::format("Address OUI: {}", hexString(oui, 6)), oui, off, 3);
  // IEEE 802 9.2: bit 1 of the first octet is the U/L bit, bit 0 the I/G bit.
  const bool local = (mac.octets[0] & 0x02) != 0;
  const bool group = mac.isGroup();
  const std::string lg = local ? "Locally administered address (this is NOT the factory default)"
                               : "Globally unique address (factory default)";
  const std::string ig = group ? "Group address (multicast/broadcast)" : "Individual address (unicast)";
  f.addUint(name + ".lg", "LG bit: " + lg, local, off, 3);
  f.addUint("eth.lg", "LG bit: " + lg, local, off, 3);
  f.addUint(name + ".ig", "IG bit: " + ig, group, off, 3);
  f.addUint("eth.ig", "IG bit: " + ig, group, off, 3);
}

}  // namespace

void dissectEthernet(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  const auto h = inet::parseEthernet(data);
  out.protocol = "Ethernet";
  if (!h) {
    Field layer = makeLayer("eth", "Ethernet II", base, data.size());
    if (data.size() >= 6) describeAddress(layer, "dst", MacAddress::fromView(data), base);
    if (data.size() >= 12) describeAddress(layer, "src", MacAddress::fromView(data.subspan(6)), base + 6);
    out.info = "Ethernet header truncated";
    out.markMalformed(layer, "Ethernet header truncated", base + data.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }

  const std::size_t typeOffset = base + 12;
  Field layer = makeLayer("eth", "Ethernet II", base, 14);
  describeAddress(layer, "dst", h->destination, base);
  describeAddress(layer, "src", h->source, base + 6);
  out.source = h->source.toString();
  out.destination = h->destination.toString();

  if (!h->vlan) {
    // An 802.3 frame: the length bounds the LLC PDU; whatever follows is padding.
    if (h->isLength()) {
      layer.label = "IEEE 802.3 Ethernet";
      layer.addUint("eth.len", fmt::format("Length: {}", h->typeOrLength), h->typeOrLength, typeOffset, 2);
      const std::size_t end = base + h->payloadOffset + h->typeOrLength;
      if (end > ctx.frame.size()) {
        out.markMalformed(layer, "Length field value goes past the end of the payload", ctx.frame.size());
        out.addLayer(std::move(layer), ctx.source);
        return dissectLlc(PayloadContext{ctx.frame, base + h->payloadOffset, ctx.source}, out);
      }
      out.addLayer(std::move(layer), ctx.source);
      return dissectLlc(PayloadContext{ctx.frame.first(end), base + h->payloadOffset, ctx.source}, out);
    }
    layer.addUint("eth.type", fmt::format("Type: {}", hexString(h->typeOrLength, 4)), h->typeOrLength, typeOffset,
                  2, 4);
    out.addLayer(std::move(layer), ctx.source);
  } else {
    layer.addUint("eth.type", "Type: 802.1Q Virtual LAN (0x8100)", inet::kEtherTypeVlan, typeOffset, 2, 4);
    out.addLayer(std::move(layer), ctx.source);
    const std::size_t tagOffset = base + 14;
    Field vlan = makeLayer("vlan", fmt::format("802.1Q Virtual LAN, PRI: {}, DEI: {}, ID: {}", h->vlan->priority,
                                               h->vlan->dei ? 1 : 0, h->vlan->id),
                           tagOffset, 4);
    vlan.addUint("vlan.priority", fmt::format("Priority: {}", h->vlan->priority), h->vlan->priority, tagOffset, 2);
    vlan.addUint("vlan.dei", fmt::format("DEI: {}", h->vlan->dei ? "Eligible" : "Ineligible"), h->vlan->dei,
                 tagOffset, 2);
    vlan.addUint("vlan.id", fmt::format("ID: {}", h->vlan->id), h->vlan->id, tagOffset, 2);
    vlan.addUint("vlan.etype", fmt::format("Type: {}", hexString(h->typeOrLength, 4)), h->typeOrLength,
                 tagOffset + 2, 2, 4);
    out.addLayer(std::move(vlan), ctx.source);
  }
  const PayloadContext next{ctx.frame, base + h->payloadOffset, ctx.source};
  if (h->typeOrLength < inet::kMinEtherType) return dissectLlc(next, out);
  dissectEtherType(h->typeOrLength, next, out);
}

}  // namespace rs
