// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/frame_decryptor.h"

#include "core/crypto/akm_suite.h"
#include "core/crypto/ccmp.h"
#include "core/crypto/tkip.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs {
namespace {

// TKIP and CCMP share the 8-octet security header; bit 5 of octet 3 (ExtIV) is
// set in both. TKIP's octet 1 is (TSC1 | 0x20) & 0x7f (the WEP seed rule of
// 12.5.2.2), CCMP's octet 2 is reserved zero: enough to tell them apart when
// the handshake did not tell us.
int guessCipher(ByteView securityHeader) {
  if (securityHeader.size() < 4) return 0;
  if ((securityHeader[1] == ((securityHeader[0] | 0x20) & 0x7f))) return crypto::cipher::Tkip;
  return crypto::cipher::Ccmp128;
}

std::optional<DecryptedFrame> tryKey(int cipher, ByteView tk, ByteView mpdu) {
  DecryptedFrame out;
  if (cipher == crypto::cipher::Tkip) {
    if (tk.size() != 32) return std::nullopt;
    auto r = crypto::tkipDecrypt(tk, mpdu);
    if (!r) return std::nullopt;
    out.msdu = std::move(r->plaintext);
    out.packetNumber = r->packetNumber;
    out.cipher = "TKIP";
    return out;
  }
  if (tk.size() != 16) return std::nullopt;
  auto r = crypto::ccmpDecrypt(tk, mpdu);
  if (!r) return std::nullopt;
  out.msdu = std::move(r->plaintext);
  out.packetNumber = r->packetNumber;
  out.cipher = "CCMP";
  return out;
}

}  // namespace

namespace {

// The TK the pass found for the frame's pair or BSS (temporal_key_matcher.h).
std::optional<DecryptedFrame> decryptWithUserTk(const HandshakeTracker& keys, const MacHeader& header, ByteView mpdu,
                                                std::uint64_t frameIndex) {
  const auto scope = temporalKeyScope(header);
  if (!scope) return std::nullopt;
  const KeyRing::TemporalKey* tk = keys.temporalKeyFor(*scope, frameIndex);
  if (!tk) return std::nullopt;
  auto d = decryptWithTemporalKey(tk->tk, mpdu);
  if (d) d->temporalKey = tk;
  return d;
}

}  // namespace

std::optional<DecryptedFrame> decryptWithTemporalKey(ByteView tk, ByteView mpdu) {
  const auto header = parseMacHeader(mpdu);
  if (!header) return std::nullopt;
  const ByteView securityHeader = mpdu.subspan(std::min(header->bodyOffset(), mpdu.size()));
  return tryKey(tk.size() == 32 ? crypto::cipher::Tkip : guessCipher(securityHeader), tk, mpdu);
}

std::optional<DecryptedFrame> decryptFrame(const HandshakeTracker& keys, ByteView mpdu, std::uint64_t frameIndex) {
  const auto header = parseMacHeader(mpdu);
  if (!header || !header->isData() || !header->isProtected() || header->isNullData()) return std::nullopt;
  const auto bssid = header->bssid();
  const auto ra = header->ra();
  const auto ta = header->ta();
  if (!ra || !ta) return std::nullopt;
  const ByteView securityHeader = mpdu.subspan(std::min(header->bodyOffset(), mpdu.size()));

  if (ra->isGroup()) {
    // Group-addressed: the AP's GTK. From DS frames name the BSSID in Address 2.
    const MacAddress bss = bssid ? *bssid : *ta;
    for (const Gtksa* g : keys.groupKeysAt(bss, frameIndex)) {
      const int cipher = g->cipher ? g->cipher : guessCipher(securityHeader);
      if (auto d = tryKey(cipher, g->gtk, mpdu)) {
        d->gtksa = g;
        return d;
      }
    }
    return decryptWithUserTk(keys, *header, mpdu, frameIndex);
  }
  // Unicast: the PTKSA of (AP, station), whichever direction the frame went.
  const MacAddress aa = bssid ? *bssid : *ta;
  const MacAddress spa = *ta == aa ? *ra : *ta;
  for (const Ptksa* p : keys.pairwiseKeysAt(aa, spa, frameIndex)) {
    const int cipher = p->cipher ? p->cipher : guessCipher(securityHeader);
    if (auto d = tryKey(cipher, p->ptk.tk, mpdu)) {
      d->ptksa = p;
      return d;
    }
  }
  return decryptWithUserTk(keys, *header, mpdu, frameIndex);
}

}  // namespace rs
