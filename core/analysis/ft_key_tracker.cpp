// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/ft_key_tracker.h"

#include <algorithm>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/ft_mic.h"
#include "core/crypto/secret_bytes.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/ft_elements.h"

namespace rs {

namespace {

constexpr std::uint8_t kElementRsn = 48;
constexpr std::uint8_t kElementMde = 54;
constexpr std::uint8_t kElementFte = 55;
// The MIC of an FT reassociation covers RSNE, MDE and FTE (13.8.4); more
// elements mean a RIC (resource requests), which hostapd/wpa_supplicant do not send.
constexpr std::uint8_t kMicElementsWithoutRic = 3;

// A whole element (ID, Length, information) as it sits in the list.
ByteView wholeElement(ByteView list, const ieee80211::ElementView& e) { return list.subspan(e.offset, e.totalLength()); }

}  // namespace

bool FtKeyTracker::follows(int akm) { return akm == crypto::akm::FtPsk || akm == crypto::akm::FtIeee8021x; }

bool FtKeyTracker::xxKeyFromMsk(int akm) {
  return akm == crypto::akm::FtIeee8021x || akm == crypto::akm::FtIeee8021xSha384;
}

void FtKeyTracker::noteElements(const MacAddress& aa, const MacAddress& spa, ByteView elements) {
  const auto mde = ieee80211::findElement(elements, kElementMde);
  const auto fteElement = ieee80211::findElement(elements, kElementFte);
  if (!mde && !fteElement) return;
  PairContext& ctx = pairs_[{aa, spa}];
  if (mde && mde->data.size() >= 2) ctx.mdid = toBytes(mde->data.first(2));
  if (!fteElement) return;
  const auto fte = ieee80211::parseFte(fteElement->data);
  if (!fte) return;
  if (auto r0 = fte->r0khId(); r0 && !r0->empty()) ctx.r0khId = toBytes(*r0);
  if (auto r1 = fte->r1khId(); r1 && r1->size() == 6) ctx.r1khId = MacAddress::fromView(*r1);
}

crypto::Result<crypto::Ptk> FtKeyTracker::ptkFor(int akm, int cipher, ByteView xxKey, ByteView ssid,
                                                 const MacAddress& aa, const MacAddress& spa,
                                                 const PairContext& ctx, ByteView anonce, ByteView snonce) const {
  if (ctx.mdid.size() != 2 || ctx.r0khId.empty())
    return crypto::makeError(crypto::ErrorCode::InvalidArgument, "FT: MDID or R0KH-ID of the pair not captured");
  // S0KH-ID and S1KH-ID are the station's address (12.7.1.7.3/4).
  auto r0 = crypto::derivePmkR0(akm, xxKey, ssid, ctx.mdid, ctx.r0khId, spa);
  if (!r0) return r0.error();
  auto r1 = crypto::derivePmkR1(akm, r0->pmkR0, r0->pmkR0Name, ctx.r1khId.value_or(aa), spa);
  if (!r1) return r1.error();
  auto ptk = crypto::derivePtkFt(akm, r1->pmkR1, r1->pmkR1Name, snonce, anonce, aa, spa, cipher);
  if (!ptk) return ptk.error();
  return std::move(ptk->ptk);
}

crypto::Result<crypto::Ptk> FtKeyTracker::initialPtk(int akm, int cipher, ByteView xxKey, ByteView ssid,
                                                     const MacAddress& aa, const MacAddress& spa, ByteView anonce,
                                                     ByteView snonce) const {
  auto it = pairs_.find({aa, spa});
  if (it == pairs_.end())
    return crypto::makeError(crypto::ErrorCode::InvalidArgument, "FT: no MDE/FTE captured for the pair");
  return ptkFor(akm, cipher, xxKey, ssid, aa, spa, it->second, anonce, snonce);
}

bool FtKeyTracker::namesKey(int akm, ByteView xxKey, ByteView ssid, const MacAddress& aa, const MacAddress& spa,
                            ByteView pmkid) const {
  auto it = pairs_.find({aa, spa});
  if (it == pairs_.end() || it->second.mdid.size() != 2 || it->second.r0khId.empty()) return false;
  const PairContext& ctx = it->second;
  auto r0 = crypto::derivePmkR0(akm, xxKey, ssid, ctx.mdid, ctx.r0khId, spa);
  if (!r0) return false;
  if (crypto::constantTimeEquals(r0->pmkR0Name, pmkid)) return true;
  auto r1 = crypto::derivePmkR1(akm, r0->pmkR0, r0->pmkR0Name, ctx.r1khId.value_or(aa), spa);
  return r1 && crypto::constantTimeEquals(r1->pmkR1Name, pmkid);
}

std::optional<std::size_t> FtKeyTracker::observeReassociation(std::uint64_t frame, bool request, const MacAddress& aa,
                                                              const MacAddress& spa, ByteView elements, int akm,
                                                              int cipher, const std::optional<Bytes>& ssid,
                                                              const std::vector<const PmkCandidate*>& candidates,
                                                              std::vector<Ptksa>& ptksas,
                                                              std::vector<Gtksa>& gtksas) {
  const auto fteElement = ieee80211::findElement(elements, kElementFte);
  if (!fteElement) return std::nullopt;
  const auto fte = ieee80211::parseFte(fteElement->data);
  // An FTE without a MIC (element count 0) is an initial mobility domain association.
  if (!fte || fte->elementCount() == 0) return std::nullopt;
  noteElements(aa, spa, elements);
  PairContext& ctx = pairs_[{aa, spa}];
  FtMicCheck& check = checks_[frame];
  check.request = request;
  if (!follows(akm)) {
    check.note = "FT AKM: only FT-802.1X and FT-PSK (00-0F-AC:3, 4) keys are followed";
    return std::nullopt;
  }
  if (!ssid || candidates.empty()) {
    check.note = !ssid ? "SSID of the network not seen"
                 : xxKeyFromMsk(akm) ? "FT-802.1X: no MSK given"
                                     : "no passphrase or PMK for this network";
    return std::nullopt;
  }
  const auto rsne = ieee80211::findElement(elements, kElementRsn);
  const auto mde = ieee80211::findElement(elements, kElementMde);
  if (!rsne || !mde) {
    check.note = "RSNE or MDE missing: the FTE MIC cannot be computed";
    return std::nullopt;
  }
  if (fte->elementCount() != kMicElementsWithoutRic) {
    check.note = "FTE MIC covers a RIC: not checked";
    return std::nullopt;
  }
  const std::uint8_t transaction =
      request ? crypto::ft_transaction::kReassociationRequest : crypto::ft_transaction::kReassociationResponse;
  const auto verify = [&](const Ptksa& sa) {
    auto ok = crypto::verifyFtMic(sa.ptk.kck, spa, aa, transaction, wholeElement(elements, *rsne),
                                  wholeElement(elements, *mde), wholeElement(elements, *fteElement));
    return ok && *ok;
  };

  if (!request) {
    if (!ctx.roamPtksa) {
      check.note = "reassociation request not captured: no PTK for this FT roam";
      return std::nullopt;
    }
    const Ptksa& sa = ptksas[*ctx.roamPtksa];
    check.ptksa = ctx.roamPtksa;
    check.micValid = verify(sa);
    if (*check.micValid) unwrapFteGtk(sa, fteElement->data, aa, frame, gtksas, check);
    return ctx.roamPtksa;
  }

  // The request's FTE repeats both nonces of the FT authentication (13.8.4).
  // Like the 4-way handshake: the candidate whose PTK verifies the MIC wins;
  // when none does, the first candidate's keys stand so the response fails too.
  std::optional<Ptksa> chosen;
  for (const PmkCandidate* c : candidates) {
    auto ptk = ptkFor(akm, cipher, c->pmk, *ssid, aa, spa, ctx, fte->anonce, fte->snonce);
    if (!ptk) continue;
    Ptksa sa;
    sa.aa = aa;
    sa.spa = spa;
    sa.akm = akm;
    sa.cipher = cipher;
    sa.keyDescriptorVersion = 3;  // AES-128-CMAC EAPOL-Key MICs for FT-802.1X and FT-PSK (12.7.2)
    sa.pmkOrigin = c->origin;
    sa.pmk = c->pmk;
    sa.ptk = std::move(*ptk);
    sa.firstFrame = frame;
    sa.verified = verify(sa);
    const bool verified = sa.verified;
    if (verified || !chosen) chosen = std::move(sa);
    if (verified) break;
  }
  if (!chosen) {
    check.note = "the FT key hierarchy could not be derived for this pair";
    return std::nullopt;
  }
  check.micValid = chosen->verified;
  ptksas.push_back(std::move(*chosen));
  ctx.roamPtksa = ptksas.size() - 1;
  check.ptksa = ctx.roamPtksa;
  return ctx.roamPtksa;
}

void FtKeyTracker::unwrapFteGtk(const Ptksa& sa, ByteView fteInformation, const MacAddress& bssid,
                                std::uint64_t frame, std::vector<Gtksa>& gtksas, FtMicCheck& check) const {
  const auto fte = ieee80211::parseFte(fteInformation);
  if (!fte) return;
  const auto gtk = fte->gtk();
  if (!gtk) return;
  // 9.4.2.48: the GTK subelement's key is AES-key-wrapped with the KEK, padded to at least 16 octets.
  auto plain = crypto::aesKeyUnwrap(sa.ptk.kek, gtk->wrappedKey);
  if (!plain || plain->size() < gtk->keyLength) {
    check.note = "GTK subelement did not unwrap with the KEK";
    return;
  }
  Gtksa g;
  g.bssid = bssid;
  g.keyId = gtk->keyId();
  g.gtk = crypto::SecretBytes(plain->view().first(gtk->keyLength));
  g.cipher = gtk->keyLength == 32 ? crypto::cipher::Tkip : crypto::cipher::Ccmp128;
  g.frame = frame;
  gtksas.push_back(std::move(g));
  check.gtksa = gtksas.size() - 1;
}

const FtMicCheck* FtKeyTracker::micCheck(std::uint64_t frame) const {
  auto it = checks_.find(frame);
  return it == checks_.end() ? nullptr : &it->second;
}

}  // namespace rs
