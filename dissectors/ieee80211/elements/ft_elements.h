// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fast BSS Transition elements (IEEE 802.11r, folded into IEEE 802.11-2016):
// Mobility Domain element (9.4.2.47), Fast BSS Transition element (9.4.2.48)
// with its subelements, and the Timeout Interval element (9.4.2.49).
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::ieee80211 {

struct MobilityDomainElement {
  std::uint16_t mdid = 0;          // little-endian on the wire; tshark shows it as read ("0xb2a1")
  std::uint8_t ftCapability = 0;   // bit 0: FT over DS, bit 1: resource request protocol

  bool ftOverDs() const { return ftCapability & 0x01; }
  bool resourceRequest() const { return ftCapability & 0x02; }
  bool operator==(const MobilityDomainElement&) const = default;
};

std::optional<MobilityDomainElement> parseMde(ByteView data);
Bytes buildMde(const MobilityDomainElement& mde);

// FTE subelement IDs (9.4.2.48, Table 9-167).
namespace ftsub {
inline constexpr std::uint8_t kR1khId = 1;
inline constexpr std::uint8_t kGtk = 2;
inline constexpr std::uint8_t kR0khId = 3;
inline constexpr std::uint8_t kIgtk = 4;
}  // namespace ftsub

struct FtSubelement {
  std::uint8_t id = 0;
  Bytes data;
  bool operator==(const FtSubelement&) const = default;
};

// GTK subelement (Figure 9-382): Key Info (key ID in bits 0-1), Key Length,
// RSC, and the AES-key-wrapped GTK.
struct FtGtkSubelement {
  std::uint16_t keyInfo = 0;
  std::uint8_t keyLength = 0;
  std::array<std::uint8_t, 8> rsc{};
  Bytes wrappedKey;
  std::uint8_t keyId() const { return keyInfo & 0x3; }
  bool operator==(const FtGtkSubelement&) const = default;
};

// IGTK subelement (Figure 9-383): Key ID, IPN, Key Length, wrapped IGTK.
struct FtIgtkSubelement {
  std::uint16_t keyId = 0;
  std::array<std::uint8_t, 6> ipn{};
  std::uint8_t keyLength = 0;
  Bytes wrappedKey;
  bool operator==(const FtIgtkSubelement&) const = default;
};

// The FTE with the 16-octet MIC of IEEE 802.11-2016. Subelements stay in wire
// order (hostapd sends R1KH-ID, R0KH-ID, then GTK) so a rebuilt FTE is identical.
struct FastBssTransitionElement {
  std::uint16_t micControl = 0;  // bits 8-15: element count covered by the MIC
  std::array<std::uint8_t, 16> mic{};
  std::array<std::uint8_t, 32> anonce{};
  std::array<std::uint8_t, 32> snonce{};
  std::vector<FtSubelement> subelements;

  std::uint8_t elementCount() const { return static_cast<std::uint8_t>(micControl >> 8); }
  void setElementCount(std::uint8_t n) { micControl = static_cast<std::uint16_t>((micControl & 0x00ff) | (n << 8)); }
  const FtSubelement* find(std::uint8_t id) const;
  std::optional<ByteView> r1khId() const;
  std::optional<ByteView> r0khId() const;
  std::optional<FtGtkSubelement> gtk() const;    // nullopt if absent or malformed
  std::optional<FtIgtkSubelement> igtk() const;
  bool operator==(const FastBssTransitionElement&) const = default;
};

std::optional<FastBssTransitionElement> parseFte(ByteView data);
Bytes buildFte(const FastBssTransitionElement& fte);

std::optional<FtGtkSubelement> parseFtGtkSubelement(ByteView data);
std::optional<FtIgtkSubelement> parseFtIgtkSubelement(ByteView data);
FtSubelement makeR1khIdSubelement(const MacAddress& r1khId);
FtSubelement makeR0khIdSubelement(ByteView r0khId);  // 1..48 octets
FtSubelement makeGtkSubelement(const FtGtkSubelement& gtk);
FtSubelement makeIgtkSubelement(const FtIgtkSubelement& igtk);

// Timeout Interval types (Table 9-168).
namespace timeout {
inline constexpr std::uint8_t kReassociationDeadline = 1;  // TUs
inline constexpr std::uint8_t kKeyLifetime = 2;            // seconds
inline constexpr std::uint8_t kAssociationComeback = 3;    // TUs
}  // namespace timeout

struct TimeoutIntervalElement {
  std::uint8_t type = 0;
  std::uint32_t value = 0;
  bool operator==(const TimeoutIntervalElement&) const = default;
};

std::optional<TimeoutIntervalElement> parseTimeoutInterval(ByteView data);
Bytes buildTimeoutInterval(const TimeoutIntervalElement& tie);

}  // namespace rs::ieee80211
