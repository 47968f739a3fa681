// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/roam/seed000_scene.h"

#include <QtGlobal>
#include <algorithm>

#include "core/crypto/eapol_mic.h"
#include "core/crypto/seed000_keys.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/seed000/seed000.h"

namespace rs::test {
namespace {

constexpr int kAkm8021X = 1;  // seed000::SaType's default AKM: the EAPOL-Key MIC is AES-128-CMAC (version 3)

Bytes filled(std::size_t n, std::uint8_t first) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(first + i);
  return b;
}

const Bytes kSRandom = filled(32, 0x80);
const Bytes kARandom = filled(32, 0xa0);
const Bytes kGtk = filled(16, 0xc0);

}  // namespace

Seed000Keys::Seed000Keys(const MacAddress& station, const MacAddress& target)
    : sta(station), ap(target), pmk(filled(32, 0x00)), aNonce(filled(32, 0x40)), sNonce(filled(32, 0x60)) {
  auto derived = crypto::seed000::derivePtk(pmk, ap, sta, aNonce, sNonce);
  if (!derived) qFatal("seed-000 PTK");
  ptk = std::move(*derived);
  auto id = crypto::seed000::ptkId(ptk.kck, ap, sta, aNonce, sNonce);
  if (!id) qFatal("seed-000 PTKID");
  ptkId = std::move(*id);
}

Bytes seed000Message(const Seed000Keys& keys, int type) {
  seed000::Message m;
  m.type = static_cast<seed000::MessageType>(type);
  Bytes wrapped;
  switch (m.type) {
    case seed000::MessageType::AuthenticatePtkRequest:
      m.sRandom = kSRandom;
      m.ptkId = keys.ptkId;
      break;
    case seed000::MessageType::AuthenticatePtkResponse: {
      auto w = crypto::seed000::wrapGtk(keys.ptk.kek, kGtk);
      if (!w) qFatal("seed-000 GTK wrap");
      wrapped = std::move(*w);
      m.aRandom = kARandom;
      m.sRandom = kSRandom;
      m.ptkId = keys.ptkId;
      m.gtkId = 1;
      m.wrappedGtk = wrapped;
      break;
    }
    case seed000::MessageType::GroupKeyConfirm: m.aRandom = kARandom; break;
  }
  auto body = seed000::buildActionBody(m);
  if (!body) qFatal("seed-000 message %d", type);
  const auto mic = crypto::seed000::messageMic(keys.ptk.kck, keys.sta, keys.ap, *body);
  if (!mic || !seed000::setMic(*body, *mic)) qFatal("seed-000 MIC");
  return *body;
}

void preReassociationFourWay(RoamScene& scene, const Seed000Keys& keys, const SceneAp& current, const SceneAp& target,
                             std::int64_t m1Ns) {
  const eapol::KeyMessage messages[] = {eapol::KeyMessage::Pairwise1, eapol::KeyMessage::Pairwise2,
                                        eapol::KeyMessage::Pairwise3, eapol::KeyMessage::Pairwise4};
  for (int i = 0; i < 4; ++i) {
    const eapol::KeyMessage m = messages[i];
    const bool fromAp = RoamScene::sentByAp(m);
    eapol::EapolKeyFields f = RoamScene::keyMessageFields(m, i < 2 ? 1 : 2, 3);
    const Bytes& nonce = fromAp ? keys.aNonce : keys.sNonce;
    if (m != eapol::KeyMessage::Pairwise4) std::copy(nonce.begin(), nonce.end(), f.nonce.begin());
    Bytes pdu = eapol::buildEapolKey(f);
    if (m != eapol::KeyMessage::Pairwise1) {  // message 1 carries no MIC (IEEE 802.11-2016 12.7.6.2)
      const auto mic = crypto::eapolKeyMic(kAkm8021X, 3, keys.ptk.kck, pdu);
      if (!mic) qFatal("EAPOL-Key MIC");
      std::copy(mic->begin(), mic->end(), pdu.begin() + crypto::kEapolKeyMicOffset);
    }
    scene.preauthEapol(m1Ns + i * 1'000'000, current, target, fromAp, pdu);
  }
}

}  // namespace rs::test
