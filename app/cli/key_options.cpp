// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/key_options.h"

#include "core/crypto/secret_bytes.h"

namespace rs::cli {

void KeyOptions::addTo(CLI::App& command) {
  command.add_option("--psk", passphrases, "WPA passphrase (8-63 characters); repeatable")->type_name("PASSPHRASE");
  command.add_option("--ssid", ssid, "SSID the passphrases belong to (default: the SSID seen in the capture)");
  command.add_option("--pmk", pmksHex, "pairwise master key in hex (64 digits); repeatable")->type_name("HEX");
  command.add_option("--keys", keysFile, "Wireshark 80211_keys file (wpa-pwd / wpa-psk entries)")
      ->check(CLI::ExistingFile);
  command.add_flag("--show-keys", showKeys, "print derived keys in clear (masked by default)");
}

bool KeyOptions::buildKeyRing(KeyRing& ring, std::string& error) const {
  for (const auto& p : passphrases) ring.addPassphrase(p, Bytes(ssid.begin(), ssid.end()));
  for (const auto& hex : pmksHex) {
    Bytes pmk;
    if (!parseHex(hex, pmk) || (pmk.size() != 32 && pmk.size() != 48)) {
      error = "--pmk needs 64 (or 96) hex digits";
      return false;
    }
    ring.addPmk(crypto::SecretBytes(pmk));
    crypto::wipe(pmk);
  }
  if (!keysFile.empty() && !ring.loadWiresharkKeysFile(keysFile, error)) return false;
  return true;
}

}  // namespace rs::cli
