// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mobile IPv4 registration messages (RFC 3344 3.3, 3.4) on UDP 434 and their
// extensions: the short Type-Length-Data form (RFC 3344 1.9), the
// authentication extensions (3.5.2-3.5.4), NAI (RFC 2794), MN-FA challenge and
// Generalized MN-AAA authentication (RFC 3012), and the vendor extensions
// CVSE / NVSE (RFC 3115). Parse is bounds-checked and never throws: a view
// keeps every extension that fitted and says where the first broken one
// starts. Builders are in mip_build.h; the authenticators in
// core/crypto/mip_auth.h; the seed-001 vendor extensions in seed001_extensions.h.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::mip {

inline constexpr std::uint16_t kUdpPort = 434;  // RFC 3344 3.1

inline constexpr std::size_t kRequestHeaderLength = 24;  // type .. identification
inline constexpr std::size_t kReplyHeaderLength = 20;
inline constexpr std::size_t kIdentificationLength = 8;
inline constexpr std::size_t kSpiLength = 4;
inline constexpr std::size_t kDefaultAuthenticatorLength = 16;  // HMAC-MD5 (RFC 3344 3.5.1)

// Message types (IANA "Mobile IPv4 numbers", RFC 3344 3.3/3.4).
namespace msg {
inline constexpr std::uint8_t kRegistrationRequest = 1;
inline constexpr std::uint8_t kRegistrationReply = 3;
}  // namespace msg

// Registration Request flags (RFC 3344 3.3), most significant bit first.
namespace flag {
inline constexpr std::uint8_t kSimultaneousBindings = 0x80;  // S
inline constexpr std::uint8_t kBroadcast = 0x40;             // B
inline constexpr std::uint8_t kDecapsulationByMn = 0x20;     // D: co-located care-of address
inline constexpr std::uint8_t kMinimalEncapsulation = 0x10;  // M
inline constexpr std::uint8_t kGre = 0x08;                   // G
inline constexpr std::uint8_t kVanJacobson = 0x04;           // r in RFC 3344 (was V)
inline constexpr std::uint8_t kReverseTunnel = 0x02;         // T (RFC 3024)
inline constexpr std::uint8_t kReserved = 0x01;              // x
}  // namespace flag

// Extension types (RFC 3344 1.9 / 3.5, RFC 2794, RFC 3012, RFC 3115).
namespace ext {
inline constexpr std::uint8_t kMobileHomeAuth = 32;      // MHAE
inline constexpr std::uint8_t kMobileForeignAuth = 33;   // MFAE
inline constexpr std::uint8_t kForeignHomeAuth = 34;     // FHAE
inline constexpr std::uint8_t kGeneralizedAuth = 36;     // RFC 3012 (subtype 1: MN-AAA)
inline constexpr std::uint8_t kCvse = 38;                // Critical Vendor/Organization Specific
inline constexpr std::uint8_t kNai = 131;                // Mobile Node NAI (RFC 2794)
inline constexpr std::uint8_t kMnFaChallenge = 132;      // RFC 3012
inline constexpr std::uint8_t kNvse = 134;               // Normal Vendor/Organization Specific
}  // namespace ext

inline constexpr std::uint8_t kGeneralizedAuthMnAaa = 1;  // RFC 3012 6, subtype 1

// How an extension lays out its header (RFC 3344 1.9, RFC 3012 5, RFC 3115 2).
enum class ExtensionLayout : std::uint8_t {
  Short,        // type(1) length(1) data; length counts the data
  Generalized,  // type(1) subtype(1) length(2) data; length counts the data
  Cvse,         // type(1) reserved(1) length(2) data; length counts the data
};
ExtensionLayout extensionLayout(std::uint8_t type);
std::size_t extensionHeaderLength(ExtensionLayout layout);  // 2 or 4

struct Extension {
  std::uint8_t type = 0;
  std::uint8_t subtypeOrReserved = 0;  // Generalized: subtype; CVSE: reserved octet; Short: 0
  std::uint16_t length = 0;            // as announced: octets after the header
  ExtensionLayout layout = ExtensionLayout::Short;
  ByteView data;                       // `length` octets after the header
  std::size_t offset = 0;              // of the type octet, relative to the message start
  std::size_t headerLength() const { return extensionHeaderLength(layout); }
  std::size_t totalLength() const { return headerLength() + data.size(); }
};

// An authentication extension's fields (MHAE, MFAE, FHAE, generalized):
// SPI then authenticator. nullopt when the data is shorter than the SPI.
struct AuthenticationData {
  std::uint32_t spi = 0;
  ByteView authenticator;
  std::size_t authenticatorOffset = 0;  // relative to the message start
};
std::optional<AuthenticationData> authenticationData(const Extension& e);
bool isAuthenticationExtension(std::uint8_t type);  // 32, 33, 34, 36

// A vendor extension's fields (RFC 3115 2 / 3): CVSE and NVSE.
struct VendorData {
  std::uint32_t vendorId = 0;
  std::uint16_t vendorType = 0;
  ByteView value;
  std::size_t valueOffset = 0;  // relative to the message start
};
// CVSE: vendor id(4) type(2) value; NVSE: reserved(2) vendor id(4) type(2) value.
// nullopt when the data is too short or the extension is neither.
std::optional<VendorData> vendorData(const Extension& e);

struct Message {
  std::uint8_t type = 0;
  std::uint8_t flagsOrCode = 0;  // request: flags; reply: code
  std::uint16_t lifetime = 0;
  std::uint32_t homeAddress = 0;
  std::uint32_t homeAgent = 0;
  std::uint32_t careOfAddress = 0;   // request only
  std::uint64_t identification = 0;  // 64 bits, NTP format for timestamps (RFC 3344 5.7)
  ByteView message;                  // the whole UDP payload
  std::size_t headerLength = 0;      // 24 or 20
  std::vector<Extension> extensions; // those that fitted
  std::optional<std::size_t> malformedAt;  // relative to the message start
  std::string malformedReason;

  bool isRequest() const { return type == msg::kRegistrationRequest; }
  const Extension* find(std::uint8_t extensionType) const;
  // The first CVSE/NVSE of `vendorId` and `vendorType`.
  std::optional<VendorData> vendorExtension(std::uint8_t extensionType, std::uint32_t vendorId,
                                            std::uint16_t vendorType) const;
  // The NAI (RFC 2794), if present.
  std::optional<std::string> nai() const;
};

// nullopt when the data is not a registration request/reply or is shorter than
// its fixed header. Extensions are walked to the end of the data; the first one
// that does not fit sets malformedAt and ends the walk.
std::optional<Message> parseMessage(ByteView data);
// Only the extensions of `data` (from the first extension octet); `base` is the
// offset added to every offset reported.
void parseExtensions(ByteView data, std::size_t base, std::vector<Extension>& out,
                     std::optional<std::size_t>& malformedAt, std::string& malformedReason);

// Names as Wireshark shows them.
std::string_view messageTypeName(std::uint8_t type);     // "Registration Request"; empty if unknown
std::string_view extensionTypeName(std::uint8_t type);   // "Mobile-Home Authentication Extension"; empty if unknown
std::string_view replyCodeName(std::uint8_t code);       // "Reg Accepted"; empty if unknown
std::string_view generalizedAuthSubtypeName(std::uint8_t subtype);

}  // namespace rs::mip
