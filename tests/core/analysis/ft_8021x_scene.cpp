// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/analysis/ft_8021x_scene.h"

#include <algorithm>
#include <random>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/ccmp.h"
#include "core/crypto/eapol_mic.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/ft_mic.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/elements/kde.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/llc.h"

namespace rs::test {
namespace {

using namespace ieee80211;
using crypto::Result;

constexpr std::uint16_t kCapabilities = 0x0431;
constexpr std::uint16_t kMdid = 0x1234;
constexpr int kAkm = crypto::akm::FtIeee8021x;
constexpr int kCcmp = crypto::cipher::Ccmp128;
// Key descriptor version 3: AES-128-CMAC MICs and AES key wrap (12.7.2, FT AKMs).
constexpr std::uint16_t kKeyInfoM1 = eapol::keyinfo::kPairwise | eapol::keyinfo::kAck | 3;
constexpr std::uint16_t kKeyInfoM2 = eapol::keyinfo::kPairwise | eapol::keyinfo::kMic | 3;
constexpr std::uint16_t kKeyInfoM3 = eapol::keyinfo::kPairwise | eapol::keyinfo::kInstall | eapol::keyinfo::kAck |
                                     eapol::keyinfo::kMic | eapol::keyinfo::kSecure |
                                     eapol::keyinfo::kEncryptedKeyData | 3;
constexpr std::uint16_t kKeyInfoM4 = eapol::keyinfo::kPairwise | eapol::keyinfo::kMic | eapol::keyinfo::kSecure | 3;

Bytes concat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

template <std::size_t N>
std::array<std::uint8_t, N> randomArray(std::mt19937_64& rng) {
  std::array<std::uint8_t, N> a{};
  for (auto& b : a) b = static_cast<std::uint8_t>(rng());
  return a;
}

Bytes rsne(std::optional<ByteView> pmkid) {
  RsnElement r;
  r.groupCipher = SuiteSelector{kIeee80211Oui, 4};
  r.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
  r.akmSuites = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, static_cast<std::uint8_t>(kAkm)}};
  r.capabilities = 0;
  if (pmkid) {
    Pmkid p{};
    std::copy_n(pmkid->begin(), std::min<std::size_t>(16, pmkid->size()), p.begin());
    r.pmkids = std::vector<Pmkid>{p};
  }
  return buildRsne(r);
}

Bytes mde() { return buildMde(MobilityDomainElement{kMdid, 0}); }

struct FtKeys {
  crypto::PmkR0 r0;
  crypto::PmkR1 r1;
  crypto::FtPtk ptk;
};

Result<FtKeys> ftKeys(ByteView xxKey, const std::string& ssid, ByteView r0khId, const MacAddress& ap,
                      const MacAddress& sta, ByteView anonce, ByteView snonce) {
  const Bytes ssidBytes(ssid.begin(), ssid.end());
  const Bytes mdid{static_cast<std::uint8_t>(kMdid & 0xff), static_cast<std::uint8_t>(kMdid >> 8)};
  auto r0 = crypto::derivePmkR0(kAkm, xxKey, ssidBytes, mdid, r0khId, sta);
  if (!r0) return r0.error();
  // R1KH-ID = the AP's BSSID, as hostapd does by default.
  auto r1 = crypto::derivePmkR1(kAkm, r0->pmkR0, r0->pmkR0Name, ap, sta);
  if (!r1) return r1.error();
  auto ptk = crypto::derivePtkFt(kAkm, r1->pmkR1, r1->pmkR1Name, snonce, anonce, ap, sta, kCcmp);
  if (!ptk) return ptk.error();
  return FtKeys{std::move(*r0), std::move(*r1), std::move(*ptk)};
}

Result<Bytes> signedKey(const eapol::EapolKeyFields& fields, ByteView kck) {
  Bytes pdu = eapol::buildEapolKey(fields);
  if (kck.empty()) return pdu;
  auto mic = crypto::eapolKeyMic(kAkm, 3, kck, pdu);
  if (!mic) return mic.error();
  std::copy(mic->begin(), mic->end(), pdu.begin() + eapol::kKeyMicOffset);
  return pdu;
}

// An FTE carrying the key holder identities (and a GTK subelement when given).
FastBssTransitionElement fteWith(ByteView r0khId, const MacAddress& r1khId) {
  FastBssTransitionElement f;
  f.subelements.push_back(makeR1khIdSubelement(r1khId));
  f.subelements.push_back(makeR0khIdSubelement(r0khId));
  return f;
}

}  // namespace

