// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/eapol/eap_describe.h"

#include <algorithm>

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/eapol/eap.h"

namespace rs::eapol {
namespace {

std::string typeLabel(std::uint8_t type) {
  const std::string_view name = eapTypeName(type);
  return name.empty() ? fmt::format("Unknown type ({})", type) : std::string(name);
}

std::string_view setText(bool b) { return b ? "Set" : "Not set"; }

// Method data by type; returns the offset where undescribed data (TLS records,
// method payload) starts, or `end` when everything was described.
std::size_t describeTypeData(Field& layer, std::uint8_t type, ByteView frame, std::size_t at, std::size_t end,
                             Dissection& out) {
  const ByteView data = frame.subspan(at, end - at);
  switch (type) {
    case eaptype::kIdentity:
      if (!data.empty())
        layer.addString("eap.identity", "Identity: " + std::string(data.begin(), data.end()),
                        std::string(data.begin(), data.end()), at, data.size());
      return end;
    case eaptype::kNotification:
      if (!data.empty())
        layer.addString("eap.notification", "Notification: " + std::string(data.begin(), data.end()),
                        std::string(data.begin(), data.end()), at, data.size());
      return end;
    case eaptype::kNak:
      // RFC 3748 5.3.1 allows a list; Wireshark names only the first one
      // eap.desired_type, so the others are shown as text to keep filters equal.
      if (!data.empty())
        layer.addUint("eap.desired_type", fmt::format("Desired Auth Type: {} ({})", typeLabel(data[0]), data[0]),
                      data[0], at, 1);
      for (std::size_t i = 1; i < data.size(); ++i)
        layer.addText(fmt::format("Also acceptable: {} ({})", typeLabel(data[i]), data[i]), at + i, 1);
      return end;
    case eaptype::kMd5Challenge: {
      ByteReader r(data, at);
      const std::uint8_t size = r.u8();
      if (r.failed()) {
        out.markMalformed(layer, "EAP-MD5 value size missing", end);
        return end;
      }
      layer.addUint("eap.md5.value_size", fmt::format("EAP-MD5 Value-Size: {}", size), size, at, 1);
      const ByteView value = r.bytes(size);
      if (r.failed()) {
        out.markMalformed(layer, "EAP-MD5 value exceeds the packet", end);
        return end;
      }
      layer.addBytes("eap.md5.value", "EAP-MD5 Value: " + toColonHex(value), value, at + 1);
      const ByteView extra = r.rest();
      if (!extra.empty()) layer.addBytes("eap.md5.extra_data", "EAP-MD5 Extra Data: " + toColonHex(extra), extra,
                                         at + 1 + size);
      return end;
    }
    default: break;
  }
  if (isTlsBasedType(type)) {
    ByteReader r(data, at);
    const std::uint8_t flags = r.u8();
    if (r.failed()) {
      out.markMalformed(layer, "EAP-TLS flags missing", end);
      return end;
    }
    Field& f = layer.addUint("eap.tls.flags", "EAP-TLS Flags: " + hexString(flags, 2), flags, at, 1, 2);
    f.addUint("eap.tls.flags.len_included",
              fmt::format("Length Included: {}", setText(flags & tlsflag::kLengthIncluded)),
              (flags & tlsflag::kLengthIncluded) != 0, at, 1);
    f.addUint("eap.tls.flags.more_fragments",
              fmt::format("More Fragments: {}", setText(flags & tlsflag::kMoreFragments)),
              (flags & tlsflag::kMoreFragments) != 0, at, 1);
    f.addUint("eap.tls.flags.start", fmt::format("Start: {}", setText(flags & tlsflag::kStart)),
              (flags & tlsflag::kStart) != 0, at, 1);
    if (type == eaptype::kTeap)
      f.addUint("eap.tls.flags.outer_tlv_len_included",
                fmt::format("Outer TLV Length Included: {}", setText(flags & tlsflag::kOuterTlvLengthIncluded)),
                (flags & tlsflag::kOuterTlvLengthIncluded) != 0, at, 1);
    if (tlsTypeHasVersion(type))
      f.addUint("eap.tls.flags.version", fmt::format("Version: {}", flags & tlsflag::kVersionMask),
                flags & tlsflag::kVersionMask, at, 1);
    if (flags & tlsflag::kLengthIncluded) {
      const std::uint32_t length = r.u32be();
      if (r.failed()) {
        out.markMalformed(layer, "EAP-TLS length cut short", end);
        return end;
      }
      layer.addUint("eap.tls.len", fmt::format("EAP-TLS Length: {}", length), length, at + 1, 4);
    }
    return r.offset();
  }
  if (type == eaptype::kExpanded) {
    ByteReader r(data, at);
    const std::uint32_t vendorId = r.u24be();
    const std::uint32_t vendorType = r.u32be();
    if (r.failed()) {
      out.markMalformed(layer, "EAP expanded type header cut short", end);
      return end;
    }
    layer.addUint("eap.ext.vendor_id", fmt::format("EAP-EXT Vendor Id: {}", hexString(vendorId, 6)), vendorId, at,
                  3);
    layer.addUint("eap.ext.vendor_type", fmt::format("EAP-EXT Vendor Type: {}", vendorType), vendorType, at + 3, 4);
    const ByteView rest = r.rest();
    if (!rest.empty()) layer.addBytes("eap.data", fmt::format("EAP Data ({} bytes)", rest.size()), rest, at + 7);
    return end;
  }
  if (!data.empty()) layer.addBytes("eap.data", fmt::format("EAP Data ({} bytes)", data.size()), data, at);
  return end;
}

}  // namespace

void describeEap(const PayloadContext& ctx, Dissection& out) {
  const std::size_t base = ctx.offset;
  const ByteView data = base <= ctx.frame.size() ? ctx.frame.subspan(base) : ByteView{};
  Field layer = makeLayer("eap", "Extensible Authentication Protocol", base, data.size());
  out.protocol = "EAP";
  ByteReader r(data, base);
  const std::uint8_t code = r.u8();
  const std::uint8_t id = r.u8();
  const std::uint16_t length = r.u16be();
  if (data.size() >= 1)
    layer.addUint("eap.code", fmt::format("Code: {} ({})", eapCodeName(code), code), code, base, 1);
  if (data.size() >= 2) layer.addUint("eap.id", fmt::format("Id: {}", id), id, base + 1, 1);
  if (r.failed()) {
    out.info = "EAP (truncated)";
    out.markMalformed(layer, "EAP header truncated", base + data.size());
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  layer.addUint("eap.len", fmt::format("Length: {}", length), length, base + 2, 2);
  out.info = std::string(eapCodeName(code));
  if (length < 4) {
    out.markMalformed(layer, fmt::format("Bad EAP length {} (less than 4)", length), base + 2);
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  std::size_t end = base + length;
  bool cut = false;
  if (length > data.size()) {
    end = base + data.size();
    cut = true;
  }
  layer.length = static_cast<std::uint32_t>(end - base);
  std::size_t undescribed = end;
  const bool hasType = code == static_cast<std::uint8_t>(EapCode::Request) ||
                       code == static_cast<std::uint8_t>(EapCode::Response);
  if (hasType && length > 4) {
    if (end > base + 4) {
      const std::uint8_t type = ctx.frame[base + 4];
      layer.addUint("eap.type", fmt::format("Type: {} ({})", typeLabel(type), type), type, base + 4, 1);
      out.info = fmt::format("{}, {}", eapCodeName(code), typeLabel(type));
      undescribed = describeTypeData(layer, type, ctx.frame, base + 5, end, out);
    }
  }
  if (cut) out.markMalformed(layer, "EAP length exceeds the data", end);
  out.addLayer(std::move(layer), ctx.source);
  if (undescribed < end) dissectData(PayloadContext{ctx.frame.first(end), undescribed, ctx.source}, out);
}

}  // namespace rs::eapol
