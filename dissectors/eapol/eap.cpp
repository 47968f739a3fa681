// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/eapol/eap.h"

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::eapol {

std::string_view eapCodeName(std::uint8_t code) {
  switch (code) {
    case 1: return "Request";
    case 2: return "Response";
    case 3: return "Success";
    case 4: return "Failure";
    case 5: return "Initiate";
    case 6: return "Finish";
    default: return "Unknown";
  }
}

std::string_view eapTypeName(std::uint8_t type) {
  switch (type) {
    case 1: return "Identity";
    case 2: return "Notification";
    case 3: return "Legacy Nak (Response Only)";
    case 4: return "MD5-Challenge EAP (EAP-MD5-CHALLENGE)";
    case 5: return "One-Time Password EAP (EAP-OTP)";
    case 6: return "Generic Token Card EAP (EAP-GTC)";
    case 13: return "TLS EAP (EAP-TLS)";
    case 17: return "Cisco Wireless EAP / Lightweight EAP (EAP-LEAP)";
    case 18: return "GSM Subscriber Identity Modules EAP (EAP-SIM)";
    case 21: return "Tunneled TLS EAP (EAP-TTLS)";
    case 23: return "UMTS Authentication and Key Agreement EAP (EAP-AKA)";
    case 25: return "Protected EAP (EAP-PEAP)";
    case 26: return "MS-Authentication EAP (EAP-MS-AUTH)";
    case 29: return "MS-CHAP-v2 EAP (EAP-MS-CHAP-V2)";
    case 43: return "Flexible Authentication via Secure Tunneling EAP (EAP-FAST)";
    case 47: return "Pre-Shared Key EAP (EAP-PSK)";
    case 49: return "Internet Key Exchange v2 EAP (EAP-IKEv2)";
    case 50: return "UMTS Authentication and Key Agreement' EAP (EAP-AKA')";
    case 52: return "Password EAP (EAP-pwd)";
    case 55: return "Tunneled EAP protocol";
    case 254: return "Expanded Type";
    case 255: return "Experimental";
    default: return {};
  }
}

bool isTlsBasedType(std::uint8_t type) {
  return type == eaptype::kTls || tlsTypeHasVersion(type);
}

bool tlsTypeHasVersion(std::uint8_t type) {
  return type == eaptype::kTtls || type == eaptype::kPeap || type == eaptype::kFast || type == eaptype::kTeap;
}

std::optional<EapPacket> parseEap(ByteView data) {
  ByteReader r(data);
  EapPacket p;
  p.code = r.u8();
  p.identifier = r.u8();
  p.length = r.u16be();
  if (r.failed() || p.length < 4 || p.length > data.size()) return std::nullopt;
  p.packet = data.first(p.length);
  if (!(p.isRequest() || p.isResponse())) return p;
  ByteReader body(p.packet.subspan(4), 4);
  p.type = body.u8();
  if (body.failed()) return std::nullopt;
  if (*p.type == eaptype::kExpanded) {
    p.vendorId = body.u24be();
    p.vendorType = body.u32be();
    if (body.failed()) return std::nullopt;
  }
  p.typeData = body.rest();
  if (isTlsBasedType(*p.type)) {
    ByteReader t(p.typeData);
    EapTlsData tls;
    tls.flags = t.u8();
    if (tls.lengthIncluded()) tls.messageLength = t.u32be();
    if (t.failed()) return std::nullopt;
    tls.fragment = t.rest();
    p.tls = tls;
  }
  return p;
}

Bytes buildEap(EapCode code, std::uint8_t identifier, std::optional<std::uint8_t> type, ByteView typeData) {
  ByteWriter w;
  const std::size_t length = 4 + (type ? 1 + typeData.size() : 0);
  w.u8(static_cast<std::uint8_t>(code)).u8(identifier).u16be(static_cast<std::uint16_t>(length));
  if (type) w.u8(*type).bytes(typeData);
  return w.take();
}

Bytes buildEapIdentity(EapCode code, std::uint8_t identifier, std::string_view identity) {
  return buildEap(code, identifier, eaptype::kIdentity, asView(identity));
}

Bytes buildEapSuccess(std::uint8_t identifier) { return buildEap(EapCode::Success, identifier, std::nullopt, {}); }
Bytes buildEapFailure(std::uint8_t identifier) { return buildEap(EapCode::Failure, identifier, std::nullopt, {}); }

Bytes buildEapTls(EapCode code, std::uint8_t identifier, std::uint8_t type, std::uint8_t flags,
                  std::optional<std::uint32_t> messageLength, ByteView fragment) {
  ByteWriter data;
  flags = static_cast<std::uint8_t>(messageLength ? (flags | tlsflag::kLengthIncluded)
                                                  : (flags & ~tlsflag::kLengthIncluded));
  data.u8(flags);
  if (messageLength) data.u32be(*messageLength);
  data.bytes(fragment);
  return buildEap(code, identifier, type, data.data());
}

}  // namespace rs::eapol
