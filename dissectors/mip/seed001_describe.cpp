// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/mip/seed001_describe.h"

#include <fmt/format.h>

#include "dissectors/common/byte_reader.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip::seed001 {
namespace {

std::string orUnknown(std::string_view name) { return name.empty() ? std::string("Unknown") : std::string(name); }

void describeKey(Field& ext, const char* prefix, ByteView value, std::size_t at) {
  const auto k = parseKeyExtension(value);
  if (!k) return;
  const std::string p(prefix);
  ext.addUint(p + ".spi", "SPI: " + hexString(k->spi, 8), k->spi, at, 4, 8);
  ext.addUint(p + ".algorithm", fmt::format("Algorithm: {} ({})", orUnknown(algorithmName(k->algorithm)), k->algorithm),
              k->algorithm, at + 4, 1);
  ext.addUint(p + ".replay_method",
              fmt::format("Replay protection: {} ({})", orUnknown(replayMethodName(k->replayMethod)), k->replayMethod),
              k->replayMethod, at + 5, 1);
  ext.addUint(p + ".replay_window", fmt::format("Replay window: {} s", k->replayWindowSeconds), k->replayWindowSeconds,
              at + 6, 2);
}

// The size each vendor type must have; 0 = any non-empty size.
std::size_t expectedSize(std::uint16_t vendorType) {
  switch (vendorType) {
    case vtype::kSkey:
    case vtype::kSkeyPrime: return kKeyExtensionLength;
    case vtype::kAuthenticatorChallenge:
    case vtype::kPeerChallenge: return kChallengeLength;
    case vtype::kNtResponse: return kNtResponseLength;
    case vtype::kAuthProtocol: return kAuthProtocolLength;
    case vtype::kAuthenticatorResponse: return kAuthenticatorResponseLength;
    default: return 0;
  }
}

}  // namespace

void describeVendorValue(Field& ext, std::uint8_t extensionType, const VendorData& v, std::size_t base,
                         Dissection& out) {
  const std::size_t at = base + v.valueOffset;
  const std::string_view name = vendorTypeName(v.vendorType);
  if (name.empty()) {
    ext.addText(fmt::format("RoamScope seed-001: unknown vendor type {}", v.vendorType), at, v.value.size());
    return;
  }
  ext.label += fmt::format(" (RoamScope seed-001 {})", name);
  const std::size_t want = expectedSize(v.vendorType);
  if ((want != 0 && v.value.size() != want) || (want == 0 && v.value.empty())) {
    out.markMalformed(ext, fmt::format("seed-001 {} has {} octets, not {}", name, v.value.size(), want), at);
    return;
  }
  if (extensionType != ext::kCvse) {
    // Defined as critical: an NVSE copy would let an HA without seed-001 ignore it.
    ext.addText("RoamScope seed-001 extensions are defined as CVSEs; this one is an NVSE", at, v.value.size())
        .expert = "seed-001 extension carried in an NVSE";
  }
  switch (v.vendorType) {
    case vtype::kSkey: describeKey(ext, "roamscope.mip.skey", v.value, at); break;
    case vtype::kSkeyPrime: describeKey(ext, "roamscope.mip.skey_prime", v.value, at); break;
    case vtype::kAuthenticatorChallenge:
      ext.addBytes("roamscope.mip.mschapv2.auth_challenge", "Authenticator challenge: " + toHex(v.value), v.value, at);
      break;
    case vtype::kPeerChallenge:
      ext.addBytes("roamscope.mip.mschapv2.peer_challenge", "Peer challenge: " + toHex(v.value), v.value, at);
      break;
    case vtype::kNtResponse:
      ext.addBytes("roamscope.mip.mschapv2.nt_response", "NT-Response: " + toHex(v.value), v.value, at);
      break;
    case vtype::kAuthProtocol: {
      const auto p = parseAuthProtocol(v.value);
      const bool msChapV2 = p->pppProtocol == kPppChap && p->algorithm == kChapMsChapV2;
      ext.addUint("roamscope.mip.auth_protocol.ppp",
                  fmt::format("PPP protocol: {}{}", hexString(p->pppProtocol, 4),
                              p->pppProtocol == kPppChap ? " (CHAP)" : ""),
                  p->pppProtocol, at, 2, 4);
      ext.addUint("roamscope.mip.auth_protocol.algorithm",
                  fmt::format("Algorithm: {}{}", hexString(p->algorithm, 2), msChapV2 ? " (MS-CHAPv2)" : ""),
                  p->algorithm, at + 2, 1, 2);
      break;
    }
    case vtype::kDomainName: {
      const std::string domain(v.value.begin(), v.value.end());
      ext.addString("roamscope.mip.domain", "Domain name: " + domain, domain, at, v.value.size());
      break;
    }
    case vtype::kAuthenticatorResponse: {
      const std::string response(v.value.begin(), v.value.end());
      ext.addString("roamscope.mip.mschapv2.auth_response", "Authenticator response: " + response, response, at,
                    v.value.size());
      break;
    }
    default: break;
  }
}

}  // namespace rs::mip::seed001
