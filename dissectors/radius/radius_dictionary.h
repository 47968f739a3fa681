// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What RoamScope knows about each RADIUS attribute: its name, how its value is
// encoded (RFC 8044 data types) and the names of enumerated values, as
// Wireshark's RADIUS dictionary shows them. Field names follow Wireshark:
// "radius." + the attribute name with '-' turned into '_'.
#include <cstdint>
#include <string>
#include <string_view>

namespace rs::radius {

enum class ValueKind : std::uint8_t {
  Octets,         // shown as hex
  Text,           // UTF-8 string
  Integer,        // 32-bit unsigned, big-endian
  Ipv4,
  Ipv6,
  Time,           // 32-bit seconds since 1970 (Event-Timestamp)
  HiddenPassword, // User-Password, hidden per RFC 2865 5.2
  VendorSpecific,
  EapMessage,
  SaltEncrypted,  // MS-MPPE-Send/Recv-Key (RFC 2548 2.4.2/2.4.3)
  ChapPassword,   // CHAP Ident (1 octet) | CHAP response (16), RFC 2865 5.3
};

struct AttributeInfo {
  std::string_view name;  // "User-Name", "MS-MPPE-Send-Key"
  ValueKind kind = ValueKind::Octets;
};

// nullptr for attributes (or Microsoft vendor types) RoamScope does not know.
const AttributeInfo* attributeInfo(std::uint8_t type);
const AttributeInfo* microsoftAttributeInfo(std::uint8_t vendorType);

// "radius.User_Name" for "User-Name" (and Wireshark's one exception,
// "radius.Framed-IP-Address").
std::string fieldName(std::string_view attributeName);

// Name of an enumerated Integer value ("Wireless-802.11" for NAS-Port-Type 19);
// empty when the attribute has no such value. `vendor` is 0 for standard attributes.
std::string_view valueName(std::uint32_t vendor, std::uint8_t type, std::uint32_t value);

// Wireshark's name of an SMI enterprise number ("Microsoft"); empty if unknown.
std::string_view vendorName(std::uint32_t vendorId);

}  // namespace rs::radius