Result<Ft8021xScene> buildFt8021xScene(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Ft8021xScene s;
  for (int i = 0; i < 64; ++i) s.msk.push_back(static_cast<std::uint8_t>(rng()));
  auto xxKey = crypto::xxKeyFromMsk(kAkm, s.msk);  // L(MSK, 256, 256), 12.7.1.7.3
  if (!xxKey) return xxKey.error();
  const MacAddress bcast = MacAddress::broadcast();
  const Bytes r0khId{'a', 'p', '1', '.', 'f', 't', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e'};
  std::uint16_t seq = 1;
  auto add = [&](Bytes frame) {
    s.frames.push_back(std::move(frame));
    return static_cast<std::uint64_t>(s.frames.size() - 1);
  };
  const Bytes ssidElement = buildSsid(s.ssid);
  const Bytes rates = buildRates(std::array<std::uint8_t, 4>{0x82, 0x84, 0x8b, 0x96});

  for (const MacAddress& ap : {s.ap1, s.ap2}) {
    const Bytes elements = concat({ssidElement, rates, rsne(std::nullopt), mde()});
    add(buildBeacon(MacHeader::management(mgmt::Beacon, bcast, ap, ap, seq++), BeaconBody{0, 100, kCapabilities, elements}));
  }

  // Initial mobility domain association with AP1 (13.4): MDE in the request, MDE + FTE in the response.
  add(buildAssociationRequest(MacHeader::management(mgmt::AssociationRequest, s.ap1, s.sta, s.ap1, seq++),
                              AssociationRequestBody{kCapabilities, 10, std::nullopt,
                                                     concat({ssidElement, rates, rsne(std::nullopt), mde()})}));
  const Bytes fte1 = buildFte(fteWith(r0khId, s.ap1));
  add(buildAssociationResponse(MacHeader::management(mgmt::AssociationResponse, s.sta, s.ap1, s.ap1, seq++),
                               AssociationResponseBody{kCapabilities, 0, 0xc001, concat({rates, mde(), fte1})}, false));

  // 4-way handshake with keys from PMK-R1 (12.7.1.7.5, 12.7.6).
  const auto anonce1 = randomArray<32>(rng);
  const auto snonce1 = randomArray<32>(rng);
  auto keys1 = ftKeys(*xxKey, s.ssid, r0khId, s.ap1, s.sta, anonce1, snonce1);
  if (!keys1) return keys1.error();
  const crypto::Ptk& ptk1 = keys1->ptk.ptk;
  auto eapolFrame = [&](const MacAddress& ap, bool fromAp, ByteView pdu) {
    const MacHeader h = MacHeader::qosData(!fromAp, ap, s.sta, ap, seq++, 7);
    return buildDataFrame(h, inet::buildLlcSnap(0x888e, pdu));
  };
  eapol::EapolKeyFields m1;
  m1.keyInfo = kKeyInfoM1;
  m1.keyLength = 16;
  m1.replayCounter = 1;
  m1.nonce = anonce1;
  add(eapolFrame(s.ap1, true, *signedKey(m1, {})));

  // Message 2 names PMKR1Name and repeats MDE and FTE (12.7.6.3, 13.4.2).
  eapol::EapolKeyFields m2;
  m2.keyInfo = kKeyInfoM2;
  m2.replayCounter = 1;
  m2.nonce = snonce1;
  m2.keyData = concat({rsne(keys1->r1.pmkR1Name), mde(), fte1});
  auto m2Pdu = signedKey(m2, ptk1.kck);
  if (!m2Pdu) return m2Pdu.error();
  s.micFrames.push_back(add(eapolFrame(s.ap1, false, *m2Pdu)));

  const auto gtk1 = randomArray<16>(rng);
  Bytes keyData = concat({rsne(keys1->r1.pmkR1Name), mde(), fte1, buildGtkKde(1, false, gtk1)});
  padKeyDataForKeyWrap(keyData);
  auto wrapped = crypto::aesKeyWrap(ptk1.kek, keyData);
  if (!wrapped) return wrapped.error();
  eapol::EapolKeyFields m3;
  m3.keyInfo = kKeyInfoM3;
  m3.keyLength = 16;
  m3.replayCounter = 2;
  m3.nonce = anonce1;
  m3.keyData = *wrapped;
  auto m3Pdu = signedKey(m3, ptk1.kck);
  if (!m3Pdu) return m3Pdu.error();
  s.micFrames.push_back(add(eapolFrame(s.ap1, true, *m3Pdu)));
  eapol::EapolKeyFields m4;
  m4.keyInfo = kKeyInfoM4;
  m4.replayCounter = 2;
  auto m4Pdu = signedKey(m4, ptk1.kck);
  if (!m4Pdu) return m4Pdu.error();
  s.micFrames.push_back(add(eapolFrame(s.ap1, false, *m4Pdu)));

  // Protected traffic: unicast both ways, then one group-addressed frame.
  std::uint64_t pn = 1;
  auto protectedData = [&](const MacAddress& ap, bool fromAp, ByteView tk, bool group) -> Result<std::uint64_t> {
    Bytes payload(48);
    for (auto& b : payload) b = static_cast<std::uint8_t>(rng());
    const MacHeader h = group ? MacHeader::qosData(false, ap, bcast, ap, seq++, 0)
                              : MacHeader::qosData(!fromAp, ap, s.sta, ap, seq++, 0);
    auto frame = crypto::ccmpEncrypt(tk, buildMacHeader(h), pn++, inet::buildLlcSnap(0x88b5, payload),
                                     group ? 1 : 0);
    if (!frame) return frame.error();
    return add(std::move(*frame));
  };
  for (int i = 0; i < 4; ++i) {
    auto f = protectedData(s.ap1, i % 2 == 1, ptk1.tk, false);
    if (!f) return f.error();
    s.ap1DataFrames.push_back(*f);
  }
  auto g1 = protectedData(s.ap1, true, gtk1, true);
  if (!g1) return g1.error();
  s.ap1DataFrames.push_back(*g1);

  // FT roam over the air to AP2 (13.5.2): FT authentication, then reassociation.
  const auto snonce2 = randomArray<32>(rng);
  const auto anonce2 = randomArray<32>(rng);
  auto keys2 = ftKeys(*xxKey, s.ssid, r0khId, s.ap2, s.sta, anonce2, snonce2);
  if (!keys2) return keys2.error();
  const crypto::Ptk& ptk2 = keys2->ptk.ptk;
  FastBssTransitionElement authFte;
  authFte.snonce = snonce2;
  authFte.subelements.push_back(makeR0khIdSubelement(r0khId));
  const Bytes authRequest = concat({rsne(keys2->r0.pmkR0Name), mde(), buildFte(authFte)});
  add(buildAuthentication(MacHeader::management(mgmt::Authentication, s.ap2, s.sta, s.ap2, seq++),
                          AuthenticationBody{auth_algorithm::FastBssTransition, 1, 0, authRequest}));
  FastBssTransitionElement fte2 = fteWith(r0khId, s.ap2);
  fte2.anonce = anonce2;
  fte2.snonce = snonce2;
  const Bytes authResponse = concat({rsne(keys2->r0.pmkR0Name), mde(), buildFte(fte2)});
  add(buildAuthentication(MacHeader::management(mgmt::Authentication, s.sta, s.ap2, s.ap2, seq++),
                          AuthenticationBody{auth_algorithm::FastBssTransition, 2, 0, authResponse}));

  // The reassociation FTEs carry a MIC over RSNE, MDE and FTE (13.8.4, 13.8.5).
  const Bytes reassocRsne = rsne(keys2->r1.pmkR1Name);
  auto signedFte = [&](FastBssTransitionElement fte, std::uint8_t transaction) -> Result<Bytes> {
    fte.setElementCount(3);
    auto mic = crypto::ftMic(ptk2.kck, s.sta, s.ap2, transaction, reassocRsne, mde(), buildFte(fte));
    if (!mic) return mic.error();
    std::copy_n(mic->begin(), std::min(mic->size(), fte.mic.size()), fte.mic.begin());
    return buildFte(fte);
  };
  auto requestFte = signedFte(fte2, crypto::ft_transaction::kReassociationRequest);
  if (!requestFte) return requestFte.error();
  s.reassociationRequest =
      add(buildAssociationRequest(MacHeader::management(mgmt::ReassociationRequest, s.ap2, s.sta, s.ap2, seq++),
                                  AssociationRequestBody{kCapabilities, 10, s.ap1,
                                                         concat({ssidElement, rates, reassocRsne, mde(), *requestFte})}));
  s.micFrames.push_back(s.reassociationRequest);

  const auto gtk2 = randomArray<16>(rng);
  auto wrappedGtk2 = crypto::aesKeyWrap(ptk2.kek, gtk2);
  if (!wrappedGtk2) return wrappedGtk2.error();
  FastBssTransitionElement responseFte = fte2;
  responseFte.subelements.push_back(makeGtkSubelement(FtGtkSubelement{1, 16, {}, *wrappedGtk2}));
  auto responseFteBytes = signedFte(responseFte, crypto::ft_transaction::kReassociationResponse);
  if (!responseFteBytes) return responseFteBytes.error();
  s.reassociationResponse = add(buildAssociationResponse(
      MacHeader::management(mgmt::ReassociationResponse, s.sta, s.ap2, s.ap2, seq++),
      AssociationResponseBody{kCapabilities, 0, 0xc001, concat({rates, reassocRsne, mde(), *responseFteBytes})}, true));
  s.micFrames.push_back(s.reassociationResponse);

  pn = 1;  // a new PTKSA starts its packet numbers again
  for (int i = 0; i < 4; ++i) {
    auto f = protectedData(s.ap2, i % 2 == 1, ptk2.tk, false);
    if (!f) return f.error();
    s.ap2DataFrames.push_back(*f);
  }
  auto g2 = protectedData(s.ap2, true, gtk2, true);
  if (!g2) return g2.error();
  s.ap2DataFrames.push_back(*g2);
  return s;
}

}  // namespace rs::test
