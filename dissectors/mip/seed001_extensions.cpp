// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-001 vendor extensions: value codecs and the MS-CHAPv2 helpers the MN,
// the HA and the tests share.
#include "dissectors/mip/seed001_extensions.h"

#include <algorithm>

#include "dissectors/common/byte_reader.h"
#include "dissectors/common/byte_writer.h"

namespace rs::mip::seed001 {

std::string_view vendorTypeName(std::uint16_t vendorType) {
  switch (vendorType) {
    case vtype::kSkey: return "Skey extension";
    case vtype::kSkeyPrime: return "Skey' extension";
    case vtype::kAuthenticatorChallenge: return "MS-CHAPv2 authenticator challenge";
    case vtype::kPeerChallenge: return "MS-CHAPv2 peer challenge";
    case vtype::kNtResponse: return "MS-CHAPv2 NT-Response";
    case vtype::kAuthProtocol: return "Authentication protocol";
    case vtype::kDomainName: return "Domain name";
    case vtype::kAuthenticatorResponse: return "MS-CHAPv2 authenticator response";
    default: return {};
  }
}

std::string_view algorithmName(std::uint8_t value) {
  switch (value) {
    case algorithm::kHmacMd5: return "HMAC-MD5";
    case algorithm::kKeyedMd5PrefixSuffix: return "Keyed MD5 prefix+suffix";
    default: return {};
  }
}

std::string_view replayMethodName(std::uint8_t value) {
  switch (value) {
    case replay::kTimestamps: return "Timestamps";
    case replay::kNonces: return "Nonces";
    default: return {};
  }
}

Bytes encodeKeyExtension(const KeyExtension& k) {
  ByteWriter w;
  w.u32be(k.spi).u8(k.algorithm).u8(k.replayMethod).u16be(k.replayWindowSeconds);
  return w.take();
}

std::optional<KeyExtension> parseKeyExtension(ByteView value) {
  if (value.size() != kKeyExtensionLength) return std::nullopt;
  ByteReader r(value);
  KeyExtension k;
  k.spi = r.u32be();
  k.algorithm = r.u8();
  k.replayMethod = r.u8();
  k.replayWindowSeconds = r.u16be();
  return k;
}

Bytes encodeAuthProtocol(const AuthProtocol& p) {
  ByteWriter w;
  w.u16be(p.pppProtocol).u8(p.algorithm);
  return w.take();
}

std::optional<AuthProtocol> parseAuthProtocol(ByteView value) {
  if (value.size() != kAuthProtocolLength) return std::nullopt;
  ByteReader r(value);
  AuthProtocol p;
  p.pppProtocol = r.u16be();
  p.algorithm = r.u8();
  return p;
}

MessageBuilder& addKey(MessageBuilder& b, std::uint16_t vendorType, const KeyExtension& k) {
  return addVendor(b, vendorType, encodeKeyExtension(k));
}

std::string_view userNameFromNai(std::string_view nai) {
  const std::size_t at = nai.rfind('@');
  return at == std::string_view::npos ? nai : nai.substr(0, at);
}

std::optional<MsChapV2Exchange> msChapV2Exchange(const Message& m) {
  const auto auth = m.vendorExtension(ext::kCvse, kVendorId, vtype::kAuthenticatorChallenge);
  const auto peer = m.vendorExtension(ext::kCvse, kVendorId, vtype::kPeerChallenge);
  const auto response = m.vendorExtension(ext::kCvse, kVendorId, vtype::kNtResponse);
  const auto nai = m.nai();
  if (!auth || !peer || !response || !nai) return std::nullopt;
  if (auth->value.size() != kChallengeLength || peer->value.size() != kChallengeLength ||
      response->value.size() != kNtResponseLength)
    return std::nullopt;
  MsChapV2Exchange x;
  x.authenticatorChallenge = auth->value;
  x.peerChallenge = peer->value;
  x.ntResponse = response->value;
  x.userName = std::string(userNameFromNai(*nai));
  if (const auto domain = m.vendorExtension(ext::kCvse, kVendorId, vtype::kDomainName))
    x.domain.assign(domain->value.begin(), domain->value.end());
  return x;
}

namespace {

struct ChapValueOffsets {
  std::size_t peerChallenge = 0;  // value offsets in the message
  std::size_t ntResponse = 0;
};

std::optional<ChapValueOffsets> chapValueOffsets(ByteView message) {
  const auto m = parseMessage(message);
  if (!m) return std::nullopt;
  const auto peer = m->vendorExtension(ext::kCvse, kVendorId, vtype::kPeerChallenge);
  const auto response = m->vendorExtension(ext::kCvse, kVendorId, vtype::kNtResponse);
  if (!peer || !response || peer->value.size() != kChallengeLength || response->value.size() != kNtResponseLength ||
      peer->valueOffset > response->valueOffset)
    return std::nullopt;
  return ChapValueOffsets{peer->valueOffset, response->valueOffset};
}

}  // namespace

std::optional<Bytes> peerChallengeInput(ByteView message) {
  const auto at = chapValueOffsets(message);
  if (!at) return std::nullopt;
  // The NT-Response value is the last part of its extension: the input ends with it.
  Bytes input(message.begin(), message.begin() + static_cast<std::ptrdiff_t>(at->ntResponse + kNtResponseLength));
  std::fill_n(input.begin() + static_cast<std::ptrdiff_t>(at->peerChallenge), kChallengeLength, 0);
  std::fill_n(input.begin() + static_cast<std::ptrdiff_t>(at->ntResponse), kNtResponseLength, 0);
  return input;
}

bool fillMsChapV2(Bytes& message, ByteView peerChallenge, ByteView ntResponse) {
  if (peerChallenge.size() != kChallengeLength || ntResponse.size() != kNtResponseLength) return false;
  const auto at = chapValueOffsets(message);
  if (!at) return false;
  std::copy(peerChallenge.begin(), peerChallenge.end(), message.begin() + static_cast<std::ptrdiff_t>(at->peerChallenge));
  std::copy(ntResponse.begin(), ntResponse.end(), message.begin() + static_cast<std::ptrdiff_t>(at->ntResponse));
  return true;
}

}  // namespace rs::mip::seed001
