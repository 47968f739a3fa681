// SPDX-License-Identifier: GPL-3.0-or-later
// dissectMobileIp: the "mip" layer with Wireshark's field names (mip.type,
// mip.flags, mip.ident, mip.ext.type, mip.auth.spi, mip.nai,
// mip.ext.cvse.vendor_id, ...) and, inside the seed-001 vendor extensions,
// RoamScope's own roamscope.mip.* fields.
#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/ntp_time.h"
#include "dissectors/mip/seed001_describe.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs {
namespace {

std::string nameOr(std::string_view name, std::string_view fallback) {
  return name.empty() ? std::string(fallback) : std::string(name);
}

struct FlagBit {
  const char* field;
  const char* label;
  std::uint8_t mask;
};
constexpr FlagBit kRequestFlags[] = {
    {"mip.s", "Simultaneous Bindings", mip::flag::kSimultaneousBindings},
    {"mip.b", "Broadcast Datagrams", mip::flag::kBroadcast},
    {"mip.d", "Co-located Care-of Address", mip::flag::kDecapsulationByMn},
    {"mip.m", "Minimal Encapsulation", mip::flag::kMinimalEncapsulation},
    {"mip.g", "GRE", mip::flag::kGre},
    {"mip.v", "Van Jacobson", mip::flag::kVanJacobson},
    {"mip.t", "Reverse Tunneling", mip::flag::kReverseTunnel},
    {"mip.x", "Reserved", mip::flag::kReserved},
};

void describeFlags(Field& layer, std::uint8_t flags, std::size_t at) {
  std::string set;
  for (const auto& b : kRequestFlags)
    if ((flags & b.mask) && b.mask != mip::flag::kReserved) set += std::string(set.empty() ? "" : ", ") + b.label;
  Field& f = layer.addUint("mip.flags", fmt::format("Flags: {}{}", hexString(flags, 2), set.empty() ? "" : ", " + set),
                           flags, at, 1, 2);
  for (const auto& b : kRequestFlags) {
    const bool on = flags & b.mask;
    f.addUint(b.field, fmt::format("{} = {}: {}", bitPattern(flags, b.mask, 8), b.label, on ? "True" : "False"),
              on ? 1 : 0, at, 1);
  }
}

void describeHeader(Field& layer, const mip::Message& m, std::size_t base) {
  const std::string_view typeName = mip::messageTypeName(m.type);
  layer.addUint("mip.type", fmt::format("Message Type: {} ({})", typeName, m.type), m.type, base, 1);
  std::size_t at = base + 1;
  if (m.isRequest()) {
    describeFlags(layer, m.flagsOrCode, at);
  } else {
    layer.addUint("mip.code",
                  fmt::format("Reply Code: {} ({})", nameOr(mip::replyCodeName(m.flagsOrCode), "Unknown"),
                              m.flagsOrCode),
                  m.flagsOrCode, at, 1);
  }
  ++at;
  layer.addUint("mip.life", fmt::format("Lifetime: {}", m.lifetime), m.lifetime, at, 2);
  at += 2;
  layer.addIpv4("mip.homeaddr", "Home Address: " + ipv4String(m.homeAddress), m.homeAddress, at);
  at += 4;
  layer.addIpv4("mip.haaddr", "Home Agent: " + ipv4String(m.homeAgent), m.homeAgent, at);
  at += 4;
  if (m.isRequest()) {
    layer.addIpv4("mip.coa", "Care of Address: " + ipv4String(m.careOfAddress), m.careOfAddress, at);
    at += 4;
  }
  // RFC 3344 5.7: with timestamp replay protection the identification is an
  // NTP time; Wireshark always shows it as one, so the tree does too.
  const std::string when = mip::ntpTimeString(m.identification);
  layer.addString("mip.ident", "Identification: " + when, when, at, mip::kIdentificationLength);
}

void describeExtension(Field& exts, const mip::Extension& e, std::size_t base, Dissection& out) {
  const std::size_t at = base + e.offset;
  Field& x = exts.addText(fmt::format("Extension: {}", nameOr(mip::extensionTypeName(e.type), "Unknown Extension")),
                          at, e.totalLength());
  x.addUint("mip.ext.type",
            fmt::format("Extension Type: {} ({})", nameOr(mip::extensionTypeName(e.type), "Unknown"), e.type), e.type,
            at, 1);
  const std::size_t dataAt = at + e.headerLength();
  switch (e.layout) {
    case mip::ExtensionLayout::Short:
      x.addUint("mip.ext.len", fmt::format("Extension Length: {}", e.length), e.length, at + 1, 1);
      break;
    case mip::ExtensionLayout::Generalized:
      x.addUint("mip.ext.auth.subtype",
                fmt::format("Gen Auth Ext SubType: {} ({})",
                            nameOr(mip::generalizedAuthSubtypeName(e.subtypeOrReserved), "Unknown"),
                            e.subtypeOrReserved),
                e.subtypeOrReserved, at + 1, 1);
      x.addUint("mip.ext.len", fmt::format("Extension Length: {}", e.length), e.length, at + 2, 2);
      break;
    case mip::ExtensionLayout::Cvse:
      x.addUint("mip.ext.cvse.reserved", "CVSE Reserved: " + hexString(e.subtypeOrReserved, 2), e.subtypeOrReserved,
                at + 1, 1, 2);
      x.addUint("mip.ext.len", fmt::format("Extension Length: {}", e.length), e.length, at + 2, 2);
      break;
  }

  if (mip::isAuthenticationExtension(e.type)) {
    const auto a = mip::authenticationData(e);
    if (!a) {
      out.markMalformed(x, "authentication extension shorter than its SPI", dataAt);
      return;
    }
    x.addUint("mip.auth.spi", "SPI: " + hexString(a->spi, 8), a->spi, dataAt, 4, 8);
    x.addBytes("mip.auth.auth", "Authenticator: " + toHex(a->authenticator), a->authenticator,
               base + a->authenticatorOffset);
    return;
  }
  switch (e.type) {
    case mip::ext::kNai: {
      const std::string nai(e.data.begin(), e.data.end());
      x.addString("mip.nai", "NAI: " + nai, nai, dataAt, e.data.size());
      return;
    }
    case mip::ext::kCvse:
    case mip::ext::kNvse: {
      const auto v = mip::vendorData(e);
      if (!v) {
        out.markMalformed(x, "vendor extension shorter than its vendor id and type", dataAt);
        return;
      }
      const bool critical = e.type == mip::ext::kCvse;
      const std::string prefix = critical ? "mip.ext.cvse." : "mip.ext.nvse.";
      std::size_t vat = dataAt;
      if (!critical) {
        const std::uint16_t reserved = static_cast<std::uint16_t>((e.data[0] << 8) | e.data[1]);
        x.addUint("mip.ext.nvse.reserved", "Reserved: " + hexString(reserved, 4), reserved, vat, 2, 4);
        vat += 2;
      }
      // 32473 is IANA's enterprise number for documentation (RFC 5612), which seed 001 uses.
      const std::string vendor = v->vendorId == mip::seed001::kVendorId
                                     ? fmt::format("Example Enterprise Number for Documentation Use ({})", v->vendorId)
                                     : std::to_string(v->vendorId);
      x.addUint(prefix + "vendor_id", fmt::format("{}: {}", critical ? "CVSE Vendor/org ID" : "Vendor ID", vendor),
                v->vendorId, vat, 4);
      if (critical)
        x.addUint("mip.ext.cvse.vendor_type", "Vendor CVSE Type: " + hexString(v->vendorType, 4), v->vendorType,
                  vat + 4, 2, 4);
      else
        x.addUint("mip.ext.nvse.vendor_type", fmt::format("Vendor Type: {}", v->vendorType), v->vendorType, vat + 4,
                  2);
      x.addBytes(prefix + "vendor_value",
                 fmt::format("{}: {}", critical ? "Vendor CVSE Value" : "Vendor Value", toHex(v->value)), v->value,
                 base + v->valueOffset);
      if (v->vendorId == mip::seed001::kVendorId) mip::seed001::describeVendorValue(x, e.type, *v, base, out);
      return;
    }
    default:
      // The MN-FA challenge (RFC 3012 3.1) and unknown extensions: their data as is.
      x.addBytes("mip.extension", "Extension: " + toHex(e.data), e.data, dataAt);
      return;
  }
}

}  // namespace

