// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The secrets a user gives RoamScope to open a capture: passphrases (with the
// SSID they belong to) and raw PMKs. PMKs from passphrases are derived once per
// SSID and cached, because PBKDF2's 4096 iterations dominate otherwise.
// Nothing here is ever printed; callers show keys through the masking helpers.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto/secret_bytes.h"
#include "dissectors/common/bytes.h"

namespace rs {

struct PmkCandidate {
  std::string origin;  // "passphrase for SSID 'linksys'", "PMK #1" — safe to show
  crypto::SecretBytes pmk;
};

class KeyRing {
 public:
  // A passphrase for a network; an empty SSID means "any network seen in the capture".
  void addPassphrase(std::string passphrase, Bytes ssid);
  void addPmk(crypto::SecretBytes pmk);

  // Reads a Wireshark "80211_keys" file (lines `"wpa-pwd","pass:ssid"` and
  // `"wpa-psk","<64 hex digits>"`, # comments). Returns false with `error` set
  // ("line 3: expected ..."), leaving the ring unchanged.
  bool loadWiresharkKeysFile(const std::string& path, std::string& error);

  bool empty() const { return passphrases_.empty() && pmks_.empty(); }

  // Candidate PMKs for a network, given its SSID when the capture revealed it.
  // Passphrases with no SSID are tried with the capture's SSID.
  std::vector<const PmkCandidate*> candidates(const std::optional<Bytes>& ssid);

 private:
  struct Passphrase {
    std::string passphrase;
    Bytes ssid;
  };
  const PmkCandidate* derived(const Passphrase& p, const Bytes& ssid);

  std::vector<Passphrase> passphrases_;
  std::vector<PmkCandidate> pmks_;
  std::map<std::pair<std::size_t, Bytes>, PmkCandidate> derivedCache_;  // (passphrase index, ssid)
};

}  // namespace rs
