// SPDX-License-Identifier: GPL-3.0-or-later
// Station: the 802.1X supplicant (EAP-TLS), the 4-way handshake — over the air
// after (re)association, or for seed 000 with the target AP through the
// current one (EtherType 0x88C7) — and the seed-000 three-message
// re-association (docs/protocols/seed-000.md).
#include <fmt/format.h>

#include "core/crypto/akm_suite.h"
#include "core/crypto/seed000_keys.h"
#include "core/protocols/eap_tls/eap_tls_keys.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/station.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/inet/ethernet.h"

namespace rs::wlan {

using namespace ieee80211;
using roam::PhaseKind;
using sim::EventKind;
using sim::TraceKind;

void Station::sendEapol(Bytes pdu, bool viaDs, std::string_view label, sim::SimTime at, SentCallback onStart) {
  if (viaDs) {
    // Pre-authentication: to the target AP's BSSID through the current association, protected (12.6.10.2).
    if (!serving_ || !target_ || tk_.empty()) return;
    auto frame = protectedDataFrame(tk_, pn_++, 0, true, serving_->bssid, mac_, target_->bssid, nextSequence(),
                                    inet::kEtherTypePreauth, pdu);
    if (frame) transmit(std::move(*frame), label, std::max(at, world_.sim.processing().busyUntil(node_)),
                        std::move(onStart));
    return;
  }
  const MacAddress bssid = target_ ? target_->bssid : serving_->bssid;
  transmit(plainDataFrame(true, bssid, mac_, bssid, nextSequence(), inet::kEtherTypeEapol, pdu), label, at,
           std::move(onStart));
}

void Station::onEapol(ByteView pdu, sim::SimTime frameStart, bool viaDs) {
  const auto eapol = eapol::parseEapolHeader(pdu);
  if (!eapol || eapol->truncated) return;
  if (viaDs ? state_ != State::Preparing : (state_ != State::Eap && state_ != State::FourWay)) return;
  armTimeout(viaDs ? "preparation" : "802.1X or 4-way handshake");
  if (eapol->isEap()) onEap(eapol->body, frameStart, viaDs);
  else if (eapol->isKey()) onEapolKey(eapol->pdu, frameStart, viaDs);
}

void Station::onEap(ByteView bytes, sim::SimTime frameStart, bool viaDs) {
  const auto eap = eapol::parseEap(bytes);
  if (!eap || world_.settings.security != Security::EapTls || !world_.pki) return;
  auto phase = [this, viaDs](sim::SimTime a, sim::SimTime b) {
    if (viaDs) truth_.preparedPhase(mac_, PhaseKind::Eap, a, b);
    else truth_.phase(mac_, PhaseKind::Eap, a, b);
  };
  phase(frameStart, frameStart);
  if (eap->isRequest() && eap->type == eapol::eaptype::kIdentity) {
    eap::EapTlsConfig config;
    config.version = world_.settings.tlsVersion;
    config.caCertificateDer = world_.pki->ca.certificateDer;
    config.certificateDer = world_.pki->client.certificateDer;
    config.privateKeyDer = world_.pki->client.privateKeyDer;
    config.identity = world_.settings.identity;
    auto peer = eap::EapTlsPeer::create(std::move(config));
    if (!peer) {
      trace(TraceKind::Error, fmt::format("{}: EAP-TLS peer: {}", name_, peer.error().describe()));
      return;
    }
    eapPeer_ = std::move(*peer);
    eapViaDs_ = viaDs;
  }
  if (!eapPeer_) return;
  const sim::SimTime done = charge(cost::kEapTlsPeerMessage);
  auto response = eapPeer_->handle(eap->packet);
  if (!response) {
    trace(TraceKind::Error, fmt::format("{}: EAP packet discarded: {}", name_, response.error().describe()));
    return;
  }
  if (eap->code == static_cast<std::uint8_t>(eapol::EapCode::Success)) {
    const eap::EapTlsKeys* keys = eapPeer_->keys();
    if (!keys) return;
    auto pmk = eap::pmkFromMsk(keys->msk);
    if (!pmk) return;
    const MacAddress authenticator = target_->bssid;
    pmksa_[authenticator] = std::move(*pmk);
    msk_ = keys->msk;
    trace(TraceKind::KeyDerivation,
          fmt::format("{}: EAP-TLS succeeded with {} ({}): PMK = L(MSK, 0, 256), cached for {}", name_,
                      authenticator.toString(), keys->tlsVersion, viaDs ? "the roam (pre-authentication)" : "this AP"));
    eapPeer_.reset();
    return;
  }
  if (eap->code == static_cast<std::uint8_t>(eapol::EapCode::Failure)) {
    truth_.fail(mac_, frameStart, "eap", std::nullopt, "EAP Failure");
    restartAfterFailure();
    return;
  }
  if (response->empty()) return;
  sendEapol(eapol::buildEapol(2, eapol::PacketType::EapPacket, *response), viaDs, "EAP-Response", done,
            [phase](sim::SimTime start) { phase(start, start); });
}

void Station::onEapolKey(ByteView pdu, sim::SimTime frameStart, bool viaDs) {
  const auto key = eapol::parseEapolKey(pdu);
  if (!key || !target_) return;
  const bool ft = world_.settings.handoff == HandoffMethod::FtOverAir && !viaDs;
  const KeyHandshakeProfile profile{essAkm(world_.settings), viaDs || ft ? 3 : 2};
  auto phase = [this, viaDs](sim::SimTime a, sim::SimTime b) {
    if (viaDs) truth_.preparedPhase(mac_, PhaseKind::FourWay, a, b);
    else truth_.phase(mac_, PhaseKind::FourWay, a, b);
  };
  const MacAddress aa = target_->bssid;
  if (key->message == eapol::KeyMessage::Pairwise1) {
    const crypto::SecretBytes* pmk = pmkFor(aa);
    if (!pmk) {
      trace(TraceKind::Error, fmt::format("{}: 4-way message 1 from {} but no PMK for it", name_, aa.toString()));
      return;
    }
    state_ = viaDs ? State::Preparing : State::FourWay;
    phase(frameStart, frameStart);
    Supplicant s;
    s.seed000 = viaDs;
    s.authenticator = aa;
    s.anonce = toBytes(key->nonce);
    s.snonce = random_.bytes(32);
    s.replayCounter = key->replayCounter;
    charge(cost::kPtkDerivation);
    Bytes m2Elements = essRsne(world_.settings);
    if (ft) {
      // FT initial mobility domain association: PTK from PMK-R1 (12.7.1.7), the key holders from the
      // association response.
      auto xxKey = ftXxKey();
      if (!xxKey || ftR0khId_.empty() || !ftR1khId_) return;
      charge(cost::kFtKeyDerivation);
      charge(cost::kFtKeyDerivation);
      auto keys = deriveFtKeys(world_.settings, *xxKey, ftR0khId_, mac_, *ftR1khId_);
      if (!keys) return;
      auto ftPtk = crypto::derivePtkFt(profile.akm, keys->r1.pmkR1, keys->r1.pmkR1Name, s.snonce, s.anonce, aa, mac_,
                                       crypto::cipher::Ccmp128);
      if (!ftPtk) return;
      s.ptk = std::move(ftPtk->ptk);
      m2Elements = ftHandshakeElements(world_.settings, *keys, *ftR1khId_);
      ftKeys_ = std::move(*keys);
    } else {
      crypto::SecretBytes wrongPmk;
      if (viaDs && world_.settings.seed000Fault == Seed000Fault::WrongPmk) {
        wrongPmk = *pmk;  // fault injection: the station holds another PMK than the AP
        wrongPmk.data()[0] ^= 0x01;
      }
      const ByteView usedPmk = wrongPmk.empty() ? ByteView(*pmk) : ByteView(wrongPmk);
      auto ptk = viaDs ? crypto::seed000::derivePtk(usedPmk, aa, mac_, s.anonce, s.snonce)
                       : crypto::derivePtk(profile.akm, usedPmk, aa, mac_, s.anonce, s.snonce, crypto::cipher::Ccmp128);
      if (!ptk) return;
      s.ptk = std::move(*ptk);
    }
    auto m2 = buildMessage2(profile, s.replayCounter, s.snonce, m2Elements, *s.ptk);
    if (!m2) return;
    const sim::SimTime done = charge(cost::kEapolMic);
    supplicant_ = std::move(s);
    sendEapol(std::move(*m2), viaDs, "EAPOL-Key M2", done, [phase](sim::SimTime start) { phase(start, start); });
    return;
  }
  if (key->message != eapol::KeyMessage::Pairwise3 || !supplicant_ || !supplicant_->ptk) return;
  Supplicant& s = *supplicant_;
  charge(cost::kEapolMic);
  if (!crypto::constantTimeEquals(key->nonce, s.anonce) || !micVerifies(profile, s.ptk->kck, key->frame)) {
    trace(TraceKind::Error, fmt::format("{}: 4-way message 3 from {} fails its checks (ANonce or MIC): dropped",
                                        name_, aa.toString()));
    return;
  }
  phase(frameStart, frameStart);
  std::optional<UnwrappedGtk> gtk;
  if (!viaDs) {
    charge(cost::kAesKeyWrap);
    gtk = unwrapGtkFromKeyData(s.ptk->kek, key->keyData);
    if (!gtk) {
      trace(TraceKind::Error, fmt::format("{}: the GTK of message 3 does not unwrap: dropped", name_));
      return;
    }
  }
  auto m4 = buildMessage4(profile, key->replayCounter, *s.ptk);
  if (!m4) return;
  const sim::SimTime done = charge(cost::kEapolMic);
  if (viaDs) {
    auto id = crypto::seed000::ptkId(s.ptk->kck, aa, mac_, s.anonce, s.snonce);
    if (!id) return;
    rs::seed000::SaType saType;
    saType.akm.type = static_cast<std::uint8_t>(profile.akm);
    prepared_ = protocols::seed000::Ptksa{mac_, aa, *s.ptk, *id, saType};
    trace(TraceKind::KeyDerivation,
          fmt::format("{}: PTK with {} established before re-association (PTKID {}); leaves {}", name_,
                      aa.toString(), toHex(*id), serving_->bssid.toString()));
    supplicant_.reset();
    sendEapol(std::move(*m4), true, "EAPOL-Key M4", done, [this, phase](sim::SimTime start) {
      phase(start, start);
      // The station leaves its AP only now: everything the roam needs is in place.
      tune(target_->channel);
      state_ = State::Authenticating;
      sendAuthentication();
    });
    return;
  }
  tk_ = s.ptk->tk;
  gtk_ = std::move(gtk->gtk);
  supplicant_.reset();
  sendEapol(std::move(*m4), false, "EAPOL-Key M4", done, [this, phase](sim::SimTime start) {
    phase(start, start);
    connectedTo(start);
  });
}

void Station::startSeed000Exchange() {
  const Seed000Fault fault = world_.settings.seed000Fault;
  protocols::seed000::Ptksa sa = *prepared_;
  if (fault == Seed000Fault::BadPtkId) sa.ptkId[0] ^= 0x01;  // fault injection: a PTKSA the AP does not hold
  seed000_ = std::make_unique<protocols::seed000::Station>(std::move(sa));
  const Bytes sRandom = random_.bytes(32);
  auto step = seed000_->start(sRandom);
  if (step.outcome != protocols::seed000::Outcome::Accepted) return;
  if (fault == Seed000Fault::BadMic1) corruptMic(step.reply);
  Bytes frame = buildMacHeader(MacHeader::management(mgmt::Action, target_->bssid, mac_, target_->bssid, nextSequence()));
  frame.insert(frame.end(), step.reply.begin(), step.reply.end());
  state_ = State::Seed000;
  if (fault == Seed000Fault::ReplaySRandom) {
    // Fault injection: the same message 1 goes out a second time, as a replay would.
    transmit(Bytes(frame), "Authenticate PTK request (replayed)", charge(cost::kEapolMic) + sim::microseconds(1));
  }
  transmit(std::move(frame), "Authenticate PTK request", charge(cost::kEapolMic), [this](sim::SimTime start) {
    truth_.phase(mac_, PhaseKind::Seed000Exchange, start, start);
    seed000RequestStart_ = start;
  });
  armTimeout("seed-000 Authenticate PTK request");
}

void Station::onSeed000Response(const sim::AirReception& rx, ByteView body) {
  charge(cost::kEapolMic);
  charge(cost::kAesKeyWrap);
  const auto step = seed000_->onResponse(body);
  if (step.outcome != protocols::seed000::Outcome::Accepted) {
    trace(TraceKind::Error, fmt::format("{}: seed-000 Authenticate PTK response rejected: {}", name_,
                                        protocols::seed000::outcomeName(step.outcome)));
    return;
  }
  truth_.phase(mac_, PhaseKind::Seed000Exchange, rx.start, rx.start);
  truth_.requestResponse(mac_, seed000RequestStart_, rx.start);
  trace(TraceKind::KeyDerivation, fmt::format("{}: message 2 verified, GTK (key ID {}) unwrapped; installs TK and GTK, "
                                              "sends Group Key Confirm",
                                              name_, seed000_->gtkId()));
  Bytes reply = step.reply;
  if (world_.settings.seed000Fault == Seed000Fault::BadMic3) corruptMic(reply);
  if (world_.settings.seed000Fault == Seed000Fault::StaleARandom)
    if (auto other = withOtherRandom(reply, random_.bytes(32), prepared_->ptk.kck, mac_, target_->bssid)) reply = *other;
  Bytes frame = buildMacHeader(MacHeader::management(mgmt::Action, target_->bssid, mac_, target_->bssid, nextSequence()));
  frame.insert(frame.end(), reply.begin(), reply.end());
  tk_ = prepared_->ptk.tk;
  gtk_ = seed000_->gtk();
  transmit(std::move(frame), "Group Key Confirm", charge(cost::kEapolMic), [this](sim::SimTime start) {
    truth_.phase(mac_, PhaseKind::Seed000Exchange, start, start);
    connectedTo(start);
  });
}

void Station::connectedTo(sim::SimTime completedAt) {
  world_.sim.scheduler().cancel(timer_);
  state_ = State::Connected;
  serving_ = target_;
  target_.reset();
  prepared_.reset();
  seed000_.reset();
  pn_ = 1;
  truth_.complete(mac_, completedAt);
  trace(TraceKind::StateChange, fmt::format("{}: connected to {}; data flows", name_, serving_->bssid.toString()));
  if (!sampleTimer_.valid() || !world_.sim.scheduler().isPending(sampleTimer_)) sampleSignal();
}

}  // namespace rs::wlan
