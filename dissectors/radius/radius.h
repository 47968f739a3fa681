// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RADIUS packets (RFC 2865 3, RFC 2866 3, RFC 5176 2.3): the header, the
// attribute list (RFC 2865 5), Vendor-Specific attributes in the recommended
// vendor-type/vendor-length layout (RFC 2865 5.26) with the Microsoft
// attributes of RFC 2548, and EAP-Message reassembly (RFC 3579 3.1).
// Parse is bounds-checked and never throws; build makes packets for the
// emulator (Access-Request/-Accept/-Reject/-Challenge, accounting, CoA).
// The cryptographic fields (authenticators, hidden passwords, MPPE keys) are
// computed by core/crypto/radius_crypto.h.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::radius {

inline constexpr std::size_t kHeaderLength = 20;         // code, identifier, length, authenticator
inline constexpr std::size_t kAuthenticatorLength = 16;
inline constexpr std::size_t kAuthenticatorOffset = 4;
inline constexpr std::size_t kMinPacketLength = 20;      // RFC 2865 3
inline constexpr std::size_t kMaxPacketLength = 4096;    // RFC 2865 3
inline constexpr std::size_t kMaxAttributeValue = 253;   // 255 - type - length
inline constexpr std::uint32_t kVendorMicrosoft = 311;   // RFC 2548 2

// Well-known server ports: RFC 2865 3 / RFC 2866 3 and the pre-standard ones,
// RFC 5176 3 (Dynamic Authorization).
inline constexpr std::uint16_t kAuthPort = 1812;
inline constexpr std::uint16_t kAcctPort = 1813;
inline constexpr std::uint16_t kLegacyAuthPort = 1645;
inline constexpr std::uint16_t kLegacyAcctPort = 1646;
inline constexpr std::uint16_t kDynamicAuthPort = 3799;

// Packet codes (RFC 2865 3, RFC 2866 4, RFC 5997 Status-Server, RFC 5176 Disconnect/CoA).
namespace code {
inline constexpr std::uint8_t kAccessRequest = 1;
inline constexpr std::uint8_t kAccessAccept = 2;
inline constexpr std::uint8_t kAccessReject = 3;
inline constexpr std::uint8_t kAccountingRequest = 4;
inline constexpr std::uint8_t kAccountingResponse = 5;
inline constexpr std::uint8_t kAccessChallenge = 11;
inline constexpr std::uint8_t kStatusServer = 12;
inline constexpr std::uint8_t kStatusClient = 13;
inline constexpr std::uint8_t kDisconnectRequest = 40;
inline constexpr std::uint8_t kDisconnectAck = 41;
inline constexpr std::uint8_t kDisconnectNak = 42;
inline constexpr std::uint8_t kCoaRequest = 43;
inline constexpr std::uint8_t kCoaAck = 44;
inline constexpr std::uint8_t kCoaNak = 45;
}  // namespace code

