// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/key_annotator.h"

#include <fmt/format.h>

#include "core/analysis/frame_decryptor.h"
#include "dissectors/dispatch.h"
#include "dissectors/index/frame_class.h"

namespace rs {
namespace {

Field* mutableLayer(Dissection& d, std::string_view name) {
  for (auto& l : d.layers)
    if (l.name == name) return &l;
  return nullptr;
}

void addKey(Field& parent, const char* name, const char* title, ByteView key) {
  Field& f = parent.addBytes(name, fmt::format("{}: {}", title, toHex(key)), key, parent.offset);
  f.length = 0;  // derived, not read from the frame
  f.secret = true;
}

void addVerdict(Field& parent, const char* name, const char* title, bool valid) {
  Field& f = parent.addString(name, fmt::format("{}: {}", title, valid ? "true" : "false"), valid ? "true" : "false",
                              parent.offset, 0);
  if (!valid) f.expert = fmt::format("{} failed", title);
}

void addPtkFields(Field& parent, const Ptksa& sa) {
  addKey(parent, "wlan.analysis.kck", "KCK", sa.ptk.kck);
  addKey(parent, "wlan.analysis.kek", "KEK", sa.ptk.kek);
  addKey(parent, "wlan.analysis.tk", "TK", sa.ptk.tk);
  parent.addString("roamscope.pmk_origin", "PMK from: " + sa.pmkOrigin, sa.pmkOrigin, parent.offset, 0);
}

void annotateEapolKey(const HandshakeTracker& keys, const KeyFrameCheck& check, Dissection& d) {
  Field* eapol = mutableLayer(d, "eapol");
  if (!eapol) return;
  Field& tree = eapol->addText("[RoamScope key analysis]", eapol->offset, 0);
  if (check.micValid) addVerdict(tree, "roamscope.mic_valid", "MIC valid", *check.micValid);
  if (check.pmkidValid) addVerdict(tree, "roamscope.pmkid_valid", "PMKID valid", *check.pmkidValid);
  if (check.ptksa) {
    const Ptksa& sa = keys.ptksas()[*check.ptksa];
    // Only keys that verified are worth showing: a failed MIC means these are not the session's keys.
    if (sa.verified) addPtkFields(tree, sa);
  }
  if (check.gtksa) addKey(tree, "wlan.analysis.gtk", "GTK", keys.gtksas()[*check.gtksa].gtk);
  if (!check.note.empty()) tree.addString("roamscope.key_note", "Note: " + check.note, check.note, eapol->offset, 0);
  for (const KeyAnomaly& a : check.anomalies) {
    const std::string name(keyAnomalyName(a.kind));
    Field& f = tree.addString("roamscope.key_anomaly", fmt::format("Key anomaly: {}: {}", name, a.message), name,
                              eapol->offset, 0);
    f.expert = a.message;
  }
  if (check.retransmission)
    tree.addString("roamscope.key_retransmission", "Retransmission of the Authenticator's previous message: true",
                   "true", eapol->offset, 0);
  if (tree.children.empty()) eapol->children.pop_back();
}

void annotateRsnePmkids(const std::vector<PmkidCheck>& checks, Dissection& d) {
  // (Re)association requests carry the RSNE in the management body, message 2 in the EAPOL-Key data.
  Field* parent = mutableLayer(d, "wlan.mgt");
  if (!parent) parent = mutableLayer(d, "eapol");
  if (!parent) return;
  Field& tree = parent->addText("[RoamScope RSNE PMKID check]", parent->offset, 0);
  for (const auto& c : checks) addVerdict(tree, "roamscope.pmkid_valid", fmt::format("PMKID {} valid", c.listIndex + 1).c_str(), c.valid);
}

void annotateFtMic(const FtMicCheck& check, Dissection& d) {
  // The FTE MIC of an FT reassociation request/response (13.8.4/13.8.5).
  Field* mgt = mutableLayer(d, "wlan.mgt");
  if (!mgt) return;
  Field& tree = mgt->addText("[RoamScope FT key analysis]", mgt->offset, 0);
  if (check.micValid) addVerdict(tree, "roamscope.mic_valid", "FTE MIC valid", *check.micValid);
  if (!check.note.empty()) tree.addString("roamscope.key_note", "Note: " + check.note, check.note, mgt->offset, 0);
  if (tree.children.empty()) mgt->children.pop_back();
}

void replaceCiphertext(const DecryptedFrame& plain, Dissection& d) {
  // Drop what the dissectors made of the ciphertext (the "data" layer after wlan).
  std::size_t wlanIndex = d.layers.size();
  for (std::size_t i = 0; i < d.layers.size(); ++i)
    if (d.layers[i].name == "wlan") wlanIndex = i;
  if (wlanIndex == d.layers.size()) return;
  d.layers.resize(wlanIndex + 1);
  d.layerSource.resize(wlanIndex + 1);

  Field& wlan = d.layers[wlanIndex];
  Field& tree = wlan.addText(fmt::format("[Decrypted {} data, PN {}]", plain.cipher, plain.packetNumber), wlan.offset, 0);
  tree.addString("roamscope.decrypted", fmt::format("Cipher: {}", plain.cipher), std::string(plain.cipher), wlan.offset, 0);
  if (plain.ptksa) addKey(tree, "wlan.analysis.tk", "TK", plain.ptksa->ptk.tk);
  if (plain.gtksa) addKey(tree, "wlan.analysis.gtk", "GTK", plain.gtksa->gtk);
  if (plain.temporalKey) {
    addKey(tree, "wlan.analysis.tk", "TK", plain.temporalKey->tk);
    tree.addString("roamscope.tk_origin", "TK from: " + plain.temporalKey->origin, plain.temporalKey->origin,
                   wlan.offset, 0);
  }

  d.decryptedSources.push_back(plain.msdu);
  const std::size_t source = d.decryptedSources.size();
  dissectLlc(PayloadContext{d.decryptedSources.back(), 0, source}, d);
}

}  // namespace

void annotateKeys(const HandshakeTracker& keys, const FrameView& frame, Dissection& dissection) {
  // Decrypt first: a protected frame may carry the EAPOL-Key message being annotated.
  const ByteView mpdu = locateIeee80211(frame.linkType, frame.data);
  if (!mpdu.empty())
    if (auto plain = decryptFrame(keys, mpdu, frame.index)) replaceCiphertext(*plain, dissection);
  if (const KeyFrameCheck* check = keys.check(frame.index)) annotateEapolKey(keys, *check, dissection);
  if (const auto* pmkids = keys.rsnePmkidChecks(frame.index)) annotateRsnePmkids(*pmkids, dissection);
  if (const FtMicCheck* ft = keys.ftMicCheck(frame.index)) annotateFtMic(*ft, dissection);
}

}  // namespace rs
