// SPDX-License-Identifier: GPL-3.0-or-later
// Station: IEEE 802.11r FT over the air (IEEE 802.11-2016 13.5, 13.8): the
// key holders learned at the initial mobility domain association, FT
// authentication with the target, and the reassociation whose FTE MIC proves
// both sides hold the PTK derived from PMK-R1. No 4-way handshake follows.
#include <fmt/format.h>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/akm_suite.h"
#include "core/crypto/ft_mic.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/station.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/elements/element_iterator.h"
#include "dissectors/ieee80211/mgmt_body.h"

namespace rs::wlan {

using namespace ieee80211;
using roam::PhaseKind;
using sim::TraceKind;

crypto::Result<crypto::SecretBytes> Station::ftXxKey() const {
  if (world_.settings.security == Security::Psk) return world_.pskPmk;  // FT-PSK: XXKey = PSK (12.7.1.7.3)
  if (msk_.empty()) return crypto::makeError(crypto::ErrorCode::InvalidArgument, "no MSK yet");
  return crypto::xxKeyFromMsk(essAkm(world_.settings), msk_);
}

void Station::learnKeyHolders(ByteView elements) {
  const auto fteElement_ = findElement(elements, 55);
  const auto fte = fteElement_ ? parseFte(fteElement_->data) : std::nullopt;
  if (!fte) return;
  if (const auto r0 = fte->r0khId()) ftR0khId_.assign(r0->begin(), r0->end());
  if (const auto r1 = fte->r1khId(); r1 && r1->size() == 6) {
    MacAddress mac;
    std::copy_n(r1->begin(), 6, mac.octets.begin());
    ftR1khId_ = mac;
  }
}

void Station::sendFtAuthentication() {
  FtRoam roam;
  roam.snonce = random_.bytes(32);
  Bytes elements = rsneNaming(world_.settings, ftKeys_->r0.pmkR0Name);
  const Bytes mde = mdeElement(world_.settings);
  const Bytes fte = fteElement(FteFields{std::nullopt, ByteView(roam.snonce), std::nullopt, ftKeys_->r0khId, {}, false});
  elements.insert(elements.end(), mde.begin(), mde.end());
  elements.insert(elements.end(), fte.begin(), fte.end());
  ftRoam_ = std::move(roam);
  std::optional<roam::Endpoint> from;
  if (serving_) from = endpoint(*serving_);
  const roam::Endpoint to = endpoint(*target_);
  transmit(buildAuthentication(MacHeader::management(mgmt::Authentication, target_->bssid, mac_, target_->bssid,
                                                     nextSequence()),
                               AuthenticationBody{auth_algorithm::FastBssTransition, 1, 0, elements}),
           "FT Authentication", charge(cost::kMgmtProcessing), [this, from, to](sim::SimTime start) {
             if (!truth_.attemptOpen(mac_)) truth_.begin(mac_, from, to, roam::Method::FtOverAir, start);
             truth_.phase(mac_, PhaseKind::Authentication, start, start);
           });
  armTimeout("FT authentication");
}

void Station::onFtAuthenticationResponse(const sim::AirReception&, ByteView elements) {
  const auto fteElement_ = findElement(elements, 55);
  const auto fte = fteElement_ ? parseFte(fteElement_->data) : std::nullopt;
  if (!fte || !ftRoam_ || !crypto::constantTimeEquals(fte->snonce, ftRoam_->snonce)) return;
  FtRoam& roam = *ftRoam_;
  roam.anonce = toBytes(ByteView(fte->anonce));
  charge(cost::kFtKeyDerivation);
  auto r1 = deriveR1(world_.settings, ftKeys_->r0, mac_, target_->bssid);
  if (!r1) return;
  charge(cost::kPtkDerivation);
  auto ptk = crypto::derivePtkFt(essAkm(world_.settings), r1->pmkR1, r1->pmkR1Name, roam.snonce, roam.anonce,
                                 target_->bssid, mac_, crypto::cipher::Ccmp128);
  if (!ptk) return;
  roam.r1 = std::move(*r1);
  roam.ptk = std::move(ptk->ptk);
  // 13.8.4: the reassociation request names PMK-R1 and carries the FTE MIC (transaction 5).
  const Bytes rsne = rsneNaming(world_.settings, roam.r1.pmkR1Name);
  const Bytes mde = mdeElement(world_.settings);
  const Bytes unsignedFte = fteElement(
      FteFields{ByteView(roam.anonce), ByteView(roam.snonce), target_->bssid, ftKeys_->r0khId, {}, true});
  const sim::SimTime done = charge(cost::kEapolMic);
  auto fte2 = signedFte(roam.ptk.kck, mac_, target_->bssid, 5, rsne, mde, unsignedFte);
  if (!fte2) return;
  Bytes body = buildSsid(world_.settings.ssid);
  const Bytes rates = ratesElement();
  const Bytes& signedFteBytes = *fte2;
  for (const Bytes* part : {&rates, &rsne, &mde, &signedFteBytes}) body.insert(body.end(), part->begin(), part->end());
  AssociationRequestBody req{kEssCapabilities, 10, serving_->bssid, body};
  state_ = State::Associating;
  transmit(buildAssociationRequest(MacHeader::management(mgmt::ReassociationRequest, target_->bssid, mac_,
                                                         target_->bssid, nextSequence()),
                                   req),
           "Reassociation Request", done,
           [this](sim::SimTime start) { truth_.phase(mac_, PhaseKind::Reassociation, start, start); });
  armTimeout("FT reassociation");
}

void Station::onFtReassociationResponse(const sim::AirReception& rx, ByteView elements) {
  const auto rsne = findElement(elements, 48);
  const auto mde = findElement(elements, 54);
  const auto fteE = findElement(elements, 55);
  if (!rsne || !mde || !fteE || !ftRoam_) return;
  auto whole = [&](const ElementView& e) { return elements.subspan(e.offset, e.totalLength()); };
  charge(cost::kEapolMic);
  const auto ok = crypto::verifyFtMic(ftRoam_->ptk.kck, mac_, target_->bssid, 6, whole(*rsne), whole(*mde), whole(*fteE));
  const auto fte = parseFte(fteE->data);
  const auto gtkSub = fte ? fte->gtk() : std::nullopt;
  if (!ok || !*ok || !gtkSub) {
    trace(TraceKind::Error, fmt::format("{}: FTE MIC or GTK of the reassociation response from {} fails: dropped", name_,
                                        target_->bssid.toString()));
    return;
  }
  charge(cost::kAesKeyWrap);
  auto gtk = crypto::aesKeyUnwrap(ftRoam_->ptk.kek, gtkSub->wrappedKey);
  if (!gtk) return;
  tk_ = ftRoam_->ptk.tk;
  gtk_ = std::move(*gtk);
  ftRoam_.reset();
  trace(TraceKind::KeyDerivation, fmt::format("{}: FT reassociation with {} verified (FTE MIC, transaction 6): TK and "
                                              "GTK installed, no 4-way handshake",
                                              name_, target_->bssid.toString()));
  connectedTo(rx.start);
}

}  // namespace rs::wlan
