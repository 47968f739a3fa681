// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/key_ring.h"

#include <fmt/format.h>

#include <fstream>

#include "core/crypto/ft_key_hierarchy.h"
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

void KeyRing::addTk(crypto::SecretBytes tk, std::string origin) {
  tks_.push_back(TemporalKey{std::move(origin), std::move(tk)});
}

std::vector<const PmkCandidate*> KeyRing::xxKeyCandidates(int akm) {
  std::vector<const PmkCandidate*> out;
  for (std::size_t i = 0; i < msks_.size(); ++i) {
    const auto key = std::make_pair(i, akm);
    auto it = xxKeyCache_.find(key);
    if (it == xxKeyCache_.end()) {
      auto xxKey = crypto::xxKeyFromMsk(akm, msks_[i].msk);
      if (!xxKey) continue;  // MSK too short for this AKM's XXKey
      it = xxKeyCache_
               .emplace(key, PmkCandidate{fmt::format("XXKey of the MSK from {}", msks_[i].origin),
                                          std::move(xxKey.value())})
               .first;
    }
    out.push_back(&it->second);
  }
  return out;
}

namespace {

// Reads a hex key of one of the allowed octet lengths; false leaves `out` empty.
bool parseHexKey(const std::string& hex, std::initializer_list<std::size_t> lengths, Bytes& out) {
  if (!parseHex(hex, out)) return false;
  for (std::size_t n : lengths)
    if (out.size() == n) return true;
  crypto::wipe(out);
  return false;
}

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
  return loadWiresharkKeys(in, path, error);
}

bool KeyRing::loadWiresharkKeys(std::istream& in, const std::string& path, std::string& error) {
  std::vector<Passphrase> newPassphrases;
  std::vector<std::pair<crypto::SecretBytes, std::string>> newPmks, newMsks, newTks;
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
    const std::string where = fmt::format("{} line {}", path, lineNo);
    Bytes key;
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
      if (!parseHexKey(value, {32, 48}, key)) {
        error = fmt::format("{}: line {}: wpa-psk needs 64 or 96 hex digits", path, lineNo);
        return false;
      }
      newPmks.emplace_back(crypto::SecretBytes(key), "PMK from " + where);
    } else if (type == "msk") {
      // RFC 3748 7.10: an MSK is at least 64 octets; Wireshark takes up to 128.
      if (!parseHex(value, key) || key.size() < 64 || key.size() > 128) {
        crypto::wipe(key);
        error = fmt::format("{}: line {}: msk needs 128 to 256 hex digits (64 to 128 octets)", path, lineNo);
        return false;
      }
      newMsks.emplace_back(crypto::SecretBytes(key), where);
    } else if (type == "tk") {
      if (!parseHexKey(value, {16, 32}, key)) {
        error = fmt::format("{}: line {}: tk needs 32 hex digits (CCMP) or 64 (TKIP)", path, lineNo);
        return false;
      }
      newTks.emplace_back(crypto::SecretBytes(key), "TK from " + where);
    } else {
      error = fmt::format("{}: line {}: unsupported key type '{}' (wpa-pwd, wpa-psk, msk, tk)", path, lineNo, type);
      return false;
    }
    crypto::wipe(key);
  }
  for (auto& p : newPassphrases) passphrases_.push_back(std::move(p));
  for (auto& [k, origin] : newPmks) addPmk(std::move(k), std::move(origin));
  for (auto& [k, origin] : newMsks) addMsk(std::move(k), std::move(origin));
  for (auto& [k, origin] : newTks) addTk(std::move(k), std::move(origin));
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
