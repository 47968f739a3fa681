// SPDX-License-Identifier: GPL-3.0-or-later
// dissectRadius: the "radius" layer with Wireshark's field names (radius.code,
// radius.avp, radius.User_Name, radius.MS_MPPE_Recv_Key, ...), then the EAP
// packet reassembled from the EAP-Message attributes (RFC 3579 3.1).
#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/dispatch.h"
#include "dissectors/eapol/eap_describe.h"
#include "dissectors/radius/radius.h"
#include "dissectors/radius/radius_dictionary.h"

namespace rs {
namespace {

using radius::ValueKind;

// Wireshark shows long octet strings as the first 36 octets in hex and "…".
std::string shortHex(ByteView v) {
  constexpr std::size_t kShown = 36;
  if (v.size() <= kShown) return toHex(v);
  return toHex(v.first(kShown)) + "…";
}

std::string printable(ByteView v) {
  std::string s;
  for (std::uint8_t c : v) {
    if (c >= 0x20 && c < 0x7f)
      s.push_back(static_cast<char>(c));
    else if (c >= 0x80)
      s.push_back(static_cast<char>(c));  // UTF-8 passes through
    else
      s += fmt::format("\\{:03o}", c);
  }
  return s;
}

// The value field of a known attribute (or Microsoft sub-attribute) and the
// short text Wireshark puts after "val=" in the AVP line.
// Malformed values are marked on `parent`, never on the layer: adding to the
// layer's children would move the attribute fields the caller still holds.
std::string describeValue(Field& parent, const radius::AttributeInfo& info, std::uint32_t vendor, std::uint8_t type,
                          ByteView value, std::size_t at, Dissection& out) {
  const std::string name = radius::fieldName(info.name);
  const std::string label(info.name);
  switch (info.kind) {
    case ValueKind::Text: {
      const std::string text(value.begin(), value.end());
      parent.addString(name, fmt::format("{}: {}", label, printable(value)), text, at, value.size());
      return printable(value);
    }
    case ValueKind::Integer:
    case ValueKind::Time: {
      if (value.size() != 4) {
        Field& f = parent.addBytes(name, fmt::format("{}: {} (length {} is not 4)", label, toHex(value),
                                                     value.size()), value, at);
        f.expert = "Malformed: integer attribute of the wrong length";
        out.markMalformed(parent, fmt::format("{} has {} octets, not 4", label, value.size()), at);
        return toHex(value);
      }
      ByteReader r(value);
      const std::uint32_t v = r.u32be();
      const std::string_view vname = radius::valueName(vendor, type, v);
      if (!vname.empty()) {
        parent.addUint(name, fmt::format("{}: {} ({})", label, vname, v), v, at, 4);
        return fmt::format("{}({})", vname, v);
      }
      parent.addUint(name, fmt::format("{}: {}", label, v), v, at, 4);
      return std::to_string(v);
    }
    case ValueKind::Ipv4: {
      if (value.size() != 4) {
        parent.addBytes(name, fmt::format("{}: {}", label, toHex(value)), value, at).expert =
            "Malformed: address of the wrong length";
        out.markMalformed(parent, fmt::format("{} has {} octets, not 4", label, value.size()), at);
        return toHex(value);
      }
      ByteReader r(value);
      const std::uint32_t v = r.u32be();
      parent.addIpv4(name, fmt::format("{}: {}", label, ipv4String(v)), v, at);
      return ipv4String(v);
    }
    case ValueKind::Ipv6: {
      if (value.size() != 16) {
        parent.addBytes(name, fmt::format("{}: {}", label, toHex(value)), value, at).expert =
            "Malformed: address of the wrong length";
        out.markMalformed(parent, fmt::format("{} has {} octets, not 16", label, value.size()), at);
        return toHex(value);
      }
      parent.addIpv6(name, fmt::format("{}: {}", label, ipv6String(value)), value, at);
      return ipv6String(value);
    }
    case ValueKind::ChapPassword: {
      // RFC 2865 5.3: Ident | String (the 16-octet response), tshark's radius.CHAP_Ident / radius.CHAP_String.
      // Another length is not decoded, as tshark shows it; the note says why (tshark marks nothing malformed).
      constexpr std::size_t kChapPasswordLength = 17;
      if (value.size() != kChapPasswordLength) {
        parent.addText(fmt::format("{}: {}", label, toHex(value)), at, value.size()).expert =
            fmt::format("CHAP-Password of {} octets, not 17 (RFC 2865 5.3)", value.size());
        return "[wrong length for CHAP-Password]";
      }
      Field& chap = parent.addBytes(name, fmt::format("{}: {}", label, toHex(value)), value, at);
      chap.addUint("radius.CHAP_Ident", "CHAP Ident: " + hexString(value[0], 2), value[0], at, 1, 2);
      chap.addBytes("radius.CHAP_String", "CHAP String: " + toHex(value.subspan(1)), value.subspan(1), at + 1);
      return toHex(value);
    }
    case ValueKind::HiddenPassword:
      // Without the shared secret only the hidden form is known (RFC 2865 5.2).
      parent.addBytes("radius.User_Password_encrypted", "User-Password (encrypted): " + toHex(value), value, at);
      return "Encrypted";
    case ValueKind::Octets:
    case ValueKind::SaltEncrypted:
    case ValueKind::VendorSpecific:
    case ValueKind::EapMessage:
      break;
  }
  parent.addBytes(name, fmt::format("{}: {}", label, shortHex(value)), value, at);
  return shortHex(value);
}

void describeVendorSpecific(Field& avp, const radius::Attribute& a, Dissection& out) {
  const std::size_t at = a.offset + 2;
  const auto vsa = radius::parseVendorSpecific(a.value, at);
  if (!vsa) {
    avp.addBytes("radius.Vendor_Specific", "Vendor-Specific: " + toHex(a.value), a.value, at).expert =
        "Malformed: Vendor-Specific shorter than its vendor id";
    out.markMalformed(avp, "Vendor-Specific shorter than its vendor id", at);
    return;
  }
  const std::string_view vname = radius::vendorName(vsa->vendorId);
  avp.label += fmt::format(" vnd={}({})", vname.empty() ? "Unknown" : vname, vsa->vendorId);
  avp.addUint("radius.avp.vendor_id",
              fmt::format("Vendor ID: {} ({})", vname.empty() ? "Unknown" : vname, vsa->vendorId), vsa->vendorId, at,
              4);
  const bool microsoft = vsa->vendorId == radius::kVendorMicrosoft;
  if (!microsoft || !vsa->wellFormed) {
    // Other vendors' formats are not known here: their bytes are shown as they are.
    if (!vsa->data.empty())
      avp.addBytes("radius.Vendor_Specific", "Vendor-Specific: " + shortHex(vsa->data), vsa->data, at + 4);
    if (microsoft) {
      avp.expert = "Malformed: Microsoft sub-attribute lengths do not add up";
      out.markMalformed(avp, "Microsoft vendor attribute lengths do not add up", at + 4);
    }
    return;
  }
  for (const auto& s : vsa->attributes) {
    const radius::AttributeInfo* info = radius::microsoftAttributeInfo(s.type);
    const std::string sname = info ? std::string(info->name) : fmt::format("Unknown-Attribute-{}", s.type);
    Field& sub = avp.addText("", s.offset, s.length);
    sub.addUint("radius.avp.vendor_type", fmt::format("Type: {}", s.type), s.type, s.offset, 1);
    sub.addUint("radius.avp.vendor_len", fmt::format("Length: {}", s.length), s.length, s.offset + 1, 1);
    std::string shown;
    if (info) {
      shown = describeValue(sub, *info, vsa->vendorId, s.type, s.value, s.offset + 2, out);
    } else {
      shown = shortHex(s.value);
      sub.addText(fmt::format("Value: {}", shown), s.offset + 2, s.value.size());
    }
    sub.label = fmt::format("VSA: t={}({}) l={} val={}", sname, s.type, s.length, shown);
  }
}

}  // namespace

void dissectRadius(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("radius", "RADIUS Protocol", base, data.size());
  out.protocol = "RADIUS";
  const auto p = radius::parsePacket(data);
  if (!p) {
    if (!data.empty()) {
      const std::string_view name = radius::codeName(data[0]);
      layer.addUint("radius.code", fmt::format("Code: {} ({})", name.empty() ? "Unknown" : name, data[0]), data[0],
                    base, 1);
    }
    if (data.size() >= 2)
      layer.addUint("radius.id", fmt::format("Packet identifier: {} ({})", hexString(data[1], 1), data[1]), data[1],
                    base + 1, 1);
    const bool shortHeader = data.size() < radius::kHeaderLength;
    out.info = "RADIUS (malformed)";
    out.markMalformed(layer, shortHeader ? "RADIUS header truncated" : "RADIUS length below 20",
                      shortHeader ? base + data.size() : base + 2);
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  const std::string_view codeName = radius::codeName(p->code);
  const std::string codeText = codeName.empty() ? fmt::format("Unknown({})", p->code) : std::string(codeName);
  layer.length = static_cast<std::uint32_t>(p->packet.size());
  layer.addUint("radius.code", fmt::format("Code: {} ({})", codeName.empty() ? "Unknown" : codeName, p->code),
                p->code, base, 1);
  layer.addUint("radius.id", fmt::format("Packet identifier: {} ({})", hexString(p->identifier, 1), p->identifier),
                p->identifier, base + 1, 1);
  layer.addUint("radius.length", fmt::format("Length: {}", p->length), p->length, base + 2, 2);
  layer.addBytes("radius.authenticator", "Authenticator: " + toHex(p->authenticator), p->authenticator, base + 4);
  out.info = fmt::format("{} id={}", codeText, p->identifier);

  std::vector<std::size_t> eapFragments;  // indexes into p->attributes
  for (std::size_t i = 0; i < p->attributes.size(); ++i)
    if (p->attributes[i].type == radius::attr::kEapMessage) eapFragments.push_back(i);

  if (!p->attributes.empty() || p->malformedAt) {
    const std::size_t avpsLength = p->packet.size() - radius::kHeaderLength;
    Field& avps = layer.addText("Attribute Value Pairs", base + radius::kHeaderLength, avpsLength);
    std::size_t segment = 0;
    for (const auto& a : p->attributes) {
      const std::size_t at = base + a.offset;
      const radius::AttributeInfo* info = radius::attributeInfo(a.type);
      const std::string aname = info ? std::string(info->name) : "Unknown-Attribute";
      Field& avp = avps.addBytes("radius.avp", "", p->packet.subspan(a.offset, a.length), at);
      avp.label = fmt::format("AVP: t={}({}) l={}", aname, a.type, a.length);
      avp.addUint("radius.avp.type", fmt::format("Type: {}", a.type), a.type, at, 1);
      avp.addUint("radius.avp.length", fmt::format("Length: {}", a.length), a.length, at + 1, 1);
      if (!info) {
        avp.addText(fmt::format("Value: {}", shortHex(a.value)), at + 2, a.value.size());
        avp.label += " val=" + shortHex(a.value);
        continue;
      }
      switch (info->kind) {
        case ValueKind::VendorSpecific: describeVendorSpecific(avp, a, out); break;
        case ValueKind::EapMessage: {
          ++segment;
          avp.addBytes("radius.eap_fragment", "EAP fragment: " + shortHex(a.value), a.value, at + 2);
          avp.label += fmt::format(" {}Segment[{}]", segment == eapFragments.size() ? "Last " : "", segment);
          break;
        }
        default: {
          const std::string shown = describeValue(avp, *info, 0, a.type, a.value, at + 2, out);
          avp.label += " val=" + shown;
        }
      }
    }
    if (p->malformedAt) {
      avps.addMalformed("Malformed: " + p->malformedReason, base + *p->malformedAt);
      out.markMalformed(layer, "RADIUS " + p->malformedReason, base + *p->malformedAt);
    }
  }
  if (p->truncated) out.markMalformed(layer, "RADIUS length exceeds the data", base + p->packet.size());
  out.addLayer(std::move(layer), ctx.source);

  if (eapFragments.empty()) return;
  const std::string info = out.info;
  if (eapFragments.size() == 1) {
    // One fragment: the EAP packet is in the frame itself.
    const radius::Attribute& a = p->attributes[eapFragments.front()];
    const std::size_t at = base + a.offset + 2;
    eapol::describeEap(PayloadContext{ctx.frame.first(at + a.value.size()), at, ctx.source}, out);
  } else {
    // Several: the reassembled packet becomes a byte source of its own, as
    // decrypted payloads are (RFC 3579 3.1: concatenated in order).
    out.decryptedSources.push_back(p->eapMessage());
    const std::size_t source = out.decryptedSources.size();
    eapol::describeEap(PayloadContext{out.decryptedSources.back(), 0, source}, out);
  }
  // The packet list names the RADIUS message, as Wireshark does.
  out.protocol = "RADIUS";
  out.info = info;
}

}  // namespace rs
