// SPDX-License-Identifier: GPL-3.0-or-later
// Access point: IEEE 802.11r Fast BSS Transition over the air (IEEE 802.11-2016
// 13.5): the R1KH side of FT authentication and reassociation, and the R0KH's
// distribution of PMK-R1s after an initial mobility domain association.
// The distribution itself is not put on the wire: hostapd pushes PMK-R1 over
// its own encrypted RRB protocol (EtherType 0x890D), which no standard
// defines; here the R0KH hands the keys over directly, off the roam's path.
#include <fmt/format.h>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/ft_mic.h"
#include "core/crypto/akm_suite.h"
#include "core/protocols/wlan/access_point.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/elements/rsn_element.h"
#include "dissectors/ieee80211/mgmt_body.h"

namespace rs::wlan {

using namespace ieee80211;
using sim::TraceKind;

namespace {

constexpr std::uint16_t kStatusInvalidPmkid = 53;
constexpr std::uint16_t kStatusInvalidFte = 55;
constexpr std::uint16_t kStatusInvalidMde = 54;

std::optional<Pmkid> firstPmkid(ByteView rsneInfo) {
  const auto rsne = parseRsne(rsneInfo);
  if (!rsne || !rsne->pmkids || rsne->pmkids->empty()) return std::nullopt;
  return rsne->pmkids->front();
}

}  // namespace

void AccessPoint::acceptPmkR1(const MacAddress& sta, crypto::PmkR1 r1, Bytes pmkR0Name, std::string r0khId) {
  pushedR1_[sta] = PushedR1{std::move(r1), std::move(pmkR0Name), std::move(r0khId)};
}

void AccessPoint::pushPmkR1s(const MacAddress& sta, const FtKeys& keys) {
  // Every AP of the mobility domain, this one included: the station may come back here by FT.
  for (AccessPoint* ap : world_.accessPoints) {
    auto r1 = deriveR1(world_.settings, keys.r0, sta, ap->bssid());
    if (!r1) continue;
    ap->acceptPmkR1(sta, std::move(*r1), keys.r0.pmkR0Name, keys.r0khId);
  }
  trace(TraceKind::KeyDerivation,
        fmt::format("{} (R0KH {}): PMK-R1 = KDF(PMK-R0, \"FT-R1\", R1KH-ID || S1KH-ID) derived for every AP "
                    "of mobility domain {:04x} and handed to it for {}",
                    name_, keys.r0khId, world_.settings.mobilityDomain, sta.toString()));
}

void AccessPoint::onFtAuthentication(const MacAddress& sta, ByteView elements) {
  const auto rsneElement = findElement(elements, 48);
  const auto fteElement_ = findElement(elements, 55);
  const auto mde = findElement(elements, 54);
  std::uint16_t status = 0;
  Station& s = stations_[sta];
  s.ft.reset();
  const auto pmkR0Name = rsneElement ? firstPmkid(rsneElement->data) : std::nullopt;
  const auto fte = fteElement_ ? parseFte(fteElement_->data) : std::nullopt;
  const auto pushed = pushedR1_.find(sta);
  if (!mde) status = kStatusInvalidMde;
  else if (!fte || !fte->r0khId()) status = kStatusInvalidFte;
  else if (!pmkR0Name || pushed == pushedR1_.end() || !crypto::constantTimeEquals(*pmkR0Name, pushed->second.pmkR0Name))
    status = kStatusInvalidPmkid;  // no PMK-R1 for this PMKR0Name
  sim::SimTime done = charge(cost::kMgmtProcessing);
  Bytes reply;
  if (status == 0) {
    Station::FtPending p;
    p.snonce = toBytes(ByteView(fte->snonce));
    p.anonce = random_.bytes(32);
    p.r0khId = pushed->second.r0khId;
    p.r1 = pushed->second.r1;
    done = charge(cost::kPtkDerivation);
    auto ptk = crypto::derivePtkFt(essAkm(world_.settings), p.r1.pmkR1, p.r1.pmkR1Name, p.snonce, p.anonce, bssid_, sta,
                                   crypto::cipher::Ccmp128);
    if (!ptk) return;
    p.ptk = std::move(ptk->ptk);
    reply = essRsne(world_.settings, asPmkid(pushed->second.pmkR0Name));
    const Bytes mdeBytes = mdeElement(world_.settings);
    reply.insert(reply.end(), mdeBytes.begin(), mdeBytes.end());
    const Bytes fteBytes = fteElement(FteFields{ByteView(p.anonce), ByteView(p.snonce), bssid_, p.r0khId, {}, false});
    reply.insert(reply.end(), fteBytes.begin(), fteBytes.end());
    trace(TraceKind::KeyDerivation,
          fmt::format("{}: FT authentication from {}: PTK = KDF(PMK-R1, \"FT-PTK\", SNonce || ANonce || BSSID || STA)",
                      name_, sta.toString()));
    s.ft = std::move(p);
  } else {
    trace(TraceKind::Error, fmt::format("{}: FT authentication from {} refused, status {}", name_, sta.toString(), status));
  }
  sendAir(buildAuthentication(MacHeader::management(mgmt::Authentication, sta, bssid_, bssid_, nextSequence()),
                              AuthenticationBody{auth_algorithm::FastBssTransition, 2, status, reply}),
          "FT Authentication", done);
}

bool AccessPoint::onFtReassociation(const MacAddress& sta, ByteView elements) {
  auto it = stations_.find(sta);
  if (it == stations_.end() || !it->second.ft) return false;
  const auto rsne = findElement(elements, 48);
  const auto mde = findElement(elements, 54);
  const auto fte = findElement(elements, 55);
  if (!rsne || !mde || !fte) return false;
  Station& s = it->second;
  Station::FtPending& p = *s.ft;
  auto whole = [&](const ElementView& e) { return elements.subspan(e.offset, e.totalLength()); };
  charge(cost::kEapolMic);
  auto ok = crypto::verifyFtMic(p.ptk.kck, sta, bssid_, 5, whole(*rsne), whole(*mde), whole(*fte));
  std::uint16_t status = 0;
  if (!ok || !*ok) {
    status = kStatusInvalidFte;
    trace(TraceKind::Error, fmt::format("{}: FTE MIC of the reassociation request from {} does not verify", name_,
                                        sta.toString()));
  }
  Bytes out;
  if (status == 0) {
    charge(cost::kAesKeyWrap);
    auto wrapped = crypto::aesKeyWrap(p.ptk.kek, gtk_);
    if (!wrapped) return true;
    FtGtkSubelement gtkSub;
    gtkSub.keyInfo = gtkKeyId_;
    gtkSub.keyLength = static_cast<std::uint8_t>(gtk_.size());
    gtkSub.wrappedKey = std::move(*wrapped);
    const Bytes rsneOut = essRsne(world_.settings, asPmkid(p.r1.pmkR1Name));
    const Bytes mdeOut = mdeElement(world_.settings);
    const Bytes fteUnsigned = fteElement(FteFields{ByteView(p.anonce), ByteView(p.snonce), bssid_, p.r0khId, gtkSub, true});
    charge(cost::kEapolMic);
    auto fteOut = signedFte(p.ptk.kck, sta, bssid_, 6, rsneOut, mdeOut, fteUnsigned);
    if (!fteOut) return true;
    // 13.8.5: RSNE, MDE, FTE; the rates first as in any (re)association response.
    out = ratesElement();
    out.insert(out.end(), rsneOut.begin(), rsneOut.end());
    out.insert(out.end(), mdeOut.begin(), mdeOut.end());
    out.insert(out.end(), fteOut->begin(), fteOut->end());
    s.associated = true;
    s.aid = s.aid ? s.aid : nextAid_++;
    s.tk = p.ptk.tk;
    s.pn = 1;
    if (world_.keys) {
      world_.keys->tk(sta, bssid_, s.tk, "FT reassociation");
      world_.keys->gtk(bssid_, gtk_, gtkKeyId_);
    }
    trace(TraceKind::StateChange, fmt::format("{}: FT reassociation of {} verified: TK and GTK installed", name_,
                                              sta.toString()));
  }
  s.ft.reset();
  const sim::SimTime done = world_.sim.processing().busyUntil(node_);
  const std::uint16_t aidField = static_cast<std::uint16_t>(s.aid | 0xc000);
  sendAir(buildAssociationResponse(MacHeader::management(mgmt::ReassociationResponse, sta, bssid_, bssid_, nextSequence()),
                                   AssociationResponseBody{kEssCapabilities, status, aidField, out}, true),
          "Reassociation Response", std::max(done, world_.sim.now()));
  if (status == 0) sendDs(buildLayer2UpdateFrame(sta), "Layer 2 Update", std::max(done, world_.sim.now()));
  return true;
}

}  // namespace rs::wlan
