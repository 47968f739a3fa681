// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ptk_derivation.h"

#include <algorithm>
#include <string>

#include "core/crypto/ieee80211_prf.h"
#include "dissectors/common/byte_writer.h"

namespace rs::crypto {

namespace {

bool lessThan(ByteView a, ByteView b) { return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end()); }

}  // namespace

Ptk splitPtk(const SecretBytes& ptk, std::size_t kckBytes, std::size_t kekBytes, std::size_t tkBytes,
             std::size_t kdkBytes) {
  Ptk out;
  out.kck = SecretBytes(ptk.subview(0, kckBytes));
  out.kek = SecretBytes(ptk.subview(kckBytes, kekBytes));
  out.tk = SecretBytes(ptk.subview(kckBytes + kekBytes, tkBytes));
  out.kdk = SecretBytes(ptk.subview(kckBytes + kekBytes + tkBytes, kdkBytes));
  return out;
}

Result<Ptk> derivePtk(int akm, ByteView pmk, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce,
                      int cipher, std::size_t kdkBytes) {
  const auto profile = akmProfile(akm);
  if (!profile) return makeError(ErrorCode::Unsupported, "AKM suite type " + std::to_string(akm) + " is not supported");
  if (profile->fastTransition)
    return makeError(ErrorCode::InvalidArgument,
                     "AKM " + std::to_string(akm) + " is an FT AKM: its PTK is derived from PMK-R1 (derivePtkFt)");
  const auto tkBytes = temporalKeyLength(cipher);
  if (!tkBytes) return makeError(ErrorCode::Unsupported, "pairwise cipher suite type " + std::to_string(cipher));
  if (pmk.size() < 16) return makeError(ErrorCode::InvalidArgument, "PMK too short");
  if (anonce.size() != 32 || snonce.size() != 32)
    return makeError(ErrorCode::InvalidArgument, "ANonce and SNonce are 32 octets");

  const bool aaFirst = aa < spa;
  const bool anonceFirst = lessThan(anonce, snonce);
  ByteWriter context;
  context.bytes(aaFirst ? aa.view() : spa.view()).bytes(aaFirst ? spa.view() : aa.view());
  context.bytes(anonceFirst ? anonce : snonce).bytes(anonceFirst ? snonce : anonce);

  const std::size_t bits = 8 * (profile->kckBytes + profile->kekBytes + *tkBytes + kdkBytes);
  const std::string_view label = "Pairwise key expansion";
  auto ptk = profile->kdf == PtkKdf::PrfSha1 ? prfSha1(pmk, label, context.data(), bits)
                                             : kdfHashLength(kdfHash(profile->kdf), pmk, label, context.data(), bits);
  if (!ptk) return ptk.error();
  return splitPtk(*ptk, profile->kckBytes, profile->kekBytes, *tkBytes, kdkBytes);
}

}  // namespace rs::crypto
