// SPDX-License-Identifier: GPL-3.0-or-later
// Mobile IPv4 codec: parse (bounds-checked) and the name tables.
#include "dissectors/mip/mip.h"

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"

namespace rs::mip {

ExtensionLayout extensionLayout(std::uint8_t type) {
  // RFC 3012 and RFC 3115 gave these two a 16-bit length after a second octet;
  // every other extension has the RFC 3344 1.9 short form.
  if (type == ext::kGeneralizedAuth) return ExtensionLayout::Generalized;
  if (type == ext::kCvse) return ExtensionLayout::Cvse;
  return ExtensionLayout::Short;
}

std::size_t extensionHeaderLength(ExtensionLayout layout) { return layout == ExtensionLayout::Short ? 2 : 4; }

bool isAuthenticationExtension(std::uint8_t type) {
  return type == ext::kMobileHomeAuth || type == ext::kMobileForeignAuth || type == ext::kForeignHomeAuth ||
         type == ext::kGeneralizedAuth;
}

std::optional<AuthenticationData> authenticationData(const Extension& e) {
  if (!isAuthenticationExtension(e.type) || e.data.size() < kSpiLength) return std::nullopt;
  ByteReader r(e.data);
  AuthenticationData a;
  a.spi = r.u32be();
  a.authenticator = r.rest();
  a.authenticatorOffset = e.offset + e.headerLength() + kSpiLength;
  return a;
}

std::optional<VendorData> vendorData(const Extension& e) {
  std::size_t skip = 0;
  if (e.type == ext::kCvse)
    skip = 0;
  else if (e.type == ext::kNvse)
    skip = 2;  // RFC 3115 3: the NVSE's reserved field follows its length
  else
    return std::nullopt;
  ByteReader r(e.data);
  r.skip(skip);
  VendorData v;
  v.vendorId = r.u32be();
  v.vendorType = r.u16be();
  if (r.failed()) return std::nullopt;
  v.valueOffset = e.offset + e.headerLength() + r.position();
  v.value = r.rest();
  return v;
}

void parseExtensions(ByteView data, std::size_t base, std::vector<Extension>& out,
                     std::optional<std::size_t>& malformedAt, std::string& malformedReason) {
  ByteReader r(data, base);
  while (!r.empty()) {
    const std::size_t at = r.offset();
    Extension e;
    e.offset = at;
    e.type = r.u8();
    e.layout = extensionLayout(e.type);
    if (e.layout == ExtensionLayout::Short) {
      e.length = r.u8();
    } else {
      e.subtypeOrReserved = r.u8();
      e.length = r.u16be();
    }
    if (r.failed()) {
      malformedAt = at;
      malformedReason = "extension header cut short";
      return;
    }
    e.data = r.bytes(e.length);
    if (r.failed()) {
      malformedAt = at;
      malformedReason = fmt::format("extension length {} runs past the message", e.length);
      return;
    }
    out.push_back(e);
  }
}

std::optional<Message> parseMessage(ByteView data) {
  ByteReader r(data);
  Message m;
  m.type = r.u8();
  if (r.failed() || (m.type != msg::kRegistrationRequest && m.type != msg::kRegistrationReply)) return std::nullopt;
  m.flagsOrCode = r.u8();
  m.lifetime = r.u16be();
  m.homeAddress = r.u32be();
  m.homeAgent = r.u32be();
  if (m.isRequest()) m.careOfAddress = r.u32be();
  m.identification = r.u64be();
  if (r.failed()) return std::nullopt;
  m.headerLength = r.position();
  m.message = data;
  parseExtensions(data.subspan(m.headerLength), m.headerLength, m.extensions, m.malformedAt, m.malformedReason);
  return m;
}

const Extension* Message::find(std::uint8_t extensionType) const {
  for (const auto& e : extensions)
    if (e.type == extensionType) return &e;
  return nullptr;
}

std::optional<VendorData> Message::vendorExtension(std::uint8_t extensionType, std::uint32_t vendorId,
                                                   std::uint16_t vendorType) const {
  for (const auto& e : extensions) {
    if (e.type != extensionType) continue;
    const auto v = vendorData(e);
    if (v && v->vendorId == vendorId && v->vendorType == vendorType) return v;
  }
  return std::nullopt;
}

std::optional<std::string> Message::nai() const {
  const Extension* e = find(ext::kNai);
  if (!e) return std::nullopt;
  return std::string(e->data.begin(), e->data.end());
}

std::string_view messageTypeName(std::uint8_t type) {
  switch (type) {
    case msg::kRegistrationRequest: return "Registration Request";
    case msg::kRegistrationReply: return "Registration Reply";
    default: return {};
  }
}

std::string_view extensionTypeName(std::uint8_t type) {
  switch (type) {
    case ext::kMobileHomeAuth: return "Mobile-Home Authentication Extension";
    case ext::kMobileForeignAuth: return "Mobile-Foreign Authentication Extension";
    case ext::kForeignHomeAuth: return "Foreign-Home Authentication Extension";
    case ext::kGeneralizedAuth: return "Generalized Mobile-IP Authentication Extension";
    case ext::kCvse: return "Critical Vendor/Organization Specific Extension";
    case ext::kNai: return "Mobile Node NAI Extension";
    case ext::kMnFaChallenge: return "MN-FA Challenge Extension";
    case ext::kNvse: return "Normal Vendor/Organization Specific Extension";
    default: return {};
  }
}

std::string_view replyCodeName(std::uint8_t code) {
  // RFC 3344 3.4, RFC 2794 (NAI), RFC 3012 (challenge), RFC 3115 (vendor extensions).
  switch (code) {
    case 0: return "Reg Accepted";
    case 1: return "Reg Accepted, but Simultaneous Bindings Unsupported";
    case 64: return "Reg Deny (FA)- Unspecified Reason";
    case 65: return "Reg Deny (FA)- Administratively Prohibited";
    case 66: return "Reg Deny (FA)- Insufficient Resources";
    case 67: return "Reg Deny (FA)- MN Failed Authentication";
    case 68: return "Reg Deny (FA)- HA Failed Authentication";
    case 69: return "Reg Deny (FA)- Requested Lifetime too Long";
    case 70: return "Reg Deny (FA)- Poorly Formed Request";
    case 71: return "Reg Deny (FA)- Poorly Formed Reply";
    case 97: return "Reg Deny (FA)(NAI) - Missing NAI";
    case 100: return "Reg Deny (FA)- Unable to Interpret CVSE Sent by MN";
    case 104: return "Reg Deny (FA)- Unknown Challenge";
    case 105: return "Reg Deny (FA)- Missing Challenge";
    case 106: return "Reg Deny (FA)- Stale Challenge";
    case 128: return "Reg Deny (HA)- Unspecified";
    case 129: return "Reg Deny (HA)- Administratively Prohibited";
    case 130: return "Reg Deny (HA)- Insufficient Resources";
    case 131: return "Reg Deny (HA)- MN Failed Authentication";
    case 132: return "Reg Deny (HA)- FA Failed Authentication";
    case 133: return "Reg Deny (HA)- Registration ID Mismatch";
    case 134: return "Reg Deny (HA)- Poorly Formed Request";
    case 135: return "Reg Deny (HA)- Too Many Simultaneous Bindings";
    case 136: return "Reg Deny (HA)- Unknown HA Address";
    case 140: return "Reg Deny (HA)- Unable to Interpret CVSE Sent by MN";
    default: return {};
  }
}

std::string_view generalizedAuthSubtypeName(std::uint8_t subtype) {
  return subtype == kGeneralizedAuthMnAaa ? "MN-AAA Authentication" : std::string_view{};
}

}  // namespace rs::mip
