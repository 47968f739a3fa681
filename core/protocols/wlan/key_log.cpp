// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/wlan/key_log.h"

#include <fmt/format.h>

namespace rs::wlan {

void KeyLog::add(std::string type, ByteView key, std::string comment) {
  for (const Entry& e : entries_)
    if (e.type == type && crypto::constantTimeEquals(e.key, key)) return;
  entries_.push_back(Entry{std::move(type), crypto::SecretBytes(key), std::move(comment)});
}

void KeyLog::pmk(const MacAddress& sta, const MacAddress& bssid, ByteView pmk, std::string_view origin) {
  add("wpa-psk", pmk, fmt::format("PMK of station {} at {} ({})", sta.toString(), bssid.toString(), origin));
}

void KeyLog::tk(const MacAddress& sta, const MacAddress& bssid, ByteView tk, std::string_view how) {
  add("tk", tk, fmt::format("TK of station {} with BSSID {} ({})", sta.toString(), bssid.toString(), how));
}

void KeyLog::gtk(const MacAddress& bssid, ByteView gtk, std::uint8_t keyId) {
  add("tk", gtk, fmt::format("GTK of BSSID {} key ID {}", bssid.toString(), keyId));
}

std::string KeyLog::wiresharkKeysFile() const {
  std::string out =
      "# Wireshark 80211_keys file written by roamscope-cli simulate --keys-out: the keys of an emulated run.\n"
      "# It holds keys in clear.\n";
  for (const Entry& e : entries_) out += fmt::format("# {}\n\"{}\",\"{}\"\n", e.comment, e.type, toHex(e.key.view()));
  return out;
}

std::vector<std::string> KeyLog::uatEntries() const {
  std::vector<std::string> out;
  for (const Entry& e : entries_) out.push_back(fmt::format("\"{}\",\"{}\"", e.type, toHex(e.key.view())));
  return out;
}

}  // namespace rs::wlan
