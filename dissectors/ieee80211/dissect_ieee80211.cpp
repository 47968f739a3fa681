// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point of the 802.11 dissector (dispatch.h): the "wlan" layer, the
// body by frame type, the packet-list columns, and the hand-off of MSDUs to
// LLC (or of ciphertext to "data" until core/ decrypts it).
#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "dissectors/ieee80211/describe_internal.h"
#include "dissectors/ieee80211/names.h"

namespace rs {
namespace {

using namespace ieee80211;
using namespace ieee80211::detail;

std::string withRole(const MacAddress& a, std::string_view role) { return fmt::format("{} ({})", a.toString(), role); }

void setColumns(const MacHeader& h, Dissection& out) {
  if (h.isManagement() || h.isData()) {
    // An A-MSDU header names only one end; tshark leaves the other column empty.
    if (const auto sa = h.sa()) out.source = sa->toString();
    if (const auto da = h.da()) out.destination = da->toString();
    return;
  }
  if (h.isExtension()) {
    out.destination = withRole(h.addr[0], "BSSID");
    return;
  }
  // Control frames: tshark names the role of each address.
  switch (h.subtype) {
    case ctrl::PsPoll:
      out.source = withRole(h.addr[1], "TA");
      out.destination = withRole(h.addr[0], "BSSID");
      return;
    case ctrl::CfEnd:
      out.source = withRole(h.addr[1], "BSSID");
      out.destination = withRole(h.addr[0], "RA");
      return;
    default:
      if (h.addressCount >= 2) out.source = withRole(h.addr[1], "TA");
      out.destination = withRole(h.addr[0], "RA");
  }
}

std::string infoLine(const MacHeader& h, ByteView frame, std::size_t body) {
  std::string_view name = frameTypeName(h.type, h.subtype);
  if (name == "Unknown") name = "Unrecognized (Reserved frame)";
  std::string info(name);
  if (h.hasSequenceControl)
    info += fmt::format(", SN={}, FN={}", h.sequenceNumber(), h.fragmentNumber());
  info += ", Flags=" + flagsString(h.flags);
  if (!h.isManagement() || h.isProtected()) return info;
  std::size_t elements = body;
  switch (h.subtype) {
    case mgmt::Action:
    case mgmt::ActionNoAck: {
      // Frames whose fixed fields open with a dialog token show it (ADDBA 9.6.5.2-3,
      // spectrum management 9.6.2.2-5).
      if (body + 3 > frame.size()) return info;
      const std::uint8_t category = frame[body], action = frame[body + 1];
      const bool token = (category == 3 && action <= 1) || (category == 0 && action <= 3);
      if (token) info += fmt::format(", Dialog Token={}", frame[body + 2]);
      return info;
    }
    case mgmt::Beacon:
    case mgmt::ProbeResponse:
      if (body + 12 > frame.size()) return info;
      info += fmt::format(", BI={}", frame[body + 8] | (frame[body + 9] << 8));
      elements = body + 12;
      break;
    case mgmt::ProbeRequest: break;
    case mgmt::AssociationRequest: elements = body + 4; break;
    case mgmt::ReassociationRequest: elements = body + 10; break;
    case mgmt::AssociationResponse:
    case mgmt::ReassociationResponse: elements = body + 6; break;
    case mgmt::Authentication:
      // SAE bodies carry group/scalar/element before any element.
      if (body + 2 > frame.size() || (frame[body] | (frame[body + 1] << 8)) == 3) return info;
      elements = body + 6;
      break;
    case mgmt::Disassociation:
    case mgmt::Deauthentication: elements = body + 2; break;
    default: return info;
  }
  std::string ssid;
  if (elements <= frame.size() && findSsid(frame, elements, frame.size(), ssid))
    info += ssid.empty() ? ", SSID=Wildcard (Broadcast)" : fmt::format(", SSID=\"{}\"", ssid);
  return info;
}

void dissectDataBody(ByteView frame, const MacHeader& h, std::size_t body, std::size_t source, Field& layer,
                     Dissection& out) {
  std::size_t off = body;
  if (h.isProtected()) {
    const std::size_t hdr = describeProtectionHeader(frame, off, layer, out);
    layer.length += static_cast<std::uint32_t>(hdr);
    out.addLayer(std::move(layer), source);
    if (hdr == 0) return;
    // WEP keeps its ICV outside the ciphertext shown as data; TKIP/CCMP show MIC and ICV with it.
    const bool wep = hdr == 4;
    ByteView payload = frame;
    if (wep && frame.size() >= off + hdr + 4) payload = frame.first(frame.size() - 4);
    dissectData(PayloadContext{payload, off + hdr, source}, out);
    return;
  }
  if (h.hasQosControl && h.toDs() && h.fromDs() && (h.qosControl & 0x0100)) {
    const std::size_t mesh = describeMeshControl(frame, off, layer, out);
    if (mesh == 0) {
      out.addLayer(std::move(layer), source);
      return;
    }
    off += mesh;
  }
  out.addLayer(std::move(layer), source);
  if (h.isNullData() || off >= frame.size()) return;
  if (h.hasQosControl && h.amsduPresent()) return describeAmsdu(frame, off, source, out);
  dissectLlc(PayloadContext{frame, off, source}, out);
}

}  // namespace

void dissectIeee80211(const PayloadContext& ctx, Dissection& out) {
  const ByteView frame = ctx.frame;
  const std::size_t start = ctx.offset;
  out.protocol = "802.11";
  Field layer = makeLayer("wlan", "IEEE 802.11", start, frame.size() > start ? frame.size() - start : 0);
  MacHeader h;
  const bool complete = describeMacHeader(frame, start, layer, out, h);
  const std::string_view name = start + 2 <= frame.size() ? frameTypeName(h.type, h.subtype) : "frame";
  if (!complete) {
    layer.label = fmt::format("IEEE 802.11 {}", name);
    out.info = std::string(name);
    out.addLayer(std::move(layer), ctx.source);
    return;
  }
  const std::size_t body = start + h.length;
  layer.label = fmt::format("IEEE 802.11 {}, Flags: {}", name, flagsString(h.flags));
  layer.length = static_cast<std::uint32_t>(h.length);
  setColumns(h, out);
  out.info = infoLine(h, frame, body);

  switch (h.type) {
    case frame_type::Management:
      if (h.isProtected()) {
        // Protected management frames (11.13) and WEP shared-key authentication: the body is ciphertext.
        return dissectDataBody(frame, h, body, ctx.source, layer, out);
      }
      out.addLayer(std::move(layer), ctx.source);
      return describeManagementBody(frame, h, body, ctx.source, out);
    case frame_type::Control:
      describeControlBody(frame, h, body, layer, out);
      out.addLayer(std::move(layer), ctx.source);
      return;
    case frame_type::Data: return dissectDataBody(frame, h, body, ctx.source, layer, out);
    default:
      out.addLayer(std::move(layer), ctx.source);
      dissectData(PayloadContext{frame, body, ctx.source}, out);
      return;
  }
}

}  // namespace rs
