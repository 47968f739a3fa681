// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The decryption-key options shared by the commands that read captures:
// --psk/--ssid, --pmk, --keys (a Wireshark 80211_keys file), --show-keys.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/analysis/key_ring.h"

namespace rs::cli {

struct KeyOptions {
  std::vector<std::string> passphrases;
  std::string ssid;
  std::vector<std::string> pmksHex;
  std::string keysFile;
  bool showKeys = false;

  void addTo(CLI::App& command);
  // Fills `ring`; false with `error` for a bad PMK or key file.
  bool buildKeyRing(KeyRing& ring, std::string& error) const;
  bool any() const { return !passphrases.empty() || !pmksHex.empty() || !keysFile.empty(); }
};

}  // namespace rs::cli
