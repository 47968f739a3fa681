// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/ap_directory.h"

#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/ft_elements.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/index/frame_class.h"

namespace rs::roam {
namespace {

using namespace ieee80211;

constexpr std::uint8_t kElementSsid = 0;
constexpr std::uint8_t kElementRsn = 48;
constexpr std::uint8_t kElementMde = 54;

// FT AKMs, IEEE 802.11-2016 Table 9-133 (13: FT-802.1X-SHA384, 802.11-2020): 3 FT-802.1X, 4 FT-PSK, 9 FT-SAE.
bool isFtAkm(std::uint8_t type) { return type == 3 || type == 4 || type == 9 || type == 13; }

void readElements(ByteView elements, ApAdvertisement& a) {
  if (auto ssid = findElement(elements, kElementSsid)) {
    if (auto s = parseSsid(ssid->data)) a.ssid = std::string(s->begin(), s->end());
  }
  if (auto mde = findElement(elements, kElementMde)) {
    if (auto m = parseMde(mde->data)) a.mdid = m->mdid;
  }
  if (auto rsn = findElement(elements, kElementRsn)) {
    if (auto rsne = parseRsne(rsn->data); rsne && rsne->akmSuites) {
      for (const SuiteSelector& s : *rsne->akmSuites)
        if (s.oui == kIeee80211Oui && isFtAkm(s.type)) a.ftAkm = true;
    }
  }
}

}  // namespace

std::optional<ApAdvertisement> decodeApAdvertisement(const FrameView& frame) {
  return decodeApAdvertisement(frame, WlanFrame::locate(frame));
}

std::optional<ApAdvertisement> decodeApAdvertisement(const FrameView& frame, const WlanFrame& located) {
  const ByteView wlan = located.mpdu;
  if (wlan.empty()) return std::nullopt;
  // Most frames are data: look at the Frame Control octet before parsing the header.
  // Management type 0 with subtype 1 (association response), 3 (reassociation
  // response), 5 (probe response) or 8 (beacon) is all this function wants.
  const std::uint8_t fc0 = wlan[0];
  const unsigned subtype = fc0 >> 4;
  if (((fc0 >> 2) & 3) != 0 || (subtype != 1 && subtype != 3 && subtype != 5 && subtype != 8)) return std::nullopt;
  const auto& h = located.header;
  if (!h || !h->isManagement()) return std::nullopt;
  const bool beaconLike = h->subtype == mgmt::Beacon || h->subtype == mgmt::ProbeResponse;
  const bool response = h->subtype == mgmt::AssociationResponse || h->subtype == mgmt::ReassociationResponse;
  if (!beaconLike && !response) return std::nullopt;
  const auto bssid = h->bssid();
  const auto sa = h->sa();
  if (!bssid || !sa || *sa != *bssid) return std::nullopt;
  const ByteView body = wlan.subspan(h->bodyOffset());
  ApAdvertisement a;
  a.bssid = *bssid;
  a.timestampNs = frame.timestampNs;
  a.beaconOrProbeResponse = beaconLike;
  if (beaconLike) {
    const auto b = parseBeaconBody(body);
    if (!b) return std::nullopt;
    readElements(b->elements, a);
  } else {
    const auto r = parseAssociationResponseBody(body);
    if (!r) return std::nullopt;
    readElements(r->elements, a);
  }
  a.signalDbm = located.radio(frame).signalDbm;
  return a;
}

void ApDirectory::learn(const ApAdvertisement& a) {
  auto it = aps_.find(a.bssid);
  if (it == aps_.end()) {
    if (aps_.size() >= kMaxAps) return;  // bounded: a flood of fake BSSIDs cannot grow memory
    it = aps_.emplace(a.bssid, ApInfo{}).first;
  }
  ApInfo& info = it->second;
  if (a.ssid) info.ssid = a.ssid;
  if (a.mdid) info.mdid = a.mdid;
  // A (re)association response lists no AKMs; only Beacon / Probe Response RSNEs say what the AP offers.
  if (a.beaconOrProbeResponse) {
    info.ftAkm = a.ftAkm;
    if (!a.mdid) info.mdid.reset();
    if (a.signalDbm) info.signalDbm = a.signalDbm;
    info.lastHeardNs = a.timestampNs;
  }
}

const ApInfo* ApDirectory::find(const MacAddress& bssid) const {
  auto it = aps_.find(bssid);
  return it == aps_.end() ? nullptr : &it->second;
}

}  // namespace rs::roam
