// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One row of a Mobile IP mobility security-association table (RFC 3344 3.5,
// the seed's Fig. 4: MN, SPI, key, algorithm, mode, replay timer), as the HA
// and the MN install it for Skey and Skey' (seed-001 claims 19, 29). A fixed
// layout without heap storage, like a router's NVRAM record, so its size can
// be compared with the seed's "approximately 80 bytes" per SA; the key is
// wiped when the entry is destroyed or discarded.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/crypto/mip_auth.h"
#include "dissectors/common/bytes.h"
#include "dissectors/mip/seed001_extensions.h"

namespace rs::mip {

enum class SaAlgorithm : std::uint8_t { Md5 = 1 };
// How the key and the covered bytes are combined (the seed's "mode").
enum class SaMode : std::uint8_t {
  Hmac = 1,          // RFC 3344 3.5.1 default (HMAC-MD5)
  PrefixSuffix = 2,  // RFC 2002: MD5(key || data || key)
};
enum class ReplayProtection : std::uint8_t { Timestamps = 1, Nonces = 2 };  // RFC 3344 5.7
// Which seed-001 key the row holds; Static for a configured SA.
enum class SaKeyKind : std::uint8_t { Static = 0, Skey = 1, SkeyPrime = 2 };

struct SecurityAssociation {
  static constexpr std::size_t kMaxKeyBytes = 32;

  std::uint32_t mobileNode = 0;  // home address, host order
  std::uint32_t spi = 0;
  std::array<std::uint8_t, kMaxKeyBytes> key{};
  std::uint8_t keyLength = 0;
  SaAlgorithm algorithm = SaAlgorithm::Md5;
  SaMode mode = SaMode::Hmac;
  ReplayProtection replay = ReplayProtection::Timestamps;
  SaKeyKind kind = SaKeyKind::Static;
  std::uint16_t replayWindowSeconds = 7;  // accepted clock difference for timestamps
  std::uint32_t lifetimeSeconds = 0;      // the registration lifetime the keys live for
  std::uint64_t lastIdentification = 0;   // highest accepted identification (replay state)
  std::int64_t installedNs = 0;           // virtual-clock times
  std::int64_t expiresNs = 0;

  SecurityAssociation() = default;
  SecurityAssociation(const SecurityAssociation&) = default;
  SecurityAssociation& operator=(const SecurityAssociation&) = default;
  ~SecurityAssociation();

  // nullopt when `keyBytes` is empty or longer than kMaxKeyBytes.
  static std::optional<SecurityAssociation> make(std::uint32_t mobileNode, std::uint32_t spi, ByteView keyBytes,
                                                 std::int64_t nowNs, std::uint32_t lifetimeSeconds);
  // The row a seed-001 Skey / Skey' extension describes (SPI, algorithm,
  // replay protection and window), holding `keyBytes`. nullopt for an
  // algorithm or replay method the extension format does not define.
  static std::optional<SecurityAssociation> fromKeyExtension(const rs::mip::seed001::KeyExtension& extension,
                                                             SaKeyKind kind, std::uint32_t mobileNode,
                                                             ByteView keyBytes, std::int64_t nowNs,
                                                             std::uint32_t lifetimeSeconds);
  // The authenticator algorithm for core/crypto/mip_auth.h.
  crypto::mip::AuthAlgorithm authAlgorithm() const {
    return mode == SaMode::PrefixSuffix ? crypto::mip::AuthAlgorithm::KeyedMd5PrefixSuffix
                                        : crypto::mip::AuthAlgorithm::HmacMd5;
  }
  ByteView keyView() const { return {key.data(), keyLength}; }
  bool expired(std::int64_t nowNs) const { return nowNs >= expiresNs; }
  // RFC 3344 5.7 with timestamps: the identification's NTP seconds must lie
  // within the window of `nowNtp`'s, and (against replays inside the window)
  // be greater than the last accepted one. Nonce mode accepts any value that
  // differs from the last.
  bool acceptsIdentification(std::uint64_t identification, std::uint64_t nowNtp) const;
  // Overwrites the key with zeros (keys are discarded on expiry or de-registration).
  void discardKey();
};

std::string_view saModeName(SaMode mode);
std::string_view saKeyKindName(SaKeyKind kind);

}  // namespace rs::mip
