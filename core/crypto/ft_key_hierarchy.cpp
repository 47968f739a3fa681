// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ft_key_hierarchy.h"

#include <string>

#include "core/crypto/akm_suite.h"
#include "core/crypto/hash_mac.h"
#include "core/crypto/ieee80211_prf.h"
#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

// Hash and Q (PMK-R0 / PMK-R1 length in bytes) of an FT AKM.
struct FtParameters {
  HashAlgorithm hash;
  std::size_t q;
  AkmProfile profile;
};

Result<FtParameters> ftParameters(int akm) {
  const auto profile = akmProfile(akm);
  if (!profile || !profile->fastTransition)
    return makeError(ErrorCode::InvalidArgument, "AKM " + std::to_string(akm) + " is not an FT AKM (3, 4, 9, 13)");
  const HashAlgorithm hash = kdfHash(profile->kdf);
  return FtParameters{hash, digestLength(hash), *profile};
}

Result<Bytes> truncatedHash128(HashAlgorithm hash, std::initializer_list<ByteView> parts) {
  auto d = digest(hash, parts);
  if (!d) return d.error();
  d->resize(16);
  return std::move(*d);
}

}  // namespace

Result<SecretBytes> xxKeyFromMsk(int akm, ByteView msk) {
  if (akm == akm::FtIeee8021x) {
    if (msk.size() < 64) return makeError(ErrorCode::InvalidArgument, "the MSK has at least 64 octets");
    return SecretBytes(msk.subspan(32, 32));
  }
  if (akm == akm::FtIeee8021xSha384) {
    if (msk.size() < 48) return makeError(ErrorCode::InvalidArgument, "the MSK has at least 48 octets");
    return SecretBytes(msk.first(48));
  }
  return makeError(ErrorCode::InvalidArgument, "XXKey comes from the MSK only for AKMs 3 and 13");
}

Result<PmkR0> derivePmkR0(int akm, ByteView xxKey, ByteView ssid, ByteView mdid, ByteView r0khId,
                          MacAddress s0khId) {
  auto params = ftParameters(akm);
  if (!params) return params.error();
  if (xxKey.empty()) return makeError(ErrorCode::InvalidArgument, "empty XXKey");
  if (ssid.size() > 32) return makeError(ErrorCode::InvalidArgument, "an SSID has at most 32 octets");
  if (mdid.size() != 2) return makeError(ErrorCode::InvalidArgument, "the MDID has 2 octets");
  if (r0khId.empty() || r0khId.size() > 48) return makeError(ErrorCode::InvalidArgument, "R0KH-ID has 1..48 octets");

  ByteWriter context;
  context.u8(static_cast<std::uint8_t>(ssid.size())).bytes(ssid).bytes(mdid);
  context.u8(static_cast<std::uint8_t>(r0khId.size())).bytes(r0khId).bytes(s0khId.view());
  auto r0KeyData = kdfHashLength(params->hash, xxKey, "FT-R0", context.data(), 8 * (params->q + 16));
  if (!r0KeyData) return r0KeyData.error();

  PmkR0 out;
  out.pmkR0 = SecretBytes(r0KeyData->subview(0, params->q));
  auto name = truncatedHash128(params->hash, {asView("FT-R0N"), r0KeyData->subview(params->q, 16)});
  if (!name) return name.error();
  out.pmkR0Name = std::move(*name);
  return out;
}

Result<PmkR1> derivePmkR1(int akm, ByteView pmkR0, ByteView pmkR0Name, MacAddress r1khId, MacAddress s1khId) {
  auto params = ftParameters(akm);
  if (!params) return params.error();
  if (pmkR0.size() != params->q) return makeError(ErrorCode::InvalidArgument, "PMK-R0 length does not match the AKM");
  if (pmkR0Name.size() != 16) return makeError(ErrorCode::InvalidArgument, "PMKR0Name has 16 octets");

  ByteWriter context;
  context.bytes(r1khId.view()).bytes(s1khId.view());
  auto key = kdfHashLength(params->hash, pmkR0, "FT-R1", context.data(), 8 * params->q);
  if (!key) return key.error();
  auto name = truncatedHash128(params->hash, {asView("FT-R1N"), pmkR0Name, r1khId.view(), s1khId.view()});
  if (!name) return name.error();
  return PmkR1{std::move(*key), std::move(*name)};
}

Result<FtPtk> derivePtkFt(int akm, ByteView pmkR1, ByteView pmkR1Name, ByteView snonce, ByteView anonce,
                          MacAddress bssid, MacAddress staAddress, int cipher) {
  auto params = ftParameters(akm);
  if (!params) return params.error();
  const auto tkBytes = temporalKeyLength(cipher);
  if (!tkBytes) return makeError(ErrorCode::Unsupported, "pairwise cipher suite type " + std::to_string(cipher));
  if (pmkR1.size() != params->q) return makeError(ErrorCode::InvalidArgument, "PMK-R1 length does not match the AKM");
  if (pmkR1Name.size() != 16) return makeError(ErrorCode::InvalidArgument, "PMKR1Name has 16 octets");
  if (snonce.size() != 32 || anonce.size() != 32)
    return makeError(ErrorCode::InvalidArgument, "ANonce and SNonce are 32 octets");

  ByteWriter context;
  context.bytes(snonce).bytes(anonce).bytes(bssid.view()).bytes(staAddress.view());
  const auto& p = params->profile;
  auto ptk = kdfHashLength(params->hash, pmkR1, "FT-PTK", context.data(), 8 * (p.kckBytes + p.kekBytes + *tkBytes));
  if (!ptk) return ptk.error();
  auto name = truncatedHash128(params->hash, {pmkR1Name, asView("FT-PTKN"), context.data()});
  if (!name) return name.error();
  return FtPtk{splitPtk(*ptk, p.kckBytes, p.kekBytes, *tkBytes, 0), std::move(*name)};
}

}  // namespace rs::crypto
