// SPDX-License-Identifier: GPL-3.0-or-later
// Access point: the 802.1X authenticator (EAP relay to RADIUS), the PMK cache
// and the 4-way handshake — after (re)association over the air, and for seed
// 000 before re-association over the DS (EtherType 0x88C7, through the
// station's current AP; docs/protocols/seed-000.md section 3).
#include <fmt/format.h>

#include "core/crypto/akm_suite.h"
#include "core/crypto/ft_key_hierarchy.h"
#include "core/crypto/seed000_keys.h"
#include "core/protocols/wlan/access_point.h"
#include "core/protocols/wlan/air_frames.h"
#include "core/protocols/wlan/ds_frames.h"
#include "core/protocols/wlan/key_log.h"
#include "core/protocols/wlan/wlan_costs.h"
#include "dissectors/eapol/eap.h"
#include "dissectors/eapol/eapol.h"
#include "dissectors/inet/ethernet.h"
#include "dissectors/radius/radius.h"

namespace rs::wlan {

using sim::EventKind;
using sim::TraceKind;

namespace {

bool isFt(const WlanSettings& s) { return s.handoff == HandoffMethod::FtOverAir; }

// Descriptor version 3 (AES-128-CMAC) for the seed-000 handshake and the FT AKMs (12.7.2), else 2.
KeyHandshakeProfile profileFor(const WlanSettings& s, bool seed000) {
  return KeyHandshakeProfile{essAkm(s), seed000 || isFt(s) ? 3 : 2};
}


sim::LabelledBytes labelled(std::string label, ByteView value, bool secret) {
  return sim::LabelledBytes{std::move(label), crypto::SecretBytes(value), secret};
}

// The PTK derivation as the key inspector shows it: its formula, inputs and outputs (secrets flagged).
sim::KeyDerivationRecord ptkRecord(std::string formula, ByteView pmk, const MacAddress& aa, const MacAddress& spa,
                                   ByteView anonce, ByteView snonce, const crypto::Ptk& ptk) {
  sim::KeyDerivationRecord r;
  r.name = std::move(formula);
  r.inputs.push_back(labelled("PMK", pmk, true));
  r.inputs.push_back(labelled("AA", aa.view(), false));
  r.inputs.push_back(labelled("SPA", spa.view(), false));
  r.inputs.push_back(labelled("ANonce", anonce, false));
  r.inputs.push_back(labelled("SNonce", snonce, false));
  r.outputs.push_back(labelled("KCK", ptk.kck, true));
  r.outputs.push_back(labelled("KEK", ptk.kek, true));
  r.outputs.push_back(labelled("TK", ptk.tk, true));
  return r;
}

}  // namespace

const crypto::SecretBytes* AccessPoint::pmkFor(const MacAddress& sta) const {
  if (world_.settings.security == Security::Psk) return &world_.pskPmk;
  const auto it = pmkCache_.find(sta);
  return it == pmkCache_.end() ? nullptr : &it->second;
}

void AccessPoint::sendEapol(const MacAddress& sta, Path path, Bytes pdu, std::string_view label, sim::SimTime at) {
  if (path == Path::Ds) {
    sendDs(inet::buildEthernet(sta, bssid_, inet::kEtherTypePreauth, pdu), label, at);
    return;
  }
  const auto it = stations_.find(sta);
  if (it == stations_.end() || !it->second.associated) return;
  sendAir(plainDataFrame(false, bssid_, sta, bssid_, nextSequence(), inet::kEtherTypeEapol, pdu), label, at);
}

void AccessPoint::onEapol(const MacAddress& sta, Path path, ByteView pdu) {
  const auto eapol = eapol::parseEapolHeader(pdu);
  if (!eapol || eapol->truncated) return;
  if (eapol->type == static_cast<std::uint8_t>(eapol::PacketType::Start)) {
    // Over the DS an EAPOL-Start asks this (target) AP to prepare the station's roam: 802.1X
    // pre-authentication when no PMK is cached, then (seed 000) the handshake before re-association.
    trace(TraceKind::FrameReceived,
          fmt::format("{}: EAPOL-Start from {} {}", name_, sta.toString(),
                      path == Path::Ds ? "through the DS (pre-authentication, EtherType 0x88C7)" : "over the air"));
    if (path == Path::Ds && world_.settings.handoff == HandoffMethod::Seed000 && pmkFor(sta))
      startKeyExchange(sta, Path::Ds, true);
    else if (world_.settings.security == Security::EapTls)
      startEap(sta, path);
    return;
  }
  if (eapol->isKey()) {
    onEapolKey(sta, eapol->pdu);
    return;
  }
  if (!eapol->isEap() || !radius_) return;
  const auto relay = relays_.find(sta);
  const auto eap = eapol::parseEap(eapol->body);
  if (relay == relays_.end() || !eap || !eap->isResponse()) return;
  if (eap->type == eapol::eaptype::kIdentity) relay->second.userName = eap->text();
  auto request = radius_->accessRequest(sta, relay->second.userName, eap->packet, relay->second.state);
  if (!request || !world_.authServer) return;
  const sim::Node& as = world_.node(*world_.authServer);
  const sim::Node& self = world_.node(node_);
  const UdpEndpoint from{self.mac, self.ipv4.value_or(0), static_cast<std::uint16_t>(32768 + node_)};
  const UdpEndpoint to{as.mac, as.ipv4.value_or(0), radius::kAuthPort};
  sendDs(buildUdpFrame(from, to, ipIdentification_++, *request), "Access-Request", charge(cost::kMgmtProcessing));
}

void AccessPoint::startEap(const MacAddress& sta, Path path) {
  relays_[sta] = EapRelay{path, {}, {}};
  const auto identifier = static_cast<std::uint8_t>(random_.uniformInt(0, 255));
  const Bytes eap = eapol::buildEapIdentity(eapol::EapCode::Request, identifier, {});
  sendEapol(sta, path, eapol::buildEapol(2, eapol::PacketType::EapPacket, eap), "EAP-Request/Identity",
            charge(cost::kMgmtProcessing));
}

void AccessPoint::onRadius(ByteView packet) {
  std::string why;
  auto reply = radius_->onReply(packet, why);
  if (!reply) {
    trace(TraceKind::Error, fmt::format("{}: RADIUS reply dropped: {}", name_, why));
    return;
  }
  const auto relay = relays_.find(reply->sta);
  if (relay == relays_.end()) return;
  const Path path = relay->second.path;
  relay->second.state = reply->state;
  sim::SimTime done = charge(cost::kMgmtProcessing);
  const Bytes eapolPdu = eapol::buildEapol(2, eapol::PacketType::EapPacket, reply->eap);
  if (reply->code == radius::code::kAccessChallenge) {
    sendEapol(reply->sta, path, eapolPdu, "EAP-Request", done);
  } else if (reply->code == radius::code::kAccessAccept) {
    done = charge(cost::kMppeKeyCrypto);
    relays_.erase(relay);
    if (isFt(world_.settings)) stations_[reply->sta].msk = std::move(reply->msk);
    sendEapol(reply->sta, path, eapolPdu, "EAP-Success", done);
    trace(TraceKind::KeyDerivation, fmt::format("{}: Access-Accept for {}: PMK = MS-MPPE-Recv-Key (RFC 2548)", name_,
                                                reply->sta.toString()));
    const MacAddress sta = reply->sta;
    auto pmk = std::make_shared<crypto::SecretBytes>(std::move(reply->pmk));
    world_.sim.scheduler().scheduleAt(done + sim::microseconds(1), {EventKind::Protocol, node_, "PMK installed"},
                                      [this, sta, path, pmk] { onPmk(sta, path, std::move(*pmk)); });
  } else if (reply->code == radius::code::kAccessReject) {
    relays_.erase(relay);
    sendEapol(reply->sta, path, eapolPdu, "EAP-Failure", done);
    trace(TraceKind::Error, fmt::format("{}: Access-Reject for {}", name_, reply->sta.toString()));
  }
}

void AccessPoint::onPmk(const MacAddress& sta, Path path, crypto::SecretBytes pmk) {
  pmkCache_[sta] = std::move(pmk);
  if (path == Path::Air)
    startKeyExchange(sta, Path::Air, false);
  else if (world_.settings.handoff == HandoffMethod::Seed000)
    startKeyExchange(sta, Path::Ds, true);
}

void AccessPoint::startKeyExchange(const MacAddress& sta, Path path, bool seed000) {
  const crypto::SecretBytes* pmk = pmkFor(sta);
  if (!pmk) return;
  KeyExchange x;
  x.path = path;
  x.seed000 = seed000;
  x.replayCounter = 1;
  x.anonce = random_.bytes(32);
  x.awaiting = 2;
  std::optional<ieee80211::Pmkid> pmkid;
  if (!seed000 && !isFt(world_.settings)) {
    // Message 1 names the PMK (PMKID KDE, 12.7.6.2), so the station can check it holds the same one.
    pmkid = essPmkid(world_.settings, *pmk, bssid_, sta);
  }
  x.lastSent = buildMessage1(profileFor(world_.settings, seed000), x.replayCounter, x.anonce, pmkid);
  trace(TraceKind::FrameSent, fmt::format("{}: 4-way handshake message 1 to {}{} (ANonce {})", name_, sta.toString(),
                                          seed000 ? " through the DS, before re-association (seed 000)" : "",
                                          toHex(x.anonce)));
  const Bytes m1 = x.lastSent;
  keyExchanges_[sta] = std::move(x);
  sendEapol(sta, path, m1, "EAPOL-Key M1", world_.sim.now());
  armKeyTimer(sta);
}

void AccessPoint::armKeyTimer(const MacAddress& sta) {
  auto it = keyExchanges_.find(sta);
  if (it == keyExchanges_.end()) return;
  world_.sim.scheduler().cancel(it->second.timer);
  it->second.timer = world_.sim.scheduler().scheduleAfter(world_.settings.responseTimeout,
                                                          {EventKind::Timer, node_, "EAPOL-Key timeout"},
                                                          [this, sta] { onKeyTimeout(sta); });
}

void AccessPoint::onKeyTimeout(const MacAddress& sta) {
  auto it = keyExchanges_.find(sta);
  if (it == keyExchanges_.end()) return;
  KeyExchange& x = it->second;
  if (x.resends < world_.settings.retries) {
    ++x.resends;
    trace(TraceKind::Error, fmt::format("{}: no EAPOL-Key message {} from {}: resends", name_, x.awaiting,
                                        sta.toString()));
    sendEapol(sta, x.path, x.lastSent, x.awaiting == 2 ? "EAPOL-Key M1" : "EAPOL-Key M3", world_.sim.now());
    armKeyTimer(sta);
    return;
  }
  const Path path = x.path;
  keyExchanges_.erase(it);
  if (path == Path::Air) deauthenticate(sta, 15);  // 4-way handshake timeout (Table 9-45)
}

// The target AP holds the seed-000 PTKSA from message 2 on (it has just derived the PTK and checked the
// station's MIC); message 4 confirms it. The station leaves as soon as it has sent message 4, so its
// Authenticate PTK request may overtake message 4 on its way through the DS; its MIC proves possession
// of the KCK just as message 4 would (docs/protocols/seed-000.md section 3).
void AccessPoint::prepareSeed000Ptksa(const MacAddress& sta, const KeyExchange& x, ByteView snonce) {
  auto id = crypto::seed000::ptkId(x.ptk->kck, bssid_, sta, x.anonce, snonce);
  if (!id) return;
  rs::seed000::SaType saType;
  saType.akm.type = static_cast<std::uint8_t>(essAkm(world_.settings));
  protocols::seed000::Ptksa sa{sta, bssid_, *x.ptk, *id, saType};
  Station& s = stations_[sta];
  s.seed000Tk = x.ptk->tk;
  s.seed000Kck = x.ptk->kck;
  s.seed000 = std::make_unique<protocols::seed000::AccessPoint>(std::move(sa), gtk_, gtkKeyId_);
  trace(TraceKind::KeyDerivation,
        fmt::format("{}: PTKSA for {} established before re-association: PTK = KDF-SHA-256(PMK, \"RoamScope "
                    "seed-000 PTK\", Min(AA,SPA) || Max(AA,SPA) || Min(ANonce,SNonce) || Max(ANonce,SNonce)), PTKID {}",
                    name_, sta.toString(), toHex(*id)));
}

void AccessPoint::onEapolKey(const MacAddress& sta, ByteView pdu) {
  auto it = keyExchanges_.find(sta);
  const auto key = eapol::parseEapolKey(pdu);
  if (it == keyExchanges_.end() || !key) return;
  KeyExchange& x = it->second;
  const KeyHandshakeProfile profile = profileFor(world_.settings, x.seed000);
  if (key->replayCounter != x.replayCounter) return;  // 12.7.2: a replay counter we did not use
  const crypto::SecretBytes* pmk = pmkFor(sta);
  if (!pmk) return;
  if (x.awaiting == 2 && key->message == eapol::KeyMessage::Pairwise2) {
    charge(cost::kPtkDerivation);
    std::optional<crypto::Result<crypto::Ptk>> ptk;
    if (x.seed000) {
      ptk = crypto::seed000::derivePtk(*pmk, bssid_, sta, x.anonce, key->nonce);
    } else if (isFt(world_.settings)) {
      // FT initial mobility domain association: PMK-R0 (this AP is the R0KH), PMK-R1, then the FT PTK (12.7.1.7).
      charge(cost::kFtKeyDerivation);
      charge(cost::kFtKeyDerivation);
      const auto mskIt = stations_.find(sta);
      crypto::Result<crypto::SecretBytes> xxKey =
          world_.settings.security == Security::Psk ? crypto::Result<crypto::SecretBytes>(*pmk)
          : mskIt != stations_.end() ? crypto::xxKeyFromMsk(profile.akm, mskIt->second.msk)
                                     : crypto::Result<crypto::SecretBytes>(crypto::makeError(crypto::ErrorCode::InvalidArgument, "no MSK"));
      if (!xxKey) return;
      auto keys = deriveFtKeys(world_.settings, *xxKey, r0khIdOf(name_), sta, bssid_);
      if (!keys) return;
      auto ftPtk = crypto::derivePtkFt(profile.akm, keys->r1.pmkR1, keys->r1.pmkR1Name, key->nonce, x.anonce, bssid_, sta,
                                       crypto::cipher::Ccmp128);
      if (!ftPtk) return;
      x.ft = std::move(*keys);
      ptk = std::move(ftPtk->ptk);
    } else {
      ptk = crypto::derivePtk(profile.akm, *pmk, bssid_, sta, x.anonce, key->nonce, crypto::cipher::Ccmp128);
    }
    charge(cost::kEapolMic);
    if (!*ptk || !micVerifies(profile, (*ptk)->kck, key->frame)) {
      trace(TraceKind::Error, fmt::format("{}: MIC of message 2 from {} does not verify (wrong PMK?): dropped", name_,
                                          sta.toString()));
      return;
    }
    x.ptk = std::move(**ptk);
    const std::string formula =
        x.seed000 ? "PTK = KDF-SHA-256-384(PMK, \"RoamScope seed-000 PTK\", Min(AA,SPA) || Max(AA,SPA) || "
                    "Min(ANonce,SNonce) || Max(ANonce,SNonce))  (seed 000, before re-association)"
        : x.ft    ? "PTK = KDF-SHA-256(PMK-R1, \"FT-PTK\", SNonce || ANonce || BSSID || STA-ADDR)  (IEEE 802.11-2016 "
                    "12.7.1.7.5; PMK-R0/R1 from the XXKey, 12.7.1.7.3-4)"
                  : "PTK = PRF-384(PMK, \"Pairwise key expansion\", Min(AA,SPA) || Max(AA,SPA) || Min(ANonce,SNonce) || "
                    "Max(ANonce,SNonce))  (IEEE 802.11-2016 12.7.1.3)";
    world_.sim.trace(sim::TraceEvent{world_.sim.now(), node_, TraceKind::KeyDerivation,
                                     fmt::format("{}: message 2 from {} verified with the PTK it derived", name_,
                                                 sta.toString()),
                                     ptkRecord(formula, x.ft ? ByteView(x.ft->r1.pmkR1) : ByteView(*pmk), bssid_, sta,
                                               x.anonce, key->nonce, *x.ptk)});
    if (x.seed000) prepareSeed000Ptksa(sta, x, key->nonce);
    charge(cost::kAesKeyWrap);
    const sim::SimTime done = charge(cost::kEapolMic);
    ++x.replayCounter;
    // Seed 000 sends no GTK here (it travels in Authenticate PTK response) but keeps the Install bit: every
    // parser (Wireshark's too) tells message 3 from message 1 by it; the keys are used only after re-association.
    const Bytes m3Elements = x.ft ? ftHandshakeElements(world_.settings, *x.ft, bssid_) : essRsne(world_.settings);
    auto m3 = buildMessage3(profile, x.replayCounter, x.anonce, m3Elements,
                            x.seed000 ? ByteView{} : ByteView(gtk_), gtkKeyId_, true, *x.ptk);
    if (!m3) return;
    x.lastSent = *m3;
    x.awaiting = 4;
    x.resends = 0;
    sendEapol(sta, x.path, std::move(*m3), "EAPOL-Key M3", done);
    armKeyTimer(sta);
    return;
  }
  if (x.awaiting == 4 && key->message == eapol::KeyMessage::Pairwise4 && x.ptk) {
    const sim::SimTime done = charge(cost::kEapolMic);
    if (!micVerifies(profile, x.ptk->kck, key->frame)) {
      trace(TraceKind::Error, fmt::format("{}: MIC of message 4 from {} does not verify: dropped", name_,
                                          sta.toString()));
      return;
    }
    world_.sim.scheduler().cancel(x.timer);
    if (x.seed000) {
      trace(TraceKind::Info, fmt::format("{}: message 4 from {} confirms the PTKSA prepared for its re-association",
                                         name_, sta.toString()));
    } else {
      Station& s = stations_[sta];
      s.tk = x.ptk->tk;
      s.pn = 1;
      if (world_.keys) {
        world_.keys->pmk(sta, bssid_, *pmkFor(sta), x.ft ? "FT initial mobility domain association" : "4-way handshake");
        world_.keys->tk(sta, bssid_, s.tk, "4-way handshake");
        world_.keys->gtk(bssid_, gtk_, gtkKeyId_);
      }
      trace(TraceKind::KeyDerivation, fmt::format("{}: 4-way handshake with {} complete: TK installed (at {})", name_,
                                                  sta.toString(), sim::formatSimTime(done)));
      if (x.ft) pushPmkR1s(sta, *x.ft);
    }
    keyExchanges_.erase(it);
  }
}

}  // namespace rs::wlan
