// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Seed-000 fast re-association messages (docs/protocols/seed-000.md): three
// IEEE 802.11 vendor-specific Action frames (category 127, 9.6.x) under the
// locally administered OUI 02-52-53, and the vendor element that advertises
// the capability in Beacons and (Re)Association frames. Typed views parsed from
// untrusted bytes (ByteView members point into the parsed buffer) and builders
// (ByteView members point into the caller's buffers).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dissectors/common/bytes.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs::seed000 {

// Locally administered (U/L bit of the first octet set), so it can never clash
// with an IEEE-assigned OUI or CID; see the document for the rule.
inline constexpr std::array<std::uint8_t, 3> kOui{0x02, 0x52, 0x53};
inline constexpr std::uint32_t kOuiValue = 0x025253;
// Octet after the OUI: the seed number, so other RoamScope formats can share the OUI.
inline constexpr std::uint8_t kOuiType = 0x00;
inline constexpr std::uint8_t kVendorSpecificCategory = 127;  // IEEE 802.11-2016 Table 9-47
inline constexpr std::uint8_t kVendorElementId = 221;         // IEEE 802.11-2016 9.4.2.26

inline constexpr std::size_t kRandomBytes = 32;
inline constexpr std::size_t kPtkIdBytes = 16;
inline constexpr std::size_t kMicBytes = 16;
inline constexpr std::size_t kSuiteBytes = 4;

enum class MessageType : std::uint8_t {
  AuthenticatePtkRequest = 1,   // STA -> target AP: SRandom, PTKID, MIC
  AuthenticatePtkResponse = 2,  // AP -> STA: ARandom, SRandom, PTKID, GTKID, wrapped GTK, MIC
  GroupKeyConfirm = 3,          // STA -> AP: ARandom, MIC
};
std::string_view messageTypeName(std::uint8_t type);

// An RSN suite selector (IEEE 802.11-2016 9.4.2.25.2): OUI then suite type.
struct SuiteSelector {
  std::array<std::uint8_t, 3> oui{0x00, 0x0f, 0xac};
  std::uint8_t type = 0;
  std::uint32_t value() const { return (std::uint32_t{oui[0]} << 24) | (oui[1] << 16) | (oui[2] << 8) | type; }
  bool operator==(const SuiteSelector&) const = default;
};

// The negotiated security-association type (seed claim 10): the suites the PTKSA was made for.
struct SaType {
  SuiteSelector groupCipher{{0x00, 0x0f, 0xac}, 4};     // CCMP-128
  SuiteSelector pairwiseCipher{{0x00, 0x0f, 0xac}, 4};  // CCMP-128
  SuiteSelector akm{{0x00, 0x0f, 0xac}, 1};             // IEEE 802.1X (PMK from EAP or the PMK cache)
  bool operator==(const SaType&) const = default;
};

struct Message {
  MessageType type = MessageType::AuthenticatePtkRequest;
  SaType saType;          // messages 1 and 2
  ByteView aRandom;       // messages 2 and 3 (32 octets)
  ByteView sRandom;       // messages 1 and 2 (32 octets)
  ByteView ptkId;         // messages 1 and 2 (16 octets)
  std::uint8_t gtkId = 0; // message 2: the GTK's key ID, bits 0-1
  ByteView wrappedGtk;    // message 2: AES key wrap of the GTK with the KEK
  ByteView mic;           // all messages (16 octets); empty when building = zeros
};

// Parse outcome: `message` holds every field read before `error` (if any).
struct ParsedMessage {
  Message message;
  bool ok = false;
  std::string error;           // empty when ok
  std::size_t errorOffset = 0; // absolute (base + position in the body)
};

// True when `actionBody` (starting at the Category octet) is category 127 with
// the seed-000 OUI and OUI type.
bool isSeed000ActionBody(ByteView actionBody);

// Parses an action body starting at the Category octet; `base` is its offset in
// the frame, used for errorOffset.
ParsedMessage parseActionBody(ByteView actionBody, std::size_t base = 0);

// Action body (Category .. MIC). Field sizes are checked: nullopt when a random,
// PTKID or MIC has the wrong length or the wrapped GTK exceeds 255 octets.
std::optional<Bytes> buildActionBody(const Message& message);
// A whole management Action frame: `header` with its type/subtype set to Action.
std::optional<Bytes> buildActionFrame(ieee80211::MacHeader header, const Message& message);
// Writes `mic` over the last 16 octets of a built body or frame (the MIC is always
// last); false when the sizes do not fit.
bool setMic(Bytes& bodyOrFrame, ByteView mic);

// The capability element (Element ID 221): OUI, OUI type 0x00, capability octet.
namespace capability {
inline constexpr std::uint8_t kFastReassociation = 0x01;  // accepts the three-message re-association
inline constexpr std::uint8_t kPmkCache = 0x02;           // keeps a PMK cache (seed claim 9)
inline constexpr std::uint8_t kPreauthentication = 0x04;  // relays pre-authentication (EtherType 0x88C7)
}  // namespace capability
Bytes buildCapabilityElement(std::uint8_t capabilities);
// The capability octet of a seed-000 vendor element (whole element: ID, length,
// information); nullopt when it is another vendor's or too short.
std::optional<std::uint8_t> parseCapabilityElement(ByteView element);

}  // namespace rs::seed000