void dissectMobileIp(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  // An empty datagram (or one quoted by ICMP without its payload) carries no
  // message: no layer, as tshark shows it.
  if (data.empty()) return;
  Field layer = makeLayer("mip", "Mobile IP", base, data.size());
  out.protocol = "MobileIP";
  const auto m = mip::parseMessage(data);
  if (!m) {
    const std::string_view name = mip::messageTypeName(data[0]);
    layer.addUint("mip.type", fmt::format("Message Type: {} ({})", nameOr(name, "Unknown"), data[0]), data[0], base, 1);
    const bool known = !name.empty();
    out.info = known ? "Mobile IP (malformed)" : fmt::format("Mobile IP message type {}", data[0]);
    Field& l = out.addLayer(std::move(layer), ctx.source);
    if (known)
      out.markMalformed(l, "Mobile IP header truncated", base + data.size());
    else
      l.addText("Data: " + toHex(data.subspan(1)), base + 1, data.size() - 1);  // other message types: not decoded
    return;
  }
  describeHeader(layer, *m, base);
  out.info = m->isRequest() ? fmt::format("Reg Request: HoA={} HA={} CoA={}", ipv4String(m->homeAddress),
                                          ipv4String(m->homeAgent), ipv4String(m->careOfAddress))
                            : fmt::format("Reg Reply: HoA={} HA={}, Code={}", ipv4String(m->homeAddress),
                                          ipv4String(m->homeAgent), m->flagsOrCode);
  Field& l = out.addLayer(std::move(layer), ctx.source);
  if (m->extensions.empty() && !m->malformedAt) return;
  Field& exts = l.addText("Extensions", base + m->headerLength, data.size() - m->headerLength);
  for (const auto& e : m->extensions) describeExtension(exts, e, base, out);
  if (m->malformedAt) out.markMalformed(exts, "Mobile IP " + m->malformedReason, base + *m->malformedAt);
}

}  // namespace rs
