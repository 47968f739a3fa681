// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The secrets a user gives RoamScope to open a capture: passphrases (with the
// SSID they belong to), raw PMKs, EAP MSKs and temporal keys (TKs). PMKs from passphrases are derived once per
// SSID and cached, because PBKDF2's 4096 iterations dominate otherwise.
// Nothing here is ever printed; callers show keys through the masking helpers.
#include <deque>
#include <istream>
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
  // A PMK learned during the analysis (e.g. recovered from a RADIUS Access-Accept);
  // `origin` says where it came from, for people, and never contains key bytes.
  void addPmk(crypto::SecretBytes pmk, std::string origin);
  // An EAP MSK (64 octets or more). Its PMK is L(MSK, 0, 256) (IEEE 802.11-2016
  // 12.7.1.3); the whole MSK is kept because FT-802.1X takes XXKey = L(MSK, 256, 256)
  // (12.7.1.7.3).
  void addMsk(crypto::SecretBytes msk, std::string origin);
  // RADIUS shared secrets, for recovering MSKs from the MS-MPPE keys of Access-Accepts.
  void addRadiusSecret(std::string secret) { radiusSecrets_.push_back(std::move(secret)); }
  const std::vector<std::string>& radiusSecrets() const { return radiusSecrets_; }

  struct MskEntry {
    std::string origin;
    crypto::SecretBytes msk;
  };
  const std::deque<MskEntry>& msks() const { return msks_; }

  // A temporal key (16 octets for CCMP-128, 32 for TKIP: TK || Michael keys,
  // 12.7.1.3): decrypts a pair's frames without its handshake, or a BSS's
  // group-addressed frames when it is a GTK.
  struct TemporalKey {
    std::string origin;  // "TK #1", "key file line 4" — safe to show
    crypto::SecretBytes tk;
  };
  void addTk(crypto::SecretBytes tk, std::string origin);
  const std::deque<TemporalKey>& temporalKeys() const { return tks_; }

  // FT-802.1X candidates: XXKey from every MSK (IEEE 802.11-2016 12.7.1.7.3:
  // L(MSK, 256, 256) for AKM 3, the first 384 bits for AKM 13), derived once.
  std::vector<const PmkCandidate*> xxKeyCandidates(int akm);

  // Reads a Wireshark "80211_keys" file: lines `"wpa-pwd","pass:ssid"`,
  // `"wpa-psk","<64 or 96 hex digits>"` (a PMK), `"msk","<128..256 hex digits>"`
  // and `"tk","<32 or 64 hex digits>"`, # comments; keys of several networks may
  // share a file. Returns false with `error` set ("line 3: expected ..."),
  // leaving the ring unchanged.
  bool loadWiresharkKeysFile(const std::string& path, std::string& error);
  // The same from any stream (the desktop application's key manager); `path` names it in errors.
  bool loadWiresharkKeys(std::istream& in, const std::string& path, std::string& error);

  bool empty() const {
    return passphrases_.empty() && pmks_.empty() && radiusSecrets_.empty() && tks_.empty();
  }

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
  // Deques: candidates() hands out pointers, and keys are added during a pass.
  std::deque<PmkCandidate> pmks_;
  std::deque<MskEntry> msks_;
  std::deque<TemporalKey> tks_;
  std::map<std::pair<std::size_t, int>, PmkCandidate> xxKeyCache_;  // (MSK index, AKM)
  std::vector<std::string> radiusSecrets_;
  std::map<std::pair<std::size_t, Bytes>, PmkCandidate> derivedCache_;  // (passphrase index, ssid)
};

}  // namespace rs