// Attribute types (RFC 2865 5, RFC 2866 5, RFC 2869 5, RFC 3579 3, RFC 5176 3.5).
namespace attr {
inline constexpr std::uint8_t kUserName = 1;
inline constexpr std::uint8_t kUserPassword = 2;
inline constexpr std::uint8_t kChapPassword = 3;
inline constexpr std::uint8_t kNasIpAddress = 4;
inline constexpr std::uint8_t kNasPort = 5;
inline constexpr std::uint8_t kServiceType = 6;
inline constexpr std::uint8_t kFramedProtocol = 7;
inline constexpr std::uint8_t kFramedIpAddress = 8;
inline constexpr std::uint8_t kFramedIpNetmask = 9;
inline constexpr std::uint8_t kFilterId = 11;
inline constexpr std::uint8_t kFramedMtu = 12;
inline constexpr std::uint8_t kReplyMessage = 18;
inline constexpr std::uint8_t kState = 24;
inline constexpr std::uint8_t kClass = 25;
inline constexpr std::uint8_t kVendorSpecific = 26;
inline constexpr std::uint8_t kSessionTimeout = 27;
inline constexpr std::uint8_t kIdleTimeout = 28;
inline constexpr std::uint8_t kTerminationAction = 29;
inline constexpr std::uint8_t kCalledStationId = 30;
inline constexpr std::uint8_t kCallingStationId = 31;
inline constexpr std::uint8_t kNasIdentifier = 32;
inline constexpr std::uint8_t kProxyState = 33;
inline constexpr std::uint8_t kAcctStatusType = 40;
inline constexpr std::uint8_t kAcctDelayTime = 41;
inline constexpr std::uint8_t kAcctInputOctets = 42;
inline constexpr std::uint8_t kAcctOutputOctets = 43;
inline constexpr std::uint8_t kAcctSessionId = 44;
inline constexpr std::uint8_t kAcctAuthentic = 45;
inline constexpr std::uint8_t kAcctSessionTime = 46;
inline constexpr std::uint8_t kAcctInputPackets = 47;
inline constexpr std::uint8_t kAcctOutputPackets = 48;
inline constexpr std::uint8_t kAcctTerminateCause = 49;
inline constexpr std::uint8_t kAcctMultiSessionId = 50;
inline constexpr std::uint8_t kAcctLinkCount = 51;
inline constexpr std::uint8_t kAcctInputGigawords = 52;
inline constexpr std::uint8_t kAcctOutputGigawords = 53;
inline constexpr std::uint8_t kEventTimestamp = 55;
inline constexpr std::uint8_t kChapChallenge = 60;
inline constexpr std::uint8_t kNasPortType = 61;
inline constexpr std::uint8_t kConnectInfo = 77;
inline constexpr std::uint8_t kEapMessage = 79;
inline constexpr std::uint8_t kMessageAuthenticator = 80;
inline constexpr std::uint8_t kNasPortId = 87;
inline constexpr std::uint8_t kNasIpv6Address = 95;
inline constexpr std::uint8_t kErrorCause = 101;
}  // namespace attr

// Microsoft vendor types (RFC 2548 2).
namespace ms {
inline constexpr std::uint8_t kChapResponse = 1;
inline constexpr std::uint8_t kChapError = 2;
inline constexpr std::uint8_t kChapCpw1 = 3;
inline constexpr std::uint8_t kChapCpw2 = 4;
inline constexpr std::uint8_t kChapLmEncPw = 5;
inline constexpr std::uint8_t kChapNtEncPw = 6;
inline constexpr std::uint8_t kMppeEncryptionPolicy = 7;
inline constexpr std::uint8_t kMppeEncryptionTypes = 8;
inline constexpr std::uint8_t kChapDomain = 10;
inline constexpr std::uint8_t kChapChallenge = 11;
inline constexpr std::uint8_t kChapMppeKeys = 12;
inline constexpr std::uint8_t kMppeSendKey = 16;
inline constexpr std::uint8_t kMppeRecvKey = 17;
inline constexpr std::uint8_t kChap2Response = 25;
inline constexpr std::uint8_t kChap2Success = 26;
inline constexpr std::uint8_t kChap2Cpw = 27;
}  // namespace ms

// One sub-attribute of a Vendor-Specific attribute.
struct VendorAttribute {
  std::uint8_t type = 0;
  std::uint8_t length = 0;   // as announced, including type and length
  ByteView value;
  std::size_t offset = 0;    // of the vendor-type octet, relative to the packet start
};

// The value of a Vendor-Specific attribute (RFC 2865 5.26).
struct VendorSpecific {
  std::uint32_t vendorId = 0;
  ByteView data;                            // after the vendor id
  std::vector<VendorAttribute> attributes;  // when `data` follows the recommended layout
  bool wellFormed = false;                  // every sub-attribute fitted exactly
};

struct Attribute {
  std::uint8_t type = 0;
  std::uint8_t length = 0;   // as announced, including type and length
  ByteView value;
  std::size_t offset = 0;    // of the type octet, relative to the packet start
};

