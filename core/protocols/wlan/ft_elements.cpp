// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/ft_elements.h"

#include <algorithm>

#include "core/crypto/ft_mic.h"
#include "core/protocols/wlan/air_frames.h"

namespace rs::wlan {

using namespace ieee80211;

std::string r0khIdOf(const std::string& apName) { return apName + ".roamscope.test"; }

Bytes mdidOctets(const WlanSettings& s) {
  return Bytes{static_cast<std::uint8_t>(s.mobilityDomain & 0xff), static_cast<std::uint8_t>(s.mobilityDomain >> 8)};
}

Bytes mdeElement(const WlanSettings& s) { return buildMde(MobilityDomainElement{s.mobilityDomain, 0x00}); }

Bytes fteElement(const FteFields& f) {
  FastBssTransitionElement fte;
  if (f.withMic) fte.setElementCount(3);
  if (f.anonce) std::copy_n(f.anonce->begin(), std::min<std::size_t>(32, f.anonce->size()), fte.anonce.begin());
  if (f.snonce) std::copy_n(f.snonce->begin(), std::min<std::size_t>(32, f.snonce->size()), fte.snonce.begin());
  if (f.r1khId) fte.subelements.push_back(makeR1khIdSubelement(*f.r1khId));
  if (!f.r0khId.empty()) fte.subelements.push_back(makeR0khIdSubelement(asView(f.r0khId)));
  if (f.gtk) fte.subelements.push_back(makeGtkSubelement(*f.gtk));
  return buildFte(fte);
}

crypto::Result<Bytes> signedFte(ByteView kck, const MacAddress& sta, const MacAddress& bssid, std::uint8_t transaction,
                                ByteView rsne, ByteView mde, ByteView fte) {
  auto mic = crypto::ftMic(kck, sta, bssid, transaction, rsne, mde, fte);
  if (!mic) return mic.error();
  auto parsed = parseFte(fte.subspan(2));
  if (!parsed) return crypto::makeError(crypto::ErrorCode::Malformed, "FTE does not parse");
  std::copy_n(mic->begin(), parsed->mic.size(), parsed->mic.begin());
  return buildFte(*parsed);
}

crypto::Result<crypto::PmkR1> deriveR1(const WlanSettings& s, const crypto::PmkR0& r0, const MacAddress& sta,
                                       const MacAddress& r1khId) {
  return crypto::derivePmkR1(essAkm(s), r0.pmkR0, r0.pmkR0Name, r1khId, sta);
}

crypto::Result<FtKeys> deriveFtKeys(const WlanSettings& s, ByteView xxKey, const std::string& r0khId,
                                    const MacAddress& sta, const MacAddress& r1khId) {
  auto r0 = crypto::derivePmkR0(essAkm(s), xxKey, asView(s.ssid), mdidOctets(s), asView(r0khId), sta);
  if (!r0) return r0.error();
  auto r1 = deriveR1(s, *r0, sta, r1khId);
  if (!r1) return r1.error();
  return FtKeys{std::move(*r0), std::move(*r1), r0khId};
}

Bytes rsneNaming(const WlanSettings& s, ByteView name) {
  return essRsne(s, asPmkid(name));
}

Bytes ftHandshakeElements(const WlanSettings& s, const FtKeys& keys, const MacAddress& r1khId) {
  Bytes out = rsneNaming(s, keys.r1.pmkR1Name);
  const Bytes mde = mdeElement(s);
  const Bytes fte = fteElement(FteFields{std::nullopt, std::nullopt, r1khId, keys.r0khId, {}, false});
  out.insert(out.end(), mde.begin(), mde.end());
  out.insert(out.end(), fte.begin(), fte.end());
  return out;
}

}  // namespace rs::wlan
