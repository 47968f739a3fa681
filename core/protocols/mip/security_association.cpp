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