struct Packet {
  std::uint8_t code = 0;
  std::uint8_t identifier = 0;
  std::uint16_t length = 0;          // as announced
  ByteView authenticator;            // 16 bytes
  ByteView packet;                   // min(length, available) bytes
  std::vector<Attribute> attributes; // those that fitted
  bool truncated = false;            // the announced length runs past the data
  // The first attribute that broke a rule (length < 2, runs past the packet).
  std::optional<std::size_t> malformedAt;  // relative to the packet start
  std::string malformedReason;

  const Attribute* find(std::uint8_t type) const;
  std::vector<const Attribute*> findAll(std::uint8_t type) const;
  // The value of the first attribute of `type` as text (User-Name, Calling-Station-Id, ...).
  std::optional<std::string> text(std::uint8_t type) const;
  // The EAP packet: every EAP-Message value concatenated in order (RFC 3579 3.1); empty if none.
  Bytes eapMessage() const;
  // The first sub-attribute `vendorType` of a Vendor-Specific attribute of `vendorId`.
  std::optional<VendorAttribute> vendorAttribute(std::uint32_t vendorId, std::uint8_t vendorType) const;
  // Offset (relative to the packet start) of the Message-Authenticator value, if present and 16 bytes.
  std::optional<std::size_t> messageAuthenticatorOffset() const;
};

// nullopt when fewer than 20 bytes are available or the length field is below 20.
// A length beyond the data sets `truncated` and parses what is there; data
// after `length` (UDP padding) is ignored (RFC 2865 3).
std::optional<Packet> parsePacket(ByteView data);
// nullopt when the value is shorter than the 4-byte vendor id.
std::optional<VendorSpecific> parseVendorSpecific(ByteView value, std::size_t valueOffset = 0);

bool isRequestCode(std::uint8_t code);  // Access-/Accounting-/Disconnect-/CoA-Request, Status-Server/-Client
bool isResponseCode(std::uint8_t code);

// Builds a packet; the authenticator field is set as given (a random Request
// Authenticator, or zeros to be filled in by radius_crypto's signing functions).
class PacketBuilder {
 public:
  PacketBuilder(std::uint8_t code, std::uint8_t identifier, ByteView authenticator);

  PacketBuilder& add(std::uint8_t type, ByteView value);
  PacketBuilder& addText(std::uint8_t type, std::string_view text);
  PacketBuilder& addU32(std::uint8_t type, std::uint32_t value);
  PacketBuilder& addIpv4(std::uint8_t type, std::uint32_t address);
  PacketBuilder& addVendor(std::uint32_t vendorId, std::uint8_t vendorType, ByteView value);
  PacketBuilder& addMicrosoft(std::uint8_t vendorType, ByteView value) {
    return addVendor(kVendorMicrosoft, vendorType, value);
  }
  PacketBuilder& addMicrosoftU32(std::uint8_t vendorType, std::uint32_t value);
  // An EAP packet split into EAP-Message attributes of at most 253 octets (RFC 3579 3.1).
  PacketBuilder& addEapMessage(ByteView eap);
  // A Message-Authenticator of 16 zero octets, to be signed once the packet is complete
  // (radius_crypto: signMessageAuthenticator).
  PacketBuilder& addMessageAuthenticator();

  // The packet; nullopt with `error` when a value exceeded 253 octets, the
  // authenticator was not 16 octets or the packet exceeds 4096 octets.
  std::optional<Bytes> build(std::string* error = nullptr) const;

 private:
  std::uint8_t code_;
  std::uint8_t identifier_;
  Bytes authenticator_;
  Bytes attributes_;
  std::string error_;
};

// Names as Wireshark shows them.
std::string_view codeName(std::uint8_t code);               // "Access-Request"; empty if unknown
std::string_view attributeName(std::uint8_t type);          // "User-Name"; empty if unknown
std::string_view microsoftAttributeName(std::uint8_t type); // "MS-MPPE-Send-Key"; empty if unknown

// A MAC address in a Calling-/Called-Station-Id ("02-00-00-00-00-01",
// "02:00:00:00:00:01", "020000000001", optionally followed by ":SSID"), as 6 bytes.
std::optional<Bytes> stationIdMac(std::string_view stationId);

}  // namespace rs::radius
