// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/air_frames.h"

#include <algorithm>
#include <array>

#include "core/crypto/ccmp.h"
#include "core/crypto/pmkid.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/llc.h"
#include "dissectors/seed000/seed000.h"

namespace rs::wlan {
namespace {

using namespace ieee80211;

// 6, 9, 12, 18, 24, 36, 48, 54 Mb/s with 6, 12, 24 basic (an OFDM-only ESS).
constexpr std::array<std::uint8_t, 8> kRates{0x8c, 0x12, 0x98, 0x24, 0xb0, 0x48, 0x60, 0x6c};

void append(Bytes& out, const Bytes& part) { out.insert(out.end(), part.begin(), part.end()); }

Bytes mde(const WlanSettings& s) { return buildMde(MobilityDomainElement{s.mobilityDomain, 0x00}); }

}  // namespace

Pmkid asPmkid(ByteView name) {
  Pmkid p{};
  std::copy_n(name.begin(), std::min(name.size(), p.size()), p.begin());
  return p;
}

std::optional<Pmkid> essPmkid(const WlanSettings& s, ByteView pmk, const MacAddress& aa, const MacAddress& spa) {
  auto id = crypto::pmkid(essAkm(s), pmk, aa, spa);
  if (!id) return std::nullopt;
  return asPmkid(*id);
}

Bytes ratesElement() { return buildRates(kRates); }

int essAkm(const WlanSettings& s) {
  const bool ft = s.handoff == HandoffMethod::FtOverAir;
  if (s.security == Security::Psk) return ft ? 4 : 2;
  return ft ? 3 : 1;
}

Bytes essRsne(const WlanSettings& s, const std::optional<Pmkid>& pmkid) {
  RsnElement rsn;
  rsn.version = 1;
  rsn.groupCipher = SuiteSelector{kIeee80211Oui, 4};
  rsn.pairwiseCiphers = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, 4}};
  rsn.akmSuites = std::vector<SuiteSelector>{SuiteSelector{kIeee80211Oui, static_cast<std::uint8_t>(essAkm(s))}};
  rsn.capabilities = 0;
  if (pmkid) rsn.pmkids = std::vector<Pmkid>{*pmkid};
  return buildRsne(rsn);
}

Bytes advertisedElements(const WlanSettings& s, unsigned channel) {
  Bytes out = buildSsid(s.ssid);
  append(out, buildRates(kRates));
  append(out, buildDsParameter(static_cast<std::uint8_t>(channel)));
  append(out, essRsne(s));
  if (s.handoff == HandoffMethod::FtOverAir) append(out, mde(s));
  if (s.handoff == HandoffMethod::Seed000) {
    std::uint8_t caps = seed000::capability::kFastReassociation | seed000::capability::kPmkCache;
    if (s.security == Security::EapTls) caps |= seed000::capability::kPreauthentication;
    append(out, seed000::buildCapabilityElement(caps));
  }
  return out;
}

Bytes probeRequestElements(const WlanSettings& s) {
  Bytes out = buildSsid(s.ssid);
  append(out, buildRates(kRates));
  return out;
}

Bytes associationRequestElements(const WlanSettings& s, const std::optional<Pmkid>& pmkid) {
  Bytes out = buildSsid(s.ssid);
  append(out, buildRates(kRates));
  append(out, essRsne(s, pmkid));
  if (s.handoff == HandoffMethod::FtOverAir) append(out, mde(s));
  return out;
}

Bytes associationResponseElements(const WlanSettings& s) {
  Bytes out = buildRates(kRates);
  if (s.handoff == HandoffMethod::FtOverAir) append(out, mde(s));
  return out;
}

Bytes plainDataFrame(bool toAp, const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                     std::uint16_t sequence, std::uint16_t etherType, ByteView payload) {
  const MacHeader h = MacHeader::qosData(toAp, bssid, sta, otherEnd, sequence, 0);
  return buildDataFrame(h, inet::buildLlcSnap(etherType, payload));
}

crypto::Result<Bytes> protectedDataFrame(ByteView tk, std::uint64_t pn, std::uint8_t keyId, bool toAp,
                                         const MacAddress& bssid, const MacAddress& sta, const MacAddress& otherEnd,
                                         std::uint16_t sequence, std::uint16_t etherType, ByteView payload) {
  // Voice (TID 6, AC_VO) for IP, best effort for key-management traffic.
  const std::uint8_t tid = etherType == 0x0800 ? 6 : 0;
  const MacHeader h = MacHeader::qosData(toAp, bssid, sta, otherEnd, sequence, tid);
  Bytes msdu = inet::buildLlcSnap(etherType, payload);
  auto out = crypto::ccmpEncrypt(tk, buildMacHeader(h), pn, msdu, keyId);
  crypto::wipe(msdu);
  return out;
}

std::optional<ReceivedMsdu> receiveDataFrame(ByteView mpdu, ByteView tk) {
  const auto h = parseMacHeader(mpdu);
  if (!h || !h->isData() || h->isNullData()) return std::nullopt;
  Bytes body;
  if (h->isProtected()) {
    if (tk.empty()) return std::nullopt;
    auto plain = crypto::ccmpDecrypt(tk, mpdu);
    if (!plain) return std::nullopt;
    body = std::move(plain->plaintext);
  } else {
    body.assign(mpdu.begin() + static_cast<std::ptrdiff_t>(h->length), mpdu.end());
  }
  const auto llc = inet::parseLlcSnap(body);
  if (!llc || llc->oui != 0) return std::nullopt;
  ReceivedMsdu out;
  out.header = *h;
  out.etherType = llc->etherType;
  out.payload.assign(body.begin() + static_cast<std::ptrdiff_t>(llc->payloadOffset), body.end());
  return out;
}

}  // namespace rs::wlan
