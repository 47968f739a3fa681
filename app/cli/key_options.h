// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The decryption-key options shared by the commands that read captures:
// --psk/--ssid, --pmk, --msk, --tk, --keys (a Wireshark 80211_keys file), --show-keys.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/analysis/key_ring.h"

namespace rs::cli {

struct KeyOptions {
  std::vector<std::string> passphrases;
  std::string ssid;
  std::vector<std::string> pmksHex;
  std::vector<std::string> msksHex;
  std::vector<std::string> tksHex;
  std::string keysFile;
  std::vector<std::string> radiusSecrets;  // never printed
  bool showKeys = false;

  void addTo(CLI::App& command);
  // Fills `ring`; false with `error` for a bad PMK or key file.
  bool buildKeyRing(KeyRing& ring, std::string& error) const;
  bool any() const { return !passphrases.empty() || !pmksHex.empty() || !msksHex.empty() || !tksHex.empty() || !keysFile.empty() || !radiusSecrets.empty(); }
};

}  // namespace rs::cli
