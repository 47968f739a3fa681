// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/handshake_tracker.h"

#include <algorithm>

#include "core/analysis/frame_decryptor.h"
#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/eapol_mic.h"
#include "core/crypto/pmkid.h"
#include "core/crypto/rc4.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/inet/llc.h"

namespace rs {

namespace {

constexpr std::uint8_t kElementSsid = 0;
constexpr std::uint8_t kElementRsn = 48;
constexpr std::uint8_t kElementVendor = 221;
constexpr std::uint32_t kWfaOui = 0x0050f2;

// The station's security choice: AKM and pairwise cipher of an RSNE or WPA element.
struct SecurityChoice {
  int akm = 0;
  int cipher = 0;
};

std::optional<SecurityChoice> choiceFromElements(ByteView elements) {
  if (auto rsn = ieee80211::findElement(elements, kElementRsn)) {
    if (auto rsne = ieee80211::parseRsne(rsn->data)) {
      SecurityChoice c;
      if (rsne->akmSuites && !rsne->akmSuites->empty()) c.akm = rsne->akmSuites->front().type;
      if (rsne->pairwiseCiphers && !rsne->pairwiseCiphers->empty()) c.cipher = rsne->pairwiseCiphers->front().type;
      return c;
    }
  }
  if (auto wpa = ieee80211::findVendorElement(elements, kWfaOui, 1)) {
    if (auto w = ieee80211::parseWpaElement(wpa->data)) {
      SecurityChoice c;
      // WPA1 suites live under 00-50-F2 with the same type numbers (1 = 802.1X, 2 = PSK; 2 = TKIP, 4 = CCMP).
      if (w->akmSuites && !w->akmSuites->empty()) c.akm = w->akmSuites->front().type;
      if (w->pairwiseCiphers && !w->pairwiseCiphers->empty()) c.cipher = w->pairwiseCiphers->front().type;
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace

void HandshakeTracker::observe(const FrameView& frame) {
  radius_.observe(frame);  // wired RADIUS frames: recover MSKs (PMKs) first
  const ByteView wlan = locateIeee80211(frame.linkType, frame.data);
  if (wlan.empty()) return;
  const auto header = parseMacHeader(wlan);
  if (!header) return;
  if (header->isManagement()) return observeManagement(frame, wlan);
  if (!header->isData() || header->isNullData() || header->amsduPresent()) return;

  // Group key handshakes (and re-keying 4-way handshakes) travel protected
  // under the current PTK: decrypt them with the keys found so far.
  std::optional<DecryptedFrame> plain;
  ByteView msdu = wlan.subspan(header->bodyOffset());
  if (header->isProtected()) {
    plain = decryptFrame(*this, wlan, frame.index);
    if (!plain && temporalKeys_.learn(keys_, *header, wlan, frame.index))
      plain = decryptFrame(*this, wlan, frame.index);  // a user TK found for this pair now
    if (!plain) return;
    msdu = plain->msdu;
  }
  const auto llc = inet::parseLlcSnap(msdu);
  if (!llc || (llc->etherType != 0x888e)) return;
  const ByteView eapol = msdu.subspan(llc->payloadOffset);
  if (eapol.size() < 5 || eapol[1] != 3) return;  // EAPOL-Key only

  // The authenticator is the AP: the BSSID. Frames between two stations (IBSS,
  // WDS) use the transmitter/receiver pair.
  const auto bssid = header->bssid();
  const auto ta = header->ta();
  const auto ra = header->ra();
  if (!ta || !ra) return;
  const MacAddress aa = bssid ? *bssid : *ta;
  const MacAddress sta = *ta == aa ? *ra : *ta;
  observeEapolKey(frame, aa, sta, eapol);
}

void HandshakeTracker::observeManagement(const FrameView& frame, ByteView wlan) {
  const auto header = parseMacHeader(wlan);
  const ByteView body = wlan.subspan(header->bodyOffset());
  const auto bssid = header->bssid();
  const auto sa = header->sa();
  if (!bssid || !sa) return;
  ByteView elements;
  bool stationRequest = false;
  switch (header->subtype) {
    case ieee80211::mgmt::Beacon:
    case ieee80211::mgmt::ProbeResponse:
      if (auto b = ieee80211::parseBeaconBody(body)) elements = b->elements;
      break;
    case ieee80211::mgmt::AssociationRequest:
    case ieee80211::mgmt::ReassociationRequest:
      if (auto a = ieee80211::parseAssociationRequestBody(
              body, header->subtype == ieee80211::mgmt::ReassociationRequest)) {
        elements = a->elements;
        stationRequest = true;
      }
      break;
    case ieee80211::mgmt::Authentication:
    case ieee80211::mgmt::AssociationResponse:
    case ieee80211::mgmt::ReassociationResponse: return observeFtManagement(frame, *header, body);
    default: return;
  }
  if (elements.empty()) return;
  if (auto ssidElement = ieee80211::findElement(elements, kElementSsid)) {
    // Hidden networks beacon an empty or zeroed SSID; keep the real one from probes/associations.
    const ByteView ssid = ssidElement->data;
    const bool hidden = std::all_of(ssid.begin(), ssid.end(), [](std::uint8_t b) { return b == 0; });
    if (!hidden) ssids_[*bssid] = toBytes(ssid);
  }
  const auto choice = choiceFromElements(elements);
  if (!choice) return;
  if (!stationRequest) {
    bssAkm_[*bssid] = choice->akm;
    bssCipher_[*bssid] = choice->cipher;
    return;
  }
  PairState& pair = pairs_[{*bssid, *sa}];
  anomalies_.resetReplayCounter(*bssid, *sa);  // 12.7.2: the replay counter starts again with each (re)association
  pair.akm = choice->akm;
  pair.cipher = choice->cipher;
  ft_.noteElements(*bssid, *sa, elements);

  // PMKIDs in the station's RSNE name the PMKSA it wants to resume (12.6.10.3),
  // or for FT the PMK-R0/R1 (12.7.1.7.3/4).
  checkRsnePmkids(frame.index, elements, *bssid, *sa, choice->akm);
  if (header->subtype == ieee80211::mgmt::ReassociationRequest)
    if (auto ftKeys = ft_.observeReassociation(frame.index, true, *bssid, *sa, elements, pair.akm, pair.cipher,
                                                ssidOf(*bssid), candidatesFor(pair.akm, *bssid), ptksas_, gtksas_))
      pair.current = ftKeys;  // an FT roam installs its PTKSA without a 4-way handshake
}

void HandshakeTracker::observeFtManagement(const FrameView& frame, const MacHeader& header, ByteView body) {
  // FT authentication (algorithm 2, 13.5) and the (re)association response
  // carry MDE/FTE: the key holder identities the FT key hierarchy needs.
  const auto bssid = header.bssid();
  const auto sa = header.sa();
  const auto da = header.da();
  if (!bssid || !sa || !da) return;
  const MacAddress sta = *sa == *bssid ? *da : *sa;
  if (header.subtype == ieee80211::mgmt::Authentication) {
    const auto auth = ieee80211::parseAuthenticationBody(body);
    if (auth && auth->algorithm == ieee80211::auth_algorithm::FastBssTransition)
      ft_.noteElements(*bssid, sta, auth->trailer);
    return;
  }
  const auto response = ieee80211::parseAssociationResponseBody(body);
  if (!response) return;
  ft_.noteElements(*bssid, sta, response->elements);
  if (header.subtype != ieee80211::mgmt::ReassociationResponse) return;
  PairState& pair = pairs_[{*bssid, sta}];
  if (auto ftKeys = ft_.observeReassociation(frame.index, false, *bssid, sta, response->elements, pair.akm,
                                             pair.cipher, ssidOf(*bssid), candidatesFor(pair.akm, *bssid), ptksas_,
                                             gtksas_))
    pair.current = ftKeys;
}

void HandshakeTracker::checkRsnePmkids(std::uint64_t frameIndex, ByteView elements, const MacAddress& aa,
                                       const MacAddress& spa, int akm) {
  const auto rsn = ieee80211::findElement(elements, kElementRsn);
  if (!rsn) return;
  const auto rsne = ieee80211::parseRsne(rsn->data);
  if (!rsne || !rsne->pmkids || rsne->pmkids->empty()) return;
  // FT AKMs other than FT-PSK name keys this analysis does not derive.
  const auto profile = crypto::akmProfile(akm);
  if (profile && profile->fastTransition && !FtKeyTracker::follows(akm)) return;
  if (candidatesFor(akm, aa).empty()) return;
  auto& checks = rsnePmkidChecks_[frameIndex];
  for (std::size_t i = 0; i < rsne->pmkids->size(); ++i)
    checks.push_back(PmkidCheck{frameIndex, i, pmkidMatchesAKey(akm, (*rsne->pmkids)[i], aa, spa)});
}

bool HandshakeTracker::pmkidMatchesAKey(int akm, ByteView pmkid, const MacAddress& aa, const MacAddress& spa) {
  const auto ssid = ssidOf(aa);
  if (FtKeyTracker::follows(akm)) {
    if (!ssid) return false;
    for (const PmkCandidate* c : candidatesFor(akm, aa))
      if (ft_.namesKey(akm, c->pmk, *ssid, aa, spa, pmkid)) return true;
    return false;
  }
  for (const PmkCandidate* c : candidatesFor(akm, aa)) {
    auto expected = crypto::pmkid(akm, c->pmk, aa, spa);
    if (expected && crypto::constantTimeEquals(*expected, pmkid)) return true;
  }
  return false;
}

void HandshakeTracker::observeEapolKey(const FrameView& frame, const MacAddress& aa, const MacAddress& spa,
                                       ByteView eapol) {
  PairState& pair = pairs_[{aa, spa}];
  if (pair.akm == 0) {
    auto it = bssAkm_.find(aa);
    if (it != bssAkm_.end()) pair.akm = it->second;
  }
  const std::size_t micLength = crypto::eapolMicLength(pair.akm);
  const auto msg = eapol::parseEapolKey(eapol, micLength);
  if (!msg) return;
  using eapol::KeyMessage;
  const int descriptorVersion = msg->keyInfo.descriptorVersion();
  const bool keyDataEncrypted = msg->keyInfo.encryptedKeyData();
  KeyFrameCheck& check = checks_[frame.index];
  check.message = msg->message;
  anomalies_.observe(aa, spa, *msg, frame.index, check.anomalies, check.retransmission);

  // The station's RSNE in message 2 fixes the AKM and cipher when no association request was captured.
  if (msg->message == KeyMessage::Pairwise2 && !keyDataEncrypted) {
    ft_.noteElements(aa, spa, msg->keyData);  // FT: message 2 repeats MDE and FTE (13.4.2)
    if (auto choice = choiceFromElements(msg->keyData)) {
      if (pair.akm == 0) pair.akm = choice->akm;
      if (pair.cipher == 0) pair.cipher = choice->cipher;
      checkRsnePmkids(frame.index, msg->keyData, aa, spa, pair.akm);
    }
  }
  if (pair.cipher == 0) {
    auto it = bssCipher_.find(aa);
    if (it != bssCipher_.end()) pair.cipher = it->second;
  }
  if (pair.akm == 0) pair.akm = crypto::akm::Psk;  // pre-RSN APs: the key descriptor version says the rest
  if (pair.cipher == 0 && msg->keyLength) pair.cipher = msg->keyLength == 32 ? crypto::cipher::Tkip : crypto::cipher::Ccmp128;

  const auto akmProfile = crypto::akmProfile(pair.akm);
  if (akmProfile && akmProfile->fastTransition && !FtKeyTracker::follows(pair.akm)) {
    check.note = "FT AKM: keys come from the FT key hierarchy; only FT-802.1X and FT-PSK are followed";
    return;
  }
  const bool haveKeys = !candidatesFor(pair.akm, aa).empty();
  if (!haveKeys)
    check.note = FtKeyTracker::xxKeyFromMsk(pair.akm) ? "FT-802.1X: no MSK given" : "no passphrase or PMK for this network";

  switch (msg->message) {
    case KeyMessage::Pairwise1: {
      pair.anonceByReplay[msg->replayCounter] = toBytes(msg->nonce);
      // Bound the memory per station: a handful of retries is all a handshake needs.
      while (pair.anonceByReplay.size() > 8) pair.anonceByReplay.erase(pair.anonceByReplay.begin());
      if (auto kde = ieee80211::findKde(msg->keyData, ieee80211::kde::kPmkid); kde && !keyDataEncrypted) {
        if (auto pmkid = ieee80211::parsePmkidKde(kde->kdeData); pmkid && haveKeys)
          check.pmkidValid = pmkidMatchesAKey(pair.akm, *pmkid, aa, spa);
      }
      return;
    }
    case KeyMessage::Pairwise2: {
      PendingM2 m2{frame.index, msg->replayCounter, toBytes(msg->nonce), toBytes(msg->frame), descriptorVersion};
      auto anonce = pair.anonceByReplay.find(msg->replayCounter);
      if (anonce == pair.anonceByReplay.end()) {
        pair.m2 = std::move(m2);  // wait for message 3's ANonce
        if (haveKeys) check.note = "message 1 not captured: checked when message 3 arrives";
        return;
      }
      if (!haveKeys) return;
      pair.current = establish(pair, aa, spa, m2, anonce->second, frame.index);
      // A message 1 with this replay counter may belong to an earlier attempt
      // (its ANonce stale): keep message 2 so message 3's ANonce can be tried.
      if (pair.current && ptksas_[*pair.current].verified)
        pair.m2.reset();
      else
        pair.m2 = std::move(m2);
      if (pair.current) {
        check.ptksa = pair.current;
        check.micValid = ptksas_[*pair.current].verified;
        check.note.clear();
      }
      return;
    }
    case KeyMessage::Pairwise3: {
      if (!haveKeys) return;
      // Message 2 still waiting: message 3 carries the handshake's ANonce (12.7.6.4).
      if (pair.m2) {
        const auto retried = establish(pair, aa, spa, *pair.m2, msg->nonce, pair.m2->frame);
        const bool retriedVerified = retried && ptksas_[*retried].verified;
        if (retried && (retriedVerified || !pair.current)) {
          pair.current = retried;
          KeyFrameCheck& m2check = checks_[pair.m2->frame];
          m2check.ptksa = pair.current;
          m2check.micValid = retriedVerified;
          m2check.note.clear();
        }
        pair.m2.reset();
      }
      if (!pair.current) {
        check.note = "message 2 not captured: no SNonce to derive the PTK";
        return;
      }
      const Ptksa& sa = ptksas_[*pair.current];
      check.ptksa = pair.current;
      check.micValid = verifyWith(sa, descriptorVersion, msg->frame);
      if (*check.micValid && keyDataEncrypted)
        unwrapGroupKey(sa, descriptorVersion, msg->iv, msg->keyLength, msg->keyData, aa, frame.index, check);
      return;
    }
    case KeyMessage::Pairwise4:
    case KeyMessage::Group1:
    case KeyMessage::Group2: {
      if (!haveKeys) return;
      if (!pair.current) {
        check.note = "no PTK for this station pair yet";
        return;
      }
      const Ptksa& sa = ptksas_[*pair.current];
      check.ptksa = pair.current;
      check.micValid = verifyWith(sa, descriptorVersion, msg->frame);
      if (msg->message == KeyMessage::Group1 && *check.micValid)
        unwrapGroupKey(sa, descriptorVersion, msg->iv, msg->keyLength, msg->keyData, aa, frame.index, check);
      return;
    }
  }
}

std::optional<std::size_t> HandshakeTracker::establish(PairState& pair, const MacAddress& aa,
                                                       const MacAddress& spa, const PendingM2& m2,
                                                       ByteView anonce, std::uint64_t frame) {
  // Try every candidate PMK; the one whose PTK verifies message 2's MIC wins.
  // When none does, keep the first candidate's PTK so the handshake's other
  // messages are reported as failing too (a wrong passphrase fails everywhere).
  // FT's initial mobility domain association derives the PTK from PMK-R1 (12.7.1.7.5).
  std::optional<Ptksa> fallback;
  const auto ssid = ssidOf(aa);
  const bool ft = FtKeyTracker::follows(pair.akm);
  const auto derive = [&](const PmkCandidate& c) -> crypto::Result<crypto::Ptk> {
    if (!ft) return crypto::derivePtk(pair.akm, c.pmk, aa, spa, anonce, m2.snonce, pair.cipher);
    if (!ssid) return crypto::makeError(crypto::ErrorCode::InvalidArgument, "FT: the SSID (part of PMK-R0) not seen");
    return ft_.initialPtk(pair.akm, pair.cipher, c.pmk, *ssid, aa, spa, anonce, m2.snonce);
  };
  for (const PmkCandidate* c : candidatesFor(pair.akm, aa)) {
    auto ptk = derive(*c);
    if (!ptk) continue;
    Ptksa sa;
    sa.aa = aa;
    sa.spa = spa;
    sa.akm = pair.akm;
    sa.cipher = pair.cipher;
    sa.keyDescriptorVersion = m2.keyDescriptorVersion;
    sa.pmkOrigin = c->origin;
    sa.pmk = c->pmk;
    sa.ptk = std::move(*ptk);
    sa.firstFrame = frame;
    sa.verified = verifyWith(sa, m2.keyDescriptorVersion, m2.eapol);
    if (sa.verified) {
      ptksas_.push_back(std::move(sa));
      return ptksas_.size() - 1;
    }
    if (!fallback) fallback = std::move(sa);
  }
  if (!fallback) return std::nullopt;
  ptksas_.push_back(std::move(*fallback));
  return ptksas_.size() - 1;
}

std::vector<const PmkCandidate*> HandshakeTracker::candidatesFor(int akm, const MacAddress& aa) {
  if (FtKeyTracker::xxKeyFromMsk(akm)) return keys_.xxKeyCandidates(akm);
  return keys_.candidates(ssidOf(aa));
}

bool HandshakeTracker::verifyWith(const Ptksa& sa, int keyDescriptorVersion, ByteView eapol) const {
  auto ok = crypto::verifyEapolKeyFrame(sa.akm, keyDescriptorVersion, sa.ptk.kck, eapol);
  return ok && *ok;
}

void HandshakeTracker::unwrapGroupKey(const Ptksa& sa, int keyDescriptorVersion, ByteView keyIv,
                                      std::uint16_t keyLength, ByteView keyData, const MacAddress& bssid,
                                      std::uint64_t frame, KeyFrameCheck& check) {
  Gtksa g;
  g.bssid = bssid;
  g.frame = frame;
  if (keyDescriptorVersion == 1) {
    // 12.7.2 b.1: version 1 encrypts Key Data with RC4, key = IV || KEK, first 256 octets discarded.
    // WPA1 group messages carry the bare GTK (Key Length octets), its index in Key Info.
    auto plain = crypto::eapolKeyDataRc4(keyIv, sa.ptk.kek, keyData);
    if (!plain) return;
    g.gtk = crypto::SecretBytes(ByteView(*plain).first(std::min<std::size_t>(keyLength, plain->size())));
    g.cipher = keyLength == 32 ? crypto::cipher::Tkip : crypto::cipher::Ccmp128;
  } else {
    auto plain = crypto::aesKeyUnwrap(sa.ptk.kek, keyData);
    if (!plain) {
      check.note = "key data did not unwrap with the KEK";
      return;
    }
    auto kde = ieee80211::findKde(plain->view(), ieee80211::kde::kGtk);
    if (!kde) return;
    auto gtk = ieee80211::parseGtkKde(kde->kdeData);
    if (!gtk) return;
    g.keyId = gtk->keyId;
    g.gtk = crypto::SecretBytes(gtk->gtk);
    g.cipher = g.gtk.size() == 32 ? crypto::cipher::Tkip : crypto::cipher::Ccmp128;
  }
  if (keyDescriptorVersion == 1) g.keyId = 0;
  gtksas_.push_back(std::move(g));
  check.gtksa = gtksas_.size() - 1;
}

KeyCheckSummary HandshakeTracker::summary() const {
  KeyCheckSummary s;
  for (const auto& [frame, c] : checks_) {
    if (c.micValid) {
      ++s.micChecked;
      s.micValid += *c.micValid;
    }
    if (c.pmkidValid) {
      ++s.pmkidChecked;
      s.pmkidValid += *c.pmkidValid;
    }
  }
  for (const auto& [frame, c] : ft_.micChecks()) {
    if (!c.micValid) continue;
    ++s.micChecked;
    s.micValid += *c.micValid;
  }
  for (const auto& [frame, list] : rsnePmkidChecks_) {
    s.pmkidChecked += list.size();
    for (const auto& c : list) s.pmkidValid += c.valid;
  }
  s.handshakes = ptksas_.size();
  for (const auto& p : ptksas_) s.verifiedHandshakes += p.verified;
  s.groupKeys = gtksas_.size();
  for (const auto& [frame, c] : checks_) {
    s.anomalies += c.anomalies.size();
    s.retransmissions += c.retransmission;
  }
  return s;
}

const KeyFrameCheck* HandshakeTracker::check(std::uint64_t frameIndex) const {
  auto it = checks_.find(frameIndex);
  return it == checks_.end() ? nullptr : &it->second;
}

const std::vector<PmkidCheck>* HandshakeTracker::rsnePmkidChecks(std::uint64_t frameIndex) const {
  auto it = rsnePmkidChecks_.find(frameIndex);
  return it == rsnePmkidChecks_.end() ? nullptr : &it->second;
}

std::vector<const Ptksa*> HandshakeTracker::pairwiseKeysAt(const MacAddress& aa, const MacAddress& spa,
                                                           std::uint64_t frameIndex) const {
  std::vector<const Ptksa*> out;
  for (auto it = ptksas_.rbegin(); it != ptksas_.rend(); ++it)
    if (it->verified && it->aa == aa && it->spa == spa && it->firstFrame <= frameIndex) out.push_back(&*it);
  return out;
}

std::vector<const Gtksa*> HandshakeTracker::groupKeysAt(const MacAddress& bssid, std::uint64_t frameIndex) const {
  std::vector<const Gtksa*> out;
  for (auto it = gtksas_.rbegin(); it != gtksas_.rend(); ++it)
    if (it->bssid == bssid && it->frame <= frameIndex) out.push_back(&*it);
  return out;
}

std::optional<Bytes> HandshakeTracker::ssidOf(const MacAddress& bssid) const {
  auto it = ssids_.find(bssid);
  if (it == ssids_.end()) return std::nullopt;
  return it->second;
}

}  // namespace rs
