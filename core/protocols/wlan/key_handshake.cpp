// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/key_handshake.h"

#include <algorithm>

#include "core/crypto/aes_key_wrap.h"
#include "core/crypto/eapol_mic.h"
#include "dissectors/ieee80211/elements/kde.h"

namespace rs::wlan {
namespace {

using namespace eapol::keyinfo;

std::array<std::uint8_t, 32> nonceArray(ByteView nonce) {
  std::array<std::uint8_t, 32> a{};
  std::copy_n(nonce.begin(), std::min<std::size_t>(nonce.size(), a.size()), a.begin());
  return a;
}

crypto::Result<Bytes> sign(const KeyHandshakeProfile& p, eapol::EapolKeyFields fields, const crypto::Ptk& ptk) {
  Bytes pdu = eapol::buildEapolKey(fields);
  auto mic = crypto::eapolKeyMic(p.akm, p.descriptorVersion, ptk.kck, pdu);
  if (!mic) return mic.error();
  std::copy(mic->begin(), mic->end(), pdu.begin() + eapol::kKeyMicOffset);
  return pdu;
}

std::uint16_t version(const KeyHandshakeProfile& p) { return static_cast<std::uint16_t>(p.descriptorVersion & 7); }

}  // namespace

Bytes buildMessage1(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView anonce,
                    const std::optional<ieee80211::Pmkid>& pmkid) {
  eapol::EapolKeyFields f;
  f.keyInfo = static_cast<std::uint16_t>(kPairwise | kAck | version(p));
  f.keyLength = 16;
  f.replayCounter = replayCounter;
  f.nonce = nonceArray(anonce);
  if (pmkid) f.keyData = ieee80211::buildPmkidKde(*pmkid);
  return eapol::buildEapolKey(f);
}

crypto::Result<Bytes> buildMessage2(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView snonce,
                                    ByteView rsne, const crypto::Ptk& ptk) {
  eapol::EapolKeyFields f;
  f.keyInfo = static_cast<std::uint16_t>(kPairwise | kMic | version(p));
  f.replayCounter = replayCounter;
  f.nonce = nonceArray(snonce);
  f.keyData = toBytes(rsne);
  return sign(p, std::move(f), ptk);
}

crypto::Result<Bytes> buildMessage3(const KeyHandshakeProfile& p, std::uint64_t replayCounter, ByteView anonce,
                                    ByteView rsne, ByteView gtk, std::uint8_t gtkKeyId, bool install,
                                    const crypto::Ptk& ptk) {
  Bytes keyData = toBytes(rsne);
  if (!gtk.empty()) {
    const Bytes kde = ieee80211::buildGtkKde(gtkKeyId, false, gtk);
    keyData.insert(keyData.end(), kde.begin(), kde.end());
  }
  ieee80211::padKeyDataForKeyWrap(keyData);
  auto wrapped = crypto::aesKeyWrap(ptk.kek, keyData);
  crypto::wipe(keyData);
  if (!wrapped) return wrapped.error();
  eapol::EapolKeyFields f;
  f.keyInfo = static_cast<std::uint16_t>(kPairwise | kAck | kMic | kSecure | kEncryptedKeyData | version(p) |
                                         (install ? kInstall : 0));
  f.keyLength = 16;
  f.replayCounter = replayCounter;
  f.nonce = nonceArray(anonce);
  f.keyData = std::move(*wrapped);
  return sign(p, std::move(f), ptk);
}

crypto::Result<Bytes> buildMessage4(const KeyHandshakeProfile& p, std::uint64_t replayCounter,
                                    const crypto::Ptk& ptk) {
  eapol::EapolKeyFields f;
  f.keyInfo = static_cast<std::uint16_t>(kPairwise | kMic | kSecure | version(p));
  f.replayCounter = replayCounter;
  return sign(p, std::move(f), ptk);
}

bool micVerifies(const KeyHandshakeProfile& p, ByteView kck, ByteView eapolPdu) {
  auto ok = crypto::verifyEapolKeyFrame(p.akm, p.descriptorVersion, kck, eapolPdu);
  return ok && *ok;
}

std::optional<UnwrappedGtk> unwrapGtkFromKeyData(ByteView kek, ByteView wrappedKeyData) {
  auto plain = crypto::aesKeyUnwrap(kek, wrappedKeyData);
  if (!plain) return std::nullopt;
  const auto item = ieee80211::findKde(plain->view(), ieee80211::kde::kGtk);
  if (!item) return std::nullopt;
  const auto gtk = ieee80211::parseGtkKde(item->kdeData);
  if (!gtk) return std::nullopt;
  return UnwrappedGtk{crypto::SecretBytes(gtk->gtk), gtk->keyId};
}

}  // namespace rs::wlan
