// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/key_ring.h"

#include <fmt/format.h>

#include <fstream>

#include "core/crypto/pbkdf2.h"

namespace rs {

void KeyRing::addPassphrase(std::string passphrase, Bytes ssid) {
  passphrases_.push_back(Passphrase{std::move(passphrase), std::move(ssid)});
}

void KeyRing::addPmk(crypto::SecretBytes pmk) {
  pmks_.push_back(PmkCandidate{fmt::format("PMK #{}", pmks_.size() + 1), std::move(pmk)});
}

void KeyRing::addPmk(crypto::SecretBytes pmk, std::string origin) {
  pmks_.push_back(PmkCandidate{std::move(origin), std::move(pmk)});
}

void KeyRing::addMsk(crypto::SecretBytes msk, std::string origin) {
  if (msk.size() < 64) return;  // not an MSK (RFC 3748 7.10: at least 64 octets)
  addPmk(crypto::SecretBytes(msk.subview(0, 32)), fmt::format("PMK of the MSK from {}", origin));
  msks_.push_back(MskEntry{std::move(origin), std::move(msk)});
}

namespace {

// Splits a line of the form "a","b" into its two quoted strings.
bool splitQuotedPair(const std::string& line, std::string& first, std::string& second) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (parts.size() < 2) {
    const std::size_t open = line.find('"', pos);
    if (open == std::string::npos) return false;
    const std::size_t close = line.find('"', open + 1);
    if (close == std::string::npos) return false;
    parts.push_back(line.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  first = parts[0];
  second = parts[1];
  return true;
}

// Wireshark percent-encodes ':' and other reserved characters in passphrases and SSIDs.
std::string percentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    Bytes b;
    if (s[i] == '%' && i + 2 < s.size() && parseHex(s.substr(i + 1, 2), b)) {
      out.push_back(static_cast<char>(b[0]));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

bool KeyRing::loadWiresharkKeysFile(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = fmt::format("{}: cannot open key file", path);
    return false;
  }
  std::vector<Passphrase> newPassphrases;
  std::vector<crypto::SecretBytes> newPmks;
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::string type, value;
    if (!splitQuotedPair(line, type, value)) {
      error = fmt::format("{}: line {}: expected \"type\",\"key\"", path, lineNo);
      return false;
    }
    if (type == "wpa-pwd") {
      const auto colon = value.find(':');
      std::string pass = percentDecode(value.substr(0, colon));
      Bytes ssid;
      if (colon != std::string::npos) {
        const std::string s = percentDecode(value.substr(colon + 1));
        ssid.assign(s.begin(), s.end());
      }
      newPassphrases.push_back(Passphrase{std::move(pass), std::move(ssid)});
    } else if (type == "wpa-psk") {
      Bytes pmk;
      if (!parseHex(value, pmk) || (pmk.size() != 32 && pmk.size() != 48)) {
        error = fmt::format("{}: line {}: wpa-psk needs 64 or 96 hex digits", path, lineNo);
        return false;
      }
      newPmks.emplace_back(pmk);
      crypto::wipe(pmk);
    } else {
      error = fmt::format("{}: line {}: unsupported key type '{}' (wpa-pwd, wpa-psk)", path, lineNo, type);
      return false;
    }
  }
  for (auto& p : newPassphrases) passphrases_.push_back(std::move(p));
  for (auto& k : newPmks) addPmk(std::move(k));
  return true;
}

const PmkCandidate* KeyRing::derived(const Passphrase& p, const Bytes& ssid) {
  const std::size_t index = static_cast<std::size_t>(&p - passphrases_.data());
  auto key = std::make_pair(index, ssid);
  auto it = derivedCache_.find(key);
  if (it != derivedCache_.end()) return &it->second;
  auto pmk = crypto::pmkFromPassphrase(p.passphrase, ByteView(ssid));
  if (!pmk) return nullptr;  // passphrase outside 8..63 printable characters: cannot be a WPA passphrase
  const std::string shownSsid(ssid.begin(), ssid.end());
  auto [ins, _] = derivedCache_.emplace(
      key, PmkCandidate{fmt::format("passphrase for SSID '{}'", shownSsid), std::move(pmk.value())});
  return &ins->second;
}

std::vector<const PmkCandidate*> KeyRing::candidates(const std::optional<Bytes>& ssid) {
  std::vector<const PmkCandidate*> out;
  for (const auto& p : passphrases_) {
    const Bytes* use = nullptr;
    if (!p.ssid.empty())
      use = &p.ssid;
    else if (ssid)
      use = &*ssid;
    if (!use) continue;
    if (const PmkCandidate* c = derived(p, *use)) out.push_back(c);
  }
  for (const auto& k : pmks_) out.push_back(&k);
  return out;
}

}  // namespace rs
