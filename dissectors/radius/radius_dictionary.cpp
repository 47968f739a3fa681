// SPDX-License-Identifier: GPL-3.0-or-later
// The attribute dictionary: RFC 2865 5, RFC 2866 5, RFC 2869 5, RFC 3162,
// RFC 3579 3, RFC 5176 3.5 and the Microsoft attributes of RFC 2548 2.
#include "dissectors/radius/radius_dictionary.h"

#include <array>
#include <utility>

#include "dissectors/radius/radius.h"

namespace rs::radius {
namespace {

struct Entry {
  std::uint8_t type;
  AttributeInfo info;
};

constexpr Entry kStandard[] = {
    {attr::kUserName, {"User-Name", ValueKind::Text}},
    {attr::kUserPassword, {"User-Password", ValueKind::HiddenPassword}},
    {attr::kChapPassword, {"CHAP-Password", ValueKind::ChapPassword}},
    {attr::kNasIpAddress, {"NAS-IP-Address", ValueKind::Ipv4}},
    {attr::kNasPort, {"NAS-Port", ValueKind::Integer}},
    {attr::kServiceType, {"Service-Type", ValueKind::Integer}},
    {attr::kFramedProtocol, {"Framed-Protocol", ValueKind::Integer}},
    {attr::kFramedIpAddress, {"Framed-IP-Address", ValueKind::Ipv4}},
    {attr::kFramedIpNetmask, {"Framed-IP-Netmask", ValueKind::Ipv4}},
    {attr::kFilterId, {"Filter-Id", ValueKind::Text}},
    {attr::kFramedMtu, {"Framed-MTU", ValueKind::Integer}},
    {attr::kReplyMessage, {"Reply-Message", ValueKind::Text}},
    {attr::kState, {"State", ValueKind::Octets}},
    {attr::kClass, {"Class", ValueKind::Octets}},
    {attr::kVendorSpecific, {"Vendor-Specific", ValueKind::VendorSpecific}},
    {attr::kSessionTimeout, {"Session-Timeout", ValueKind::Integer}},
    {attr::kIdleTimeout, {"Idle-Timeout", ValueKind::Integer}},
    {attr::kTerminationAction, {"Termination-Action", ValueKind::Integer}},
    {attr::kCalledStationId, {"Called-Station-Id", ValueKind::Text}},
    {attr::kCallingStationId, {"Calling-Station-Id", ValueKind::Text}},
    {attr::kNasIdentifier, {"NAS-Identifier", ValueKind::Text}},
    {attr::kProxyState, {"Proxy-State", ValueKind::Octets}},
    {attr::kAcctStatusType, {"Acct-Status-Type", ValueKind::Integer}},
    {attr::kAcctDelayTime, {"Acct-Delay-Time", ValueKind::Integer}},
    {attr::kAcctInputOctets, {"Acct-Input-Octets", ValueKind::Integer}},
    {attr::kAcctOutputOctets, {"Acct-Output-Octets", ValueKind::Integer}},
    {attr::kAcctSessionId, {"Acct-Session-Id", ValueKind::Text}},
    {attr::kAcctAuthentic, {"Acct-Authentic", ValueKind::Integer}},
    {attr::kAcctSessionTime, {"Acct-Session-Time", ValueKind::Integer}},
    {attr::kAcctInputPackets, {"Acct-Input-Packets", ValueKind::Integer}},
    {attr::kAcctOutputPackets, {"Acct-Output-Packets", ValueKind::Integer}},
    {attr::kAcctTerminateCause, {"Acct-Terminate-Cause", ValueKind::Integer}},
    {attr::kAcctMultiSessionId, {"Acct-Multi-Session-Id", ValueKind::Text}},
    {attr::kAcctLinkCount, {"Acct-Link-Count", ValueKind::Integer}},
    {attr::kAcctInputGigawords, {"Acct-Input-Gigawords", ValueKind::Integer}},
    {attr::kAcctOutputGigawords, {"Acct-Output-Gigawords", ValueKind::Integer}},
    {attr::kEventTimestamp, {"Event-Timestamp", ValueKind::Time}},
    {attr::kChapChallenge, {"CHAP-Challenge", ValueKind::Octets}},
    {attr::kNasPortType, {"NAS-Port-Type", ValueKind::Integer}},
    {attr::kConnectInfo, {"Connect-Info", ValueKind::Text}},
    {attr::kEapMessage, {"EAP-Message", ValueKind::EapMessage}},
    {attr::kMessageAuthenticator, {"Message-Authenticator", ValueKind::Octets}},
    {attr::kNasPortId, {"NAS-Port-Id", ValueKind::Text}},
    {attr::kNasIpv6Address, {"NAS-IPv6-Address", ValueKind::Ipv6}},
    {attr::kErrorCause, {"Error-Cause", ValueKind::Integer}},
};

constexpr Entry kMicrosoft[] = {
    {ms::kChapResponse, {"MS-CHAP-Response", ValueKind::Octets}},
    {ms::kChapError, {"MS-CHAP-Error", ValueKind::Text}},
    {ms::kChapCpw1, {"MS-CHAP-CPW-1", ValueKind::Octets}},
    {ms::kChapCpw2, {"MS-CHAP-CPW-2", ValueKind::Octets}},
    {ms::kChapLmEncPw, {"MS-CHAP-LM-Enc-PW", ValueKind::Octets}},
    {ms::kChapNtEncPw, {"MS-CHAP-NT-Enc-PW", ValueKind::Octets}},
    {ms::kMppeEncryptionPolicy, {"MS-MPPE-Encryption-Policy", ValueKind::Integer}},
    {ms::kMppeEncryptionTypes, {"MS-MPPE-Encryption-Types", ValueKind::Integer}},
    {ms::kChapDomain, {"MS-CHAP-Domain", ValueKind::Text}},
    {ms::kChapChallenge, {"MS-CHAP-Challenge", ValueKind::Octets}},
    {ms::kChapMppeKeys, {"MS-CHAP-MPPE-Keys", ValueKind::Octets}},
    {ms::kMppeSendKey, {"MS-MPPE-Send-Key", ValueKind::SaltEncrypted}},
    {ms::kMppeRecvKey, {"MS-MPPE-Recv-Key", ValueKind::SaltEncrypted}},
    {ms::kChap2Response, {"MS-CHAP2-Response", ValueKind::Octets}},
    {ms::kChap2Success, {"MS-CHAP2-Success", ValueKind::Octets}},
    {ms::kChap2Cpw, {"MS-CHAP2-CPW", ValueKind::Octets}},
};

template <std::size_t N>
const AttributeInfo* lookup(const Entry (&table)[N], std::uint8_t type) {
  for (const auto& e : table)
    if (e.type == type) return &e.info;
  return nullptr;
}

struct NamedValue {
  std::uint32_t vendor;
  std::uint8_t type;
  std::uint32_t value;
  std::string_view name;
};

// Enumerated values (RFC 2865 5.6, 5.7, 5.29, 5.41; RFC 2866 5.1, 5.6, 5.10;
// RFC 5176 3.5; RFC 2548 2.4.4, 2.4.5).
constexpr NamedValue kValues[] = {
    {0, attr::kServiceType, 1, "Login"}, {0, attr::kServiceType, 2, "Framed"},
    {0, attr::kServiceType, 3, "Callback-Login"}, {0, attr::kServiceType, 4, "Callback-Framed"},
    {0, attr::kServiceType, 5, "Outbound"}, {0, attr::kServiceType, 6, "Administrative"},
    {0, attr::kServiceType, 7, "NAS-Prompt"}, {0, attr::kServiceType, 8, "Authenticate-Only"},
    {0, attr::kServiceType, 9, "Callback-NAS-Prompt"}, {0, attr::kServiceType, 10, "Call-Check"},
    {0, attr::kServiceType, 11, "Callback-Administrative"},
    {0, attr::kFramedProtocol, 1, "PPP"}, {0, attr::kFramedProtocol, 2, "SLIP"},
    {0, attr::kFramedProtocol, 3, "ARAP"}, {0, attr::kFramedProtocol, 4, "Gandalf-SLML"},
    {0, attr::kFramedProtocol, 5, "Xylogics-IPX-SLIP"}, {0, attr::kFramedProtocol, 6, "X.75-Synchronous"},
    {0, attr::kTerminationAction, 0, "Default"}, {0, attr::kTerminationAction, 1, "RADIUS-Request"},
    {0, attr::kAcctStatusType, 1, "Start"}, {0, attr::kAcctStatusType, 2, "Stop"},
    {0, attr::kAcctStatusType, 3, "Interim-Update"}, {0, attr::kAcctStatusType, 7, "Accounting-On"},
    {0, attr::kAcctStatusType, 8, "Accounting-Off"},
    {0, attr::kAcctAuthentic, 1, "RADIUS"}, {0, attr::kAcctAuthentic, 2, "Local"},
    {0, attr::kAcctAuthentic, 3, "Remote"},
    {0, attr::kAcctTerminateCause, 1, "User-Request"}, {0, attr::kAcctTerminateCause, 2, "Lost-Carrier"},
    {0, attr::kAcctTerminateCause, 3, "Lost-Service"}, {0, attr::kAcctTerminateCause, 4, "Idle-Timeout"},
    {0, attr::kAcctTerminateCause, 5, "Session-Timeout"}, {0, attr::kAcctTerminateCause, 6, "Admin-Reset"},
    {0, attr::kAcctTerminateCause, 7, "Admin-Reboot"}, {0, attr::kAcctTerminateCause, 8, "Port-Error"},
    {0, attr::kAcctTerminateCause, 9, "NAS-Error"}, {0, attr::kAcctTerminateCause, 10, "NAS-Request"},
    {0, attr::kAcctTerminateCause, 11, "NAS-Reboot"}, {0, attr::kAcctTerminateCause, 12, "Port-Unneeded"},
    {0, attr::kAcctTerminateCause, 13, "Port-Preempted"}, {0, attr::kAcctTerminateCause, 14, "Port-Suspended"},
    {0, attr::kAcctTerminateCause, 15, "Service-Unavailable"}, {0, attr::kAcctTerminateCause, 16, "Callback"},
    {0, attr::kAcctTerminateCause, 17, "User-Error"}, {0, attr::kAcctTerminateCause, 18, "Host-Request"},
    {0, attr::kNasPortType, 0, "Async"}, {0, attr::kNasPortType, 1, "Sync"}, {0, attr::kNasPortType, 2, "ISDN"},
    {0, attr::kNasPortType, 3, "ISDN-V120"}, {0, attr::kNasPortType, 4, "ISDN-V110"},
    {0, attr::kNasPortType, 5, "Virtual"}, {0, attr::kNasPortType, 6, "PIAFS"},
    {0, attr::kNasPortType, 7, "HDLC-Clear-Channel"}, {0, attr::kNasPortType, 8, "X.25"},
    {0, attr::kNasPortType, 9, "X.75"}, {0, attr::kNasPortType, 10, "G.3-Fax"}, {0, attr::kNasPortType, 11, "SDSL"},
    {0, attr::kNasPortType, 12, "ADSL-CAP"}, {0, attr::kNasPortType, 13, "ADSL-DMT"},
    {0, attr::kNasPortType, 14, "IDSL"}, {0, attr::kNasPortType, 15, "Ethernet"}, {0, attr::kNasPortType, 16, "xDSL"},
    {0, attr::kNasPortType, 17, "Cable"}, {0, attr::kNasPortType, 18, "Wireless-Other"},
    {0, attr::kNasPortType, 19, "Wireless-802.11"},
    {0, attr::kErrorCause, 201, "Residual-Session-Context-Removed"}, {0, attr::kErrorCause, 202, "Invalid-EAP-Packet"},
    {0, attr::kErrorCause, 401, "Unsupported-Attribute"}, {0, attr::kErrorCause, 402, "Missing-Attribute"},
    {0, attr::kErrorCause, 403, "NAS-Identification-Mismatch"}, {0, attr::kErrorCause, 404, "Invalid-Request"},
    {0, attr::kErrorCause, 405, "Unsupported-Service"}, {0, attr::kErrorCause, 406, "Unsupported-Extension"},
    {0, attr::kErrorCause, 407, "Invalid-Attribute-Value"}, {0, attr::kErrorCause, 501, "Administratively-Prohibited"},
    {0, attr::kErrorCause, 502, "Request-Not-Routable"}, {0, attr::kErrorCause, 503, "Session-Context-Not-Found"},
    {0, attr::kErrorCause, 504, "Session-Context-Not-Removable"},
    {0, attr::kErrorCause, 505, "Other-Proxy-Processing-Error"}, {0, attr::kErrorCause, 506, "Resources-Unavailable"},
    {0, attr::kErrorCause, 507, "Request-Initiated"}, {0, attr::kErrorCause, 508, "Multiple-Session-Selection-Unsupported"},
    {kVendorMicrosoft, ms::kMppeEncryptionPolicy, 1, "Encryption-Allowed"},
    {kVendorMicrosoft, ms::kMppeEncryptionPolicy, 2, "Encryption-Required"},
    {kVendorMicrosoft, ms::kMppeEncryptionTypes, 1, "RC4-40"},
    {kVendorMicrosoft, ms::kMppeEncryptionTypes, 2, "RC4-128"},
    {kVendorMicrosoft, ms::kMppeEncryptionTypes, 4, "RC4-56"},
    {kVendorMicrosoft, ms::kMppeEncryptionTypes, 6, "RC4-40-128"},
};

}  // namespace

const AttributeInfo* attributeInfo(std::uint8_t type) { return lookup(kStandard, type); }
const AttributeInfo* microsoftAttributeInfo(std::uint8_t vendorType) { return lookup(kMicrosoft, vendorType); }

std::string fieldName(std::string_view attributeName) {
  // Wireshark registers Framed-IP-Address under its own hand-written field,
  // keeping the dashes; filters written for Wireshark use that name.
  if (attributeName == "Framed-IP-Address") return "radius.Framed-IP-Address";
  std::string out = "radius.";
  for (char c : attributeName) out.push_back(c == '-' ? '_' : c);
  return out;
}

std::string_view valueName(std::uint32_t vendor, std::uint8_t type, std::uint32_t value) {
  for (const auto& v : kValues)
    if (v.vendor == vendor && v.type == type && v.value == value) return v.name;
  return {};
}

std::string_view vendorName(std::uint32_t vendorId) {
  switch (vendorId) {
    case 9: return "ciscoSystems";
    case 311: return "Microsoft";
    case 14122: return "WISPr";
    case 14823: return "Aruba";
    case 25053: return "Ruckus";
    case 32473: return "Example Enterprise Number for Documentation Use";
    default: return {};
  }
}

std::string_view codeName(std::uint8_t c) {
  switch (c) {
    case code::kAccessRequest: return "Access-Request";
    case code::kAccessAccept: return "Access-Accept";
    case code::kAccessReject: return "Access-Reject";
    case code::kAccountingRequest: return "Accounting-Request";
    case code::kAccountingResponse: return "Accounting-Response";
    case code::kAccessChallenge: return "Access-Challenge";
    case code::kStatusServer: return "Status-Server";
    case code::kStatusClient: return "Status-Client";
    case code::kDisconnectRequest: return "Disconnect-Request";
    case code::kDisconnectAck: return "Disconnect-ACK";
    case code::kDisconnectNak: return "Disconnect-NAK";
    case code::kCoaRequest: return "CoA-Request";
    case code::kCoaAck: return "CoA-ACK";
    case code::kCoaNak: return "CoA-NAK";
    default: return {};
  }
}

std::string_view attributeName(std::uint8_t type) {
  const AttributeInfo* i = attributeInfo(type);
  return i ? i->name : std::string_view{};
}

std::string_view microsoftAttributeName(std::uint8_t type) {
  const AttributeInfo* i = microsoftAttributeInfo(type);
  return i ? i->name : std::string_view{};
}

}  // namespace rs::radius
