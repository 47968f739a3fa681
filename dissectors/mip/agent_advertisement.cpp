// SPDX-License-Identifier: GPL-3.0-or-later
// Agent Advertisement / Solicitation: builders and the describe step for the
// router advertisement body and its mobility extensions.
#include "dissectors/mip/agent_advertisement.h"

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"
#include "dissectors/inet/checksum.h"

namespace rs::mip {
namespace {

constexpr std::size_t kIcmpHeaderLength = 4;      // type, code, checksum
constexpr std::size_t kRouterAdvFixedLength = 8;  // + num addrs, entry size, lifetime

Bytes withChecksum(Bytes icmp) {
  const std::uint16_t sum = inet::internetChecksum(icmp);
  icmp[2] = static_cast<std::uint8_t>(sum >> 8);
  icmp[3] = static_cast<std::uint8_t>(sum);
  return icmp;
}

struct AdvFlag {
  const char* field;
  const char* label;
  std::uint16_t mask;
};
constexpr AdvFlag kAdvFlags[] = {
    {"icmp.mip.r", "Registration Required", adv_flag::kRegistrationRequired},
    {"icmp.mip.b", "Busy", adv_flag::kBusy},
    {"icmp.mip.h", "Home Agent", adv_flag::kHomeAgent},
    {"icmp.mip.f", "Foreign Agent", adv_flag::kForeignAgent},
    {"icmp.mip.m", "Minimal Encapsulation", adv_flag::kMinimalEncapsulation},
    {"icmp.mip.g", "GRE", adv_flag::kGre},
    {"icmp.mip.v", "VJ Comp", adv_flag::kVanJacobson},
    {"icmp.mip.rt", "Reverse tunneling", adv_flag::kReverseTunnel},
    {"icmp.mip.u", "UDP tunneling", adv_flag::kUdpTunnel},
    {"icmp.mip.x", "Revocation support", adv_flag::kRevocation},
};

std::string_view extensionName(std::uint8_t type) {
  switch (type) {
    case adv_ext::kPadding: return "One-Byte Padding Extension";
    case adv_ext::kMobilityAgent: return "Mobility Agent Advertisement Extension";
    case adv_ext::kPrefixLengths: return "Prefix Lengths Extension";
    case adv_ext::kChallenge: return "Challenge Extension";
    default: return "Unknown Extension";
  }
}

void describeMobilityAgent(Field& x, ByteView data, std::size_t at, Dissection& out) {
  ByteReader r(data, at);
  const std::uint16_t seq = r.u16be();
  const std::uint16_t life = r.u16be();
  const std::uint16_t flags = r.u16be();
  if (r.failed()) {
    out.markMalformed(x, "Mobility Agent Advertisement extension shorter than 6 octets", at);
    return;
  }
  x.addUint("icmp.mip.seq", fmt::format("Sequence Number: {}", seq), seq, at, 2);
  x.addUint("icmp.mip.life", fmt::format("Registration Lifetime: {}", life), life, at + 2, 2);
  std::string set;
  for (const auto& b : kAdvFlags)
    if (flags & b.mask) set += std::string(set.empty() ? "" : ", ") + b.label;
  Field& f = x.addUint("icmp.mip.flags", fmt::format("Flags: {}{}", hexString(flags, 4), set.empty() ? "" : ", " + set),
                       flags, at + 4, 2, 4);
  for (const auto& b : kAdvFlags) {
    const bool on = flags & b.mask;
    f.addUint(b.field, fmt::format("{} = {}: {}", bitPattern(flags, b.mask, 16), b.label, on ? "True" : "False"),
              on ? 1 : 0, at + 4, 2);
  }
  const std::uint16_t reserved = flags & adv_flag::kReservedMask;
  f.addUint("icmp.mip.reserved",
            fmt::format("{} = Reserved: {}", bitPattern(flags, adv_flag::kReservedMask, 16), hexString(reserved, 4)),
            reserved, at + 4, 2, 4);
  while (r.has(4)) {
    const std::size_t coaAt = r.offset();
    const std::uint32_t coa = r.u32be();
    x.addIpv4("icmp.mip.coa", "Care-Of-Address: " + ipv4String(coa), coa, coaAt);
  }
  if (!r.empty()) out.markMalformed(x, "care-of address list is not a multiple of 4 octets", r.offset());
}

}  // namespace

Bytes buildMobilityAgentExtension(const MobilityAgentAdvertisement& a) {
  ByteWriter w;
  w.u8(adv_ext::kMobilityAgent).u8(static_cast<std::uint8_t>(6 + 4 * a.careOfAddresses.size()));
  w.u16be(a.sequence).u16be(a.registrationLifetime).u16be(a.flags);
  for (std::uint32_t coa : a.careOfAddresses) w.u32be(coa);
  return w.take();
}

std::optional<Bytes> buildPrefixLengthsExtension(const std::vector<std::uint8_t>& prefixLengths) {
  if (prefixLengths.size() > 255) return std::nullopt;
  ByteWriter w;
  w.u8(adv_ext::kPrefixLengths).u8(static_cast<std::uint8_t>(prefixLengths.size())).bytes(prefixLengths);
  return w.take();
}

Bytes buildAgentAdvertisement(std::uint8_t code, std::uint16_t lifetime, const std::vector<RouterAddress>& routers,
                              ByteView extensions) {
  ByteWriter w;
  w.u8(kIcmpRouterAdvertisement).u8(code).u16be(0);
  w.u8(static_cast<std::uint8_t>(routers.size())).u8(2).u16be(lifetime);  // entry size: 2 words
  for (const auto& r : routers) w.u32be(r.address).u32be(static_cast<std::uint32_t>(r.preference));
  w.bytes(extensions);
  return withChecksum(w.take());
}

std::optional<Bytes> buildChallengeExtension(ByteView challenge) {
  if (challenge.empty() || challenge.size() > 255) return std::nullopt;
  ByteWriter w;
  w.u8(adv_ext::kChallenge).u8(static_cast<std::uint8_t>(challenge.size())).bytes(challenge);
  return w.take();
}

Bytes buildAgentSolicitation() {
  ByteWriter w;
  w.u8(kIcmpRouterSolicitation).u8(0).u16be(0).u32be(0);
  return withChecksum(w.take());
}

std::optional<ParsedAgentAdvertisement> parseAgentAdvertisement(ByteView icmp) {
  ByteReader r(icmp);
  if (r.u8() != kIcmpRouterAdvertisement) return std::nullopt;
  r.skip(3);  // code, checksum
  ParsedAgentAdvertisement a;
  const std::uint8_t count = r.u8();
  const std::uint8_t entrySize = r.u8();
  a.lifetime = r.u16be();
  if (r.failed() || entrySize != 2) return std::nullopt;
  for (std::uint8_t i = 0; i < count; ++i) {
    RouterAddress router;
    router.address = r.u32be();
    router.preference = static_cast<std::int32_t>(r.u32be());
    a.routers.push_back(router);
  }
  bool mobility = false;
  while (!r.failed() && !r.empty()) {
    const std::uint8_t type = r.u8();
    if (type == adv_ext::kPadding) continue;
    const std::uint8_t length = r.u8();
    ByteReader body(r.bytes(length));
    if (r.failed()) return std::nullopt;
    if (type == adv_ext::kMobilityAgent && length >= 6 && (length - 6) % 4 == 0) {
      mobility = true;
      a.mobility.sequence = body.u16be();
      a.mobility.registrationLifetime = body.u16be();
      a.mobility.flags = body.u16be();
      while (!body.empty()) a.mobility.careOfAddresses.push_back(body.u32be());
    } else if (type == adv_ext::kPrefixLengths && length >= 1) {
      a.prefixLength = body.u8();
    } else if (type == adv_ext::kChallenge && length >= 1) {
      const ByteView challenge = body.bytes(length);
      a.challenge.assign(challenge.begin(), challenge.end());
    }
  }
  if (r.failed() || !mobility) return std::nullopt;
  return a;
}

void describeRouterAdvertisement(Field& icmp, ByteView frame, std::size_t base, Dissection& out) {
  const ByteView data = base <= frame.size() ? frame.subspan(base) : ByteView{};
  ByteReader r(data, base);
  r.skip(kIcmpHeaderLength);
  const std::uint8_t count = r.u8();
  const std::uint8_t entrySize = r.u8();
  const std::uint16_t lifetime = r.u16be();
  if (r.failed()) {
    out.markMalformed(icmp, "router advertisement header truncated", base + data.size());
    return;
  }
  icmp.addUint("icmp.num_addrs", fmt::format("Number of addresses: {}", count), count, base + 4, 1);
  icmp.addUint("icmp.addr_entry_size", fmt::format("Address entry size: {}", entrySize), entrySize, base + 5, 1);
  icmp.addUint("icmp.lifetime", fmt::format("Lifetime: {}", lifetime), lifetime, base + 6, 2);
  if (entrySize != 2) {
    icmp.addText(fmt::format("Address entries of {} words are not decoded (RFC 1256 defines 2)", entrySize), base + 8,
                 data.size() > 8 ? data.size() - 8 : 0);
    return;
  }
  // RFC 1256 3.1: each entry is a router address and its preference level.
  for (unsigned i = 0; i < count; ++i) {
    const std::size_t at = r.offset();
    const std::uint32_t address = r.u32be();
    const std::int32_t preference = static_cast<std::int32_t>(r.u32be());
    if (r.failed()) {
      out.markMalformed(icmp, "router address list runs past the message", r.failureOffset());
      return;
    }
    icmp.addIpv4("icmp.router_address", "Router address: " + ipv4String(address), address, at);
    icmp.addInt("icmp.pref_level", fmt::format("Preference level: {}", preference), preference, at + 4, 4);
  }
  while (!r.empty()) {
    const std::size_t at = r.offset();
    const std::uint8_t type = r.u8();
    if (type == adv_ext::kPadding) {
      icmp.addText("Ext: One-Byte Padding Extension", at, 1).addUint("icmp.mip.type", "Extension Type: 0", 0, at, 1);
      continue;
    }
    const std::uint8_t length = r.u8();
    const ByteView ext = r.bytes(length);
    if (r.failed()) {
      out.markMalformed(icmp, "agent advertisement extension runs past the message", at);
      return;
    }
    Field& x = icmp.addText(fmt::format("Ext: {}", extensionName(type)), at, 2u + length);
    x.addUint("icmp.mip.type", fmt::format("Extension Type: {} ({})", extensionName(type), type), type, at, 1);
    x.addUint("icmp.mip.length", fmt::format("Length: {}", length), length, at + 1, 1);
    if (type == adv_ext::kMobilityAgent) {
      describeMobilityAgent(x, ext, at + 2, out);
    } else if (type == adv_ext::kPrefixLengths) {
      for (std::size_t i = 0; i < ext.size(); ++i)
        x.addUint("icmp.mip.prefixlength", fmt::format("Prefix Length: {}", ext[i]), ext[i], at + 2 + i, 1);
    } else if (type == adv_ext::kChallenge) {
      x.addBytes("icmp.mip.challenge", "Challenge: " + toHex(ext), ext, at + 2);
    } else {
      x.addBytes("icmp.mip.content", "Content: " + toHex(ext), ext, at + 2);
    }
  }
}

}  // namespace rs::mip
