// SPDX-License-Identifier: GPL-3.0-or-later
// describeElements: walks an element list and hands each element to its
// describer; elements without one get tshark's generic "wlan.tag.data".
#include <fmt/format.h>

#include "dissectors/ieee80211/elements/describe_support.h"
#include "dissectors/ieee80211/elements/element_ids.h"
#include "dissectors/ieee80211/elements/elements.h"

namespace rs::ieee80211 {
namespace {

using detail::Describer;

Describer describerFor(std::uint8_t id) {
  switch (id) {
    case eid::kSsid: return detail::describeSsid;
    case eid::kSupportedRates:
    case eid::kExtendedSupportedRates: return detail::describeRates;
    case eid::kDsParameterSet: return detail::describeDsParameter;
    case eid::kTim: return detail::describeTim;
    case eid::kCountry: return detail::describeCountry;
    case eid::kErp:
    case eid::kErpLegacy: return detail::describeErp;
    case eid::kHtCapabilities: return detail::describeHtCapabilities;
    case eid::kHtOperation: return detail::describeHtOperation;
    case eid::kExtendedCapabilities: return detail::describeExtendedCapabilities;
    case eid::kRmEnabledCapabilities: return detail::describeRmCapabilities;
    case eid::kRsn: return detail::describeRsne;
    case eid::kRsnExtension: return detail::describeRsnx;
    case eid::kMobilityDomain: return detail::describeMde;
    case eid::kFastBssTransition: return detail::describeFte;
    case eid::kTimeoutInterval: return detail::describeTimeoutInterval;
    case eid::kVendorSpecific: return detail::describeVendorSpecific;
    default: return nullptr;
  }
}

// 0xdd, then only zeros to the end.
bool isKeyWrapPadding(ByteView rest) {
  for (std::size_t i = 1; i < rest.size(); ++i)
    if (rest[i] != 0) return false;
  return !rest.empty() && rest[0] == eid::kVendorSpecific;
}

std::string tagLabel(const ElementView& e) {
  if (e.id == eid::kSsid) {
    std::string ssid;
    for (auto b : e.data) ssid += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : '.';
    return fmt::format("Tag: SSID parameter set: \"{}\"", ssid);
  }
  return fmt::format("Tag: {}", elementName(e.id));
}

bool describeExtension(const ElementView& e, Field& parent) {
  // tshark puts extension elements in a "wlan.ext_tag" subtree whose length
  // counts the octets after the Element ID Extension.
  Field& tag = parent.add(makeLayer("wlan.ext_tag", fmt::format("Ext Tag: {}", extensionElementName(e.extId)),
                                    e.offset, e.totalLength()));
  tag.addUint("wlan.tag.number", fmt::format("Tag Number: {} ({})", elementName(e.id), e.id), e.id, e.offset, 1);
  tag.addUint("wlan.ext_tag.length", fmt::format("Ext Tag length: {}", e.data.size()), e.data.size(), e.offset + 1,
              1);
  tag.addUint("wlan.ext_tag.number", fmt::format("Ext Tag Number: {} ({})", extensionElementName(e.extId), e.extId),
              e.extId, e.offset + 2, 1);
  if (!e.data.empty())
    tag.addBytes("wlan.ext_tag.data", fmt::format("Ext Tag Data: {}", toColonHex(e.data)), e.data, e.offset + 3);
  return true;
}

}  // namespace

bool describeElement(const ElementView& e, Field& parent, Dissection& out, const ElementContext& context) {
  if (e.hasExtId) return describeExtension(e, parent);
  Field& tag = parent.add(makeLayer("wlan.tag", tagLabel(e), e.offset, e.totalLength()));
  tag.addUint("wlan.tag.number", fmt::format("Tag Number: {} ({})", elementName(e.id), e.id), e.id, e.offset, 1);
  tag.addUint("wlan.tag.length", fmt::format("Tag length: {}", e.data.size()), e.data.size(), e.offset + 1, 1);
  if (Describer d = describerFor(e.id)) return d(e, tag, out, context);
  if (!e.data.empty())
    tag.addBytes("wlan.tag.data", fmt::format("Tag Data: {}", toColonHex(e.data)), e.data, e.offset + 2);
  return true;
}

bool describeElements(ByteView frame, std::size_t offset, std::size_t end, Field& parent, Dissection& out,
                      const ElementContext& context) {
  if (end > frame.size()) end = frame.size();
  if (offset >= end) return true;
  ElementIterator it(frame.subspan(offset, end - offset), offset);
  ElementView e;
  bool ok = true;
  while (it.next(e)) {
    // Key Data padded for AES key wrap ends with 0xdd and zeros (IEEE 802.11-2016
    // 12.7.2 j); like tshark, show no element for it.
    if (e.id == eid::kVendorSpecific && e.data.empty() && isKeyWrapPadding(frame.subspan(e.offset, end - e.offset))) {
      parent.addText(fmt::format("Key Data padding ({} octets)", end - e.offset), e.offset, end - e.offset);
      return ok;
    }
    ok = describeElement(e, parent, out, context) && ok;
  }
  if (!it.failed()) return ok;

  // The element at failureOffset() does not fit: show its ID and Length as
  // tshark does, flag the length, and stop.
  const std::size_t at = it.failureOffset();
  const std::uint8_t id = frame[at];
  Field& tag = parent.add(makeLayer("wlan.tag", fmt::format("Tag: {}", elementName(id)), at, end - at));
  tag.malformed = true;
  tag.addUint("wlan.tag.number", fmt::format("Tag Number: {} ({})", elementName(id), id), id, at, 1);
  std::string reason;
  if (end - at < 2) {
    reason = "element header runs past the end of the element list";
  } else {
    const std::size_t length = frame[at + 1];
    Field& len = tag.addUint("wlan.tag.length", fmt::format("Tag length: {}", length), length, at + 1, 1);
    len.malformed = true;
    len.expert = "Tag Length is longer than remaining payload";
    reason = length == 0 ? "extension element without an Element ID Extension"
                         : fmt::format("element length {} exceeds the {} octets left", length, end - at - 2);
  }
  out.markMalformed(parent, reason, at);
  return false;
}

bool describeElements(ByteView frame, std::size_t offset, std::size_t end, Field& parent, Dissection& out) {
  return describeElements(frame, offset, end, parent, out, ElementContext{});
}

}  // namespace rs::ieee80211
