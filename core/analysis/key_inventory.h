// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The keys one analysis derived, listed for export (roamscope-cli keys,
// docs/keys.md): every verified PTKSA (station, BSSID, AKM, cipher, the user key
// it came from, how many frames it decrypts), the PMKs behind them and every
// GTKSA. Keys are shown through crypto::secretHex: masked unless revealed.
// The Wireshark 80211_keys form ("tk" and "wpa-psk" lines) is an import format,
// so it is only written with the keys revealed.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/analysis/handshake_tracker.h"

namespace rs {

class KeyInventory {
 public:
  // Takes the verified PTKSAs, their PMKs and the GTKSAs of a finished pass.
  explicit KeyInventory(const HandshakeTracker& keys);

  // Second pass, every frame in the same order: counts which key decrypts it.
  void countFrame(ByteView mpdu, std::uint64_t frameIndex);

  struct PmkEntry {
    std::string origin;     // the user key it came from ("passphrase for SSID 'x'")
    int akm = 0;
    bool importable = true;  // false for FT-802.1X XXKeys: not a PMK Wireshark or --pmk take
    const crypto::SecretBytes* pmk = nullptr;
  };
  struct PtksaEntry {
    const Ptksa* sa = nullptr;
    std::size_t frames = 0;  // protected frames it decrypts
  };
  struct GtksaEntry {
    const Gtksa* sa = nullptr;
    std::size_t frames = 0;
  };
  const std::vector<PmkEntry>& pmks() const { return pmks_; }
  const std::vector<PtksaEntry>& ptksas() const { return ptksas_; }
  const std::vector<GtksaEntry>& gtksas() const { return gtksas_; }

  std::string text(bool reveal) const;
  nlohmann::ordered_json json(bool reveal) const;
  // A Wireshark 80211_keys file with every key in clear: one "tk" line per PTKSA
  // and GTKSA, one "wpa-psk" line per importable PMK, a # comment naming each.
  std::string wiresharkKeysFile() const;

 private:
  const HandshakeTracker& keys_;
  std::vector<PmkEntry> pmks_;
  std::vector<PtksaEntry> ptksas_;
  std::vector<GtksaEntry> gtksas_;
};

}  // namespace rs
