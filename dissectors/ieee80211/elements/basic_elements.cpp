// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/basic_elements.h"

#include <algorithm>

#include "dissectors/common/byte_writer.h"
#include "dissectors/ieee80211/elements/element_ids.h"

namespace rs::ieee80211 {

std::optional<ByteView> parseSsid(ByteView data) {
  if (data.size() > kMaxSsidLength) return std::nullopt;
  return data;
}

std::optional<std::uint8_t> parseDsParameter(ByteView data) {
  if (data.size() != 1) return std::nullopt;
  return data[0];
}

Bytes buildElement(std::uint8_t id, ByteView data) {
  const std::size_t n = std::min<std::size_t>(data.size(), 255);
  ByteWriter w;
  w.u8(id).u8(static_cast<std::uint8_t>(n)).bytes(data.first(n));
  return w.take();
}

Bytes buildExtensionElement(std::uint8_t extId, ByteView data) {
  const std::size_t n = std::min<std::size_t>(data.size(), 254);
  ByteWriter w;
  w.u8(eid::kExtension).u8(static_cast<std::uint8_t>(n + 1)).u8(extId).bytes(data.first(n));
  return w.take();
}

Bytes buildSsid(ByteView ssid) {
  return buildElement(eid::kSsid, ssid.first(std::min(ssid.size(), kMaxSsidLength)));
}

Bytes buildSsid(std::string_view ssid) { return buildSsid(asView(ssid)); }

Bytes buildRates(ByteView rates) {
  // 9.4.2.3: Supported Rates holds at most 8 rates; 9.4.2.13 carries the rest.
  constexpr std::size_t kMaxSupported = 8;
  Bytes out = buildElement(eid::kSupportedRates, rates.first(std::min(rates.size(), kMaxSupported)));
  if (rates.size() > kMaxSupported) {
    const Bytes ext = buildElement(eid::kExtendedSupportedRates, rates.subspan(kMaxSupported));
    out.insert(out.end(), ext.begin(), ext.end());
  }
  return out;
}

Bytes buildDsParameter(std::uint8_t channel) {
  const std::uint8_t data[1] = {channel};
  return buildElement(eid::kDsParameterSet, data);
}

Bytes buildVendorSpecific(std::uint32_t oui, std::uint8_t type, ByteView data) {
  ByteWriter w;
  w.u24be(oui).u8(type).bytes(data);
  return buildElement(eid::kVendorSpecific, w.data());
}

}  // namespace rs::ieee80211
