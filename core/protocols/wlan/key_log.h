// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The keys an emulated run installed, for the user who asks for them
// (`simulate --keys-out FILE`): every PMK an AP used and every TK and GTK it
// installed, as a Wireshark 80211_keys file, so Wireshark decrypts every
// emulated data frame — including those of the seed-000 re-association, whose
// PTK no standard tool can derive (its KDF label is RoamScope's). Secrets stay
// in memory otherwise; nothing is logged.
#include <string>
#include <vector>

#include "core/crypto/secret_bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::wlan {

class KeyLog {
 public:
  struct Entry {
    std::string type;  // "wpa-psk" (a PMK) or "tk" (a TK or GTK)
    crypto::SecretBytes key;
    std::string comment;
  };

  void pmk(const MacAddress& sta, const MacAddress& bssid, ByteView pmk, std::string_view origin);
  void tk(const MacAddress& sta, const MacAddress& bssid, ByteView tk, std::string_view how);
  void gtk(const MacAddress& bssid, ByteView gtk, std::uint8_t keyId);
  bool empty() const { return entries_.empty(); }
  // "wpa-psk" lines (PMKs) and "tk" lines (TKs, GTKs), each once, with a comment naming it.
  std::string wiresharkKeysFile() const;
  // The same entries as tshark -o arguments' values: "\"tk\",\"<hex>\"".
  std::vector<std::string> uatEntries() const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void add(std::string type, ByteView key, std::string comment);
  std::vector<Entry> entries_;
};

}  // namespace rs::wlan
