// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/security_association.h"

#include <algorithm>

#include "core/crypto/secret_bytes.h"

namespace rs::mip {

SecurityAssociation::~SecurityAssociation() { discardKey(); }

std::optional<SecurityAssociation> SecurityAssociation::make(std::uint32_t mobileNode, std::uint32_t spi,
                                                             ByteView keyBytes, std::int64_t nowNs,
                                                             std::uint32_t lifetimeSeconds) {
  if (keyBytes.empty() || keyBytes.size() > kMaxKeyBytes) return std::nullopt;
  SecurityAssociation sa;
  sa.mobileNode = mobileNode;
  sa.spi = spi;
  std::copy(keyBytes.begin(), keyBytes.end(), sa.key.begin());
  sa.keyLength = static_cast<std::uint8_t>(keyBytes.size());
  sa.lifetimeSeconds = lifetimeSeconds;
  sa.installedNs = nowNs;
  sa.expiresNs = nowNs + std::int64_t{lifetimeSeconds} * 1000000000;
  return sa;
}

std::optional<SecurityAssociation> SecurityAssociation::fromKeyExtension(
    const rs::mip::seed001::KeyExtension& extension, SaKeyKind kind, std::uint32_t mobileNode, ByteView keyBytes,
    std::int64_t nowNs, std::uint32_t lifetimeSeconds) {
  namespace s1 = rs::mip::seed001;
  SaMode mode = SaMode::Hmac;
  if (extension.algorithm == s1::algorithm::kKeyedMd5PrefixSuffix)
    mode = SaMode::PrefixSuffix;
  else if (extension.algorithm != s1::algorithm::kHmacMd5)
    return std::nullopt;
  if (extension.replayMethod != s1::replay::kTimestamps && extension.replayMethod != s1::replay::kNonces)
    return std::nullopt;
  auto sa = make(mobileNode, extension.spi, keyBytes, nowNs, lifetimeSeconds);
  if (!sa) return std::nullopt;
  sa->mode = mode;
  sa->replay = extension.replayMethod == s1::replay::kNonces ? ReplayProtection::Nonces : ReplayProtection::Timestamps;
  sa->replayWindowSeconds = extension.replayWindowSeconds;
  sa->kind = kind;
  return sa;
}

bool SecurityAssociation::acceptsIdentification(std::uint64_t identification, std::uint64_t nowNtp) const {
  if (replay == ReplayProtection::Nonces) return identification != lastIdentification;
  if (identification <= lastIdentification) return false;
  const std::int64_t theirs = static_cast<std::int64_t>(identification >> 32);
  const std::int64_t ours = static_cast<std::int64_t>(nowNtp >> 32);
  const std::int64_t difference = theirs > ours ? theirs - ours : ours - theirs;
  return difference <= replayWindowSeconds;
}

void SecurityAssociation::discardKey() {
  crypto::wipe(std::span<std::uint8_t>(key.data(), key.size()));
  keyLength = 0;
}

std::string_view saModeName(SaMode mode) {
  switch (mode) {
    case SaMode::Hmac: return "HMAC";
    case SaMode::PrefixSuffix: return "prefix+suffix";
  }
  return "unknown";
}

std::string_view saKeyKindName(SaKeyKind kind) {
  switch (kind) {
    case SaKeyKind::Static: return "static";
    case SaKeyKind::Skey: return "Skey";
    case SaKeyKind::SkeyPrime: return "Skey'";
  }
  return "unknown";
}

}  // namespace rs::mip
