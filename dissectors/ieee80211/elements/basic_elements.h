// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Parse and build for the simple elements every management frame carries:
// SSID (9.4.2.2), Supported Rates (9.4.2.3) / Extended Supported Rates (9.4.2.13),
// DS Parameter Set (9.4.2.4), and any element or vendor-specific element (9.4.2.26)
// from raw information octets.
#include <cstdint>
#include <optional>
#include <string_view>

#include "dissectors/common/bytes.h"

namespace rs::ieee80211 {

inline constexpr std::size_t kMaxSsidLength = 32;

// The SSID octets (0..32; not necessarily UTF-8); nullopt when longer than 32.
std::optional<ByteView> parseSsid(ByteView data);
// The current channel of a DS Parameter Set element; nullopt unless exactly 1 octet.
std::optional<std::uint8_t> parseDsParameter(ByteView data);

// Any element: ID, Length, data. Data longer than 255 octets is cut to 255.
Bytes buildElement(std::uint8_t id, ByteView data);
// Element 255 with an Element ID Extension.
Bytes buildExtensionElement(std::uint8_t extId, ByteView data);
Bytes buildSsid(ByteView ssid);            // cut to 32 octets
Bytes buildSsid(std::string_view ssid);
// Rates in 500 kb/s units with bit 7 set for basic rates ({0x82, 0x84, 0x8b, 0x96, ...}).
// The first 8 go into Supported Rates; any more follow in Extended Supported Rates.
Bytes buildRates(ByteView rates);
Bytes buildDsParameter(std::uint8_t channel);
// Vendor-specific element: OUI (3 octets, big-endian as transmitted), type, data.
Bytes buildVendorSpecific(std::uint32_t oui, std::uint8_t type, ByteView data);

}  // namespace rs::ieee80211
