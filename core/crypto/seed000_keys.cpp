// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/seed000_keys.h"

#include <algorithm>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/hash_mac.h"
#include "core/crypto/ieee80211_prf.h"

namespace rs::crypto::seed000 {
namespace {

bool lessThan(ByteView a, ByteView b) { return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end()); }

Result<bool> checkNonces(ByteView anonce, ByteView snonce) {
  if (anonce.size() != kNonceBytes || snonce.size() != kNonceBytes)
    return makeError(ErrorCode::InvalidArgument, "seed-000 nonces are 32 octets");
  return true;
}

}  // namespace

Result<Ptk> derivePtk(ByteView pmk, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce) {
  if (pmk.size() != 32) return makeError(ErrorCode::InvalidArgument, "seed-000 PMK must be 32 octets");
  if (auto ok = checkNonces(anonce, snonce); !ok) return ok.error();
  const ByteView aaView = aa.view();
  const ByteView spaView = spa.view();
  const bool aaFirst = lessThan(aaView, spaView);
  const bool aFirst = lessThan(anonce, snonce);
  Bytes context;
  context.reserve(12 + 64);
  for (ByteView part : {aaFirst ? aaView : spaView, aaFirst ? spaView : aaView, aFirst ? anonce : snonce,
                        aFirst ? snonce : anonce})
    context.insert(context.end(), part.begin(), part.end());
  auto ptk = kdfHashLength(HashAlgorithm::Sha256, pmk, kPtkLabel, context, 8 * (kKckBytes + kKekBytes + kTkBytes));
  if (!ptk) return ptk.error();
  return splitPtk(*ptk, kKckBytes, kKekBytes, kTkBytes, 0);
}

Result<Bytes> ptkId(ByteView kck, MacAddress aa, MacAddress spa, ByteView anonce, ByteView snonce) {
  if (kck.size() != kKckBytes) return makeError(ErrorCode::InvalidArgument, "seed-000 KCK must be 16 octets");
  if (auto ok = checkNonces(anonce, snonce); !ok) return ok.error();
  auto mac = hmac(HashAlgorithm::Sha256, kck, {asView(kPtkIdLabel), aa.view(), spa.view(), anonce, snonce});
  if (!mac) return mac.error();
  mac->resize(kPtkIdBytes);
  return std::move(*mac);
}

Result<Bytes> messageMic(ByteView kck, MacAddress spa, MacAddress bssid, ByteView actionBody) {
  if (kck.size() != kKckBytes) return makeError(ErrorCode::InvalidArgument, "seed-000 KCK must be 16 octets");
  if (actionBody.size() < kMicBytes)
    return makeError(ErrorCode::Malformed, "seed-000 action body shorter than its MIC");
  const std::size_t covered = actionBody.size() - kMicBytes;
  const Bytes zeroMic(kMicBytes, 0);
  const ByteView parts[] = {spa.view(), bssid.view(), actionBody.first(covered), zeroMic};
  return aesCmac(kck, parts);
}

Result<bool> verifyMessageMic(ByteView kck, MacAddress spa, MacAddress bssid, ByteView actionBody) {
  auto mic = messageMic(kck, spa, bssid, actionBody);
  if (!mic) return mic.error();
  return constantTimeEquals(*mic, actionBody.last(kMicBytes));
}

Result<Bytes> wrapGtk(ByteView kek, ByteView gtk) {
  if (kek.size() != kKekBytes) return makeError(ErrorCode::InvalidArgument, "seed-000 KEK must be 16 octets");
  if (gtk.size() < 16 || gtk.size() % 8 != 0 || gtk.size() > 32)
    return makeError(ErrorCode::InvalidArgument, "seed-000 GTK must be 16, 24 or 32 octets");
  return aesKeyWrap(kek, gtk);
}

Result<SecretBytes> unwrapGtk(ByteView kek, ByteView wrappedGtk) {
  if (kek.size() != kKekBytes) return makeError(ErrorCode::InvalidArgument, "seed-000 KEK must be 16 octets");
  if (wrappedGtk.size() < 24 || wrappedGtk.size() % 8 != 0 || wrappedGtk.size() > 40)
    return makeError(ErrorCode::Malformed, "seed-000 wrapped GTK must be 24, 32 or 40 octets");
  return aesKeyUnwrap(kek, wrappedGtk);
}

}  // namespace rs::crypto::seed000
