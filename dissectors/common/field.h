// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "describe" output of every dissector: a tree of fields named as Wireshark
// names them (STYLE.md #1: field names are a public contract), each with the
// byte range it came from, so the packet-details view, display filters, JSON
// export and the tshark comparison tests all read the same structure.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs {

enum class FieldKind : std::uint8_t {
  None,      // a text-only node (subtree header, comment)
  Unsigned,  // rendered in decimal, or hex when hexDigits > 0 ("0x0008")
  Signed,
  Octets,    // colon hex, also used for MAC addresses
  Text,      // a string value (EAP identity, ...)
  Ipv4,      // stored in `u`, rendered dotted-quad
  Ipv6,      // stored in `bytes`
};

struct Field {
  std::string name;   // "wlan.fc.type_subtype"; empty for text-only nodes
  std::string label;  // one display line: "Type/Subtype: Beacon frame (0x0008)"
  FieldKind kind = FieldKind::None;
  std::uint8_t hexDigits = 0;
  std::uint64_t u = 0;
  std::int64_t i = 0;
  std::string text;
  Bytes bytes;
  std::uint32_t offset = 0;  // absolute offset of the field within the frame
  std::uint32_t length = 0;
  bool malformed = false;     // this node is where the data ran out or broke a rule
  bool secret = false;        // key material: output paths mask it unless the user asks (STYLE.md #4)
  std::string expert;         // an expert note ("Malformed: element length exceeds frame")
  std::vector<Field> children;

  // The value as tshark prints it in -T json / -T fields output.
  std::string valueString() const;

  // Depth-first search by field name, in tree order.
  const Field* find(std::string_view fieldName) const;
  void findAll(std::string_view fieldName, std::vector<const Field*>& out) const;

  // Appends a child and returns it, so describers can build subtrees in place.
  Field& add(Field child) {
    children.push_back(std::move(child));
    return children.back();
  }
  Field& addText(std::string lbl, std::size_t off, std::size_t len);
  Field& addUint(std::string nm, std::string lbl, std::uint64_t v, std::size_t off, std::size_t len,
                 std::uint8_t hexDigitsWanted = 0);
  Field& addInt(std::string nm, std::string lbl, std::int64_t v, std::size_t off, std::size_t len);
  Field& addBytes(std::string nm, std::string lbl, ByteView v, std::size_t off);
  Field& addString(std::string nm, std::string lbl, std::string v, std::size_t off, std::size_t len);
  Field& addIpv4(std::string nm, std::string lbl, std::uint32_t v, std::size_t off);
  Field& addIpv6(std::string nm, std::string lbl, ByteView v, std::size_t off);
  // A malformed marker at `off`: keeps what was decoded before it (STYLE.md #2).
  Field& addMalformed(std::string reason, std::size_t off, std::size_t len = 0);
};

// Makes a protocol layer node ("wlan", "eapol", ...).
Field makeLayer(std::string name, std::string label, std::size_t off, std::size_t len);

// Formats "0x%0*x" with the given number of digits (tshark's BASE_HEX rendering).
std::string hexString(std::uint64_t v, int digits);
// Wireshark's bit-field picture of `mask` within a `bits`-wide value, e.g.
// "0000 0000 1000 ...." for bit 7 of a 16-bit field (value bits under the mask, '.' elsewhere).
std::string bitPattern(std::uint64_t value, std::uint64_t mask, int bits);
// Dotted-quad rendering of a host-order IPv4 address.
std::string ipv4String(std::uint32_t v);
std::string ipv6String(ByteView v);

}  // namespace rs
