// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/key_inventory.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/analysis/frame_decryptor.h"
#include "core/crypto/akm_suite.h"
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs {

namespace {

std::string akmName(int akm) {
  return std::string(ieee80211::akmSuiteName(ieee80211::SuiteSelector{ieee80211::kIeee80211Oui,
                                                                      static_cast<std::uint8_t>(akm)}));
}

std::string cipherName(int cipher) {
  return std::string(ieee80211::cipherSuiteName(ieee80211::SuiteSelector{ieee80211::kIeee80211Oui,
                                                                         static_cast<std::uint8_t>(cipher)}));
}

// How a PTKSA came about: an FT roam installs keys at its reassociation request, a 4-way handshake at message 2/3.
std::string establishedBy(const Ptksa& sa, bool ftRoam) {
  return fmt::format("{} at frame {}", ftRoam ? "FT reassociation" : "4-way handshake", sa.firstFrame + 1);
}

}  // namespace

KeyInventory::KeyInventory(const HandshakeTracker& keys) : keys_(keys) {
  for (const Ptksa& sa : keys.ptksas()) {
    if (!sa.verified) continue;  // unverified keys are not the session's: nothing to export
    ptksas_.push_back(PtksaEntry{&sa, 0});
    bool known = false;
    for (const PmkEntry& p : pmks_) known = known || (p.pmk && *p.pmk == sa.pmk);
    if (!known)
      pmks_.push_back(PmkEntry{sa.pmkOrigin, sa.akm, !FtKeyTracker::xxKeyFromMsk(sa.akm), &sa.pmk});
  }
  for (const Gtksa& g : keys.gtksas()) gtksas_.push_back(GtksaEntry{&g, 0});
}

void KeyInventory::countFrame(ByteView mpdu, std::uint64_t frameIndex) {
  const auto plain = decryptFrame(keys_, mpdu, frameIndex);
  if (!plain) return;
  for (auto& e : ptksas_)
    if (e.sa == plain->ptksa) ++e.frames;
  for (auto& e : gtksas_)
    if (e.sa == plain->gtksa) ++e.frames;
}

std::string KeyInventory::text(bool reveal) const {
  std::string out;
  out += fmt::format("PMKs ({}):\n", pmks_.size());
  for (const auto& p : pmks_)
    out += fmt::format("  {:<10} {}  from {}{}\n", akmName(p.akm), crypto::secretHex(*p.pmk, reveal), p.origin,
                       p.importable ? "" : " (FT-802.1X XXKey)");
  out += fmt::format("PTKSAs ({}):\n", ptksas_.size());
  for (const auto& e : ptksas_) {
    const Ptksa& sa = *e.sa;
    const bool ft = crypto::akmProfile(sa.akm) && crypto::akmProfile(sa.akm)->fastTransition &&
                    keys_.ftMicCheck(sa.firstFrame);
    out += fmt::format("  station {} BSSID {} {} {}: {}, {} frame(s) decrypted, from {}\n    TK {}\n",
                       sa.spa.toString(), sa.aa.toString(), akmName(sa.akm), cipherName(sa.cipher),
                       establishedBy(sa, ft), e.frames, sa.pmkOrigin, crypto::secretHex(sa.ptk.tk, reveal));
  }
  out += fmt::format("GTKSAs ({}):\n", gtksas_.size());
  for (const auto& e : gtksas_)
    out += fmt::format("  BSSID {} key ID {} {}: delivered at frame {}, {} frame(s) decrypted\n    GTK {}\n",
                       e.sa->bssid.toString(), e.sa->keyId, cipherName(e.sa->cipher), e.sa->frame + 1, e.frames,
                       crypto::secretHex(e.sa->gtk, reveal));
  return out;
}

nlohmann::ordered_json KeyInventory::json(bool reveal) const {
  nlohmann::ordered_json j;
  j["masked"] = !reveal;
  auto& pmks = j["pmks"] = nlohmann::ordered_json::array();
  for (const auto& p : pmks_)
    pmks.push_back({{"akm", p.akm},
                    {"akm_name", akmName(p.akm)},
                    {"origin", p.origin},
                    {"kind", p.importable ? "pmk" : "xxkey"},
                    {"key", crypto::secretHex(*p.pmk, reveal)}});
  auto& ptksas = j["ptksas"] = nlohmann::ordered_json::array();
  for (const auto& e : ptksas_) {
    const Ptksa& sa = *e.sa;
    ptksas.push_back({{"station", sa.spa.toString()},
                      {"bssid", sa.aa.toString()},
                      {"akm", sa.akm},
                      {"akm_name", akmName(sa.akm)},
                      {"cipher", cipherName(sa.cipher)},
                      {"origin", sa.pmkOrigin},
                      {"first_frame", sa.firstFrame + 1},
                      {"frames_decrypted", e.frames},
                      {"kck", crypto::secretHex(sa.ptk.kck, reveal)},
                      {"kek", crypto::secretHex(sa.ptk.kek, reveal)},
                      {"tk", crypto::secretHex(sa.ptk.tk, reveal)}});
  }
  auto& gtksas = j["gtksas"] = nlohmann::ordered_json::array();
  for (const auto& e : gtksas_)
    gtksas.push_back({{"bssid", e.sa->bssid.toString()},
                      {"key_id", e.sa->keyId},
                      {"cipher", cipherName(e.sa->cipher)},
                      {"frame", e.sa->frame + 1},
                      {"frames_decrypted", e.frames},
                      {"gtk", crypto::secretHex(e.sa->gtk, reveal)}});
  return j;
}

std::string KeyInventory::wiresharkKeysFile() const {
  std::string out =
      "# Wireshark 80211_keys file written by roamscope-cli keys: the keys RoamScope derived.\n"
      "# It holds keys in clear: keep it as secret as the network's passphrase.\n";
  for (const auto& p : pmks_) {
    if (!p.importable) continue;
    out += fmt::format("# PMK ({}) from {}\n\"wpa-psk\",\"{}\"\n", akmName(p.akm), p.origin, toHex(p.pmk->view()));
  }
  // A GTK handed out again in a later handshake is one key: one line.
  std::vector<Bytes> written;
  const auto once = [&](ByteView key) {
    const Bytes k = toBytes(key);
    if (std::find(written.begin(), written.end(), k) != written.end()) return false;
    written.push_back(k);
    return true;
  };
  for (const auto& e : ptksas_)
    if (once(e.sa->ptk.tk)) out += fmt::format("# TK of station {} with BSSID {} ({}, frame {})\n\"tk\",\"{}\"\n", e.sa->spa.toString(),
                       e.sa->aa.toString(), cipherName(e.sa->cipher), e.sa->firstFrame + 1, toHex(e.sa->ptk.tk.view()));
  for (const auto& e : gtksas_)
    if (once(e.sa->gtk)) out += fmt::format("# GTK of BSSID {} key ID {} (frame {})\n\"tk\",\"{}\"\n", e.sa->bssid.toString(),
                       e.sa->keyId, e.sa->frame + 1, toHex(e.sa->gtk.view()));
  return out;
}

}  // namespace rs
