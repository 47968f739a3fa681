// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/key_options.h"

#include <fmt/format.h>

#include "core/crypto/secret_bytes.h"

namespace rs::cli {

void KeyOptions::addTo(CLI::App& command) {
  command.add_option("--psk", passphrases, "WPA passphrase (8-63 characters); repeatable")->type_name("PASSPHRASE");
  command.add_option("--ssid", ssid, "SSID the passphrases belong to (default: the SSID seen in the capture)");
  command.add_option("--pmk", pmksHex, "pairwise master key in hex (64 digits); repeatable")->type_name("HEX");
  command.add_option("--msk", msksHex, "EAP MSK in hex (128-256 digits): PMK and FT-802.1X XXKey; repeatable")
      ->type_name("HEX");
  command.add_option("--tk", tksHex, "temporal key in hex (32 digits CCMP, 64 TKIP): decrypts without a handshake; "
                                     "repeatable")
      ->type_name("HEX");
  command.add_option("--keys", keysFile, "Wireshark 80211_keys file (wpa-pwd, wpa-psk, msk, tk entries)")
      ->check(CLI::ExistingFile);
  command.add_option("--radius-secret", radiusSecrets,
                     "RADIUS shared secret: recovers the PMK from the MS-MPPE keys of Access-Accepts; repeatable")
      ->type_name("SECRET");
  command.add_flag("--show-keys", showKeys, "print derived keys in clear (masked by default)");
}

bool KeyOptions::buildKeyRing(KeyRing& ring, std::string& error) const {
  for (const auto& secret : radiusSecrets) ring.addRadiusSecret(secret);
  for (const auto& p : passphrases) ring.addPassphrase(p, Bytes(ssid.begin(), ssid.end()));
  for (std::size_t i = 0; i < pmksHex.size(); ++i) {
    Bytes pmk;
    if (!parseHex(pmksHex[i], pmk) || (pmk.size() != 32 && pmk.size() != 48)) {
      crypto::wipe(pmk);
      error = fmt::format("--pmk #{}: expected 64 hex digits (or 96 for a SHA-384 AKM)", i + 1);
      return false;
    }
    ring.addPmk(crypto::SecretBytes(pmk));
    crypto::wipe(pmk);
  }
  for (std::size_t i = 0; i < msksHex.size(); ++i) {
    Bytes msk;
    if (!parseHex(msksHex[i], msk) || msk.size() < 64 || msk.size() > 128) {
      crypto::wipe(msk);
      error = fmt::format("--msk #{}: expected 128 to 256 hex digits (an MSK of 64 to 128 octets)", i + 1);
      return false;
    }
    ring.addMsk(crypto::SecretBytes(msk), fmt::format("--msk #{}", i + 1));
    crypto::wipe(msk);
  }
  for (std::size_t i = 0; i < tksHex.size(); ++i) {
    Bytes tk;
    if (!parseHex(tksHex[i], tk) || (tk.size() != 16 && tk.size() != 32)) {
      crypto::wipe(tk);
      error = fmt::format("--tk #{}: expected 32 hex digits (CCMP TK) or 64 (TKIP TK with its Michael keys)", i + 1);
      return false;
    }
    ring.addTk(crypto::SecretBytes(tk), fmt::format("--tk #{}", i + 1));
    crypto::wipe(tk);
  }
  if (!keysFile.empty() && !ring.loadWiresharkKeysFile(keysFile, error)) return false;
  return true;
}

}  // namespace rs::cli
