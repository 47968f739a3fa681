// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Follows the RSNA key handshakes of a frame stream (IEEE 802.11-2016 12.7.6
// 4-way handshake, 12.7.7 group key handshake) and, with the user's keys,
// derives each PTKSA, verifies every EAPOL-Key MIC, checks every PMKID and
// unwraps every GTK. The results feed the packet details (KeyAnnotator) and
// the decryption of protected frames (FrameDecryptor).
//
// One pass, in capture order. Message 2 is verified as soon as an ANonce for
// it is known: from message 1 (matched by replay counter) or, when message 1
// was not captured, from message 3 — in which case message 2's verdict is
// written back when message 3 arrives. Per-frame results are therefore read
// after the pass (`check(frameIndex)`).
//
// FT AKMs take their keys from the FT key hierarchy: FtKeyTracker (FT-PSK with
// the passphrase/PSK, FT-802.1X with the MSK). Every EAPOL-Key frame is also
// checked for nonce reuse and replay counter anomalies (KeyAnomalyDetector),
// and protected frames no handshake key decrypts try the user's TKs
// (TemporalKeyMatcher).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/ft_key_tracker.h"
#include "core/analysis/key_anomaly_detector.h"
#include "core/analysis/key_ring.h"
#include "core/analysis/radius_msk_recovery.h"
#include "core/analysis/security_associations.h"
#include "core/analysis/temporal_key_matcher.h"
#include "core/crypto/ptk_derivation.h"
#include "dissectors/eapol/eapol_key.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/mac_header.h"

namespace rs {

// What the analysis found out about one EAPOL-Key frame.
struct KeyFrameCheck {
  eapol::KeyMessage message = eapol::KeyMessage::Pairwise1;
  std::optional<bool> micValid;     // absent: no MIC in the frame, or no key to check it with
  std::optional<bool> pmkidValid;   // for message 1's PMKID KDE
  std::optional<std::size_t> ptksa; // index into ptksas() of the keys used
  std::optional<std::size_t> gtksa; // index into gtksas() of a GTK unwrapped from this frame
  std::string note;                 // why nothing could be checked, for the user
  std::vector<KeyAnomaly> anomalies;  // nonce reuse, replay counter, key reinstallation
  bool retransmission = false;        // repeats the Authenticator's previous message (normal)
};

// A PMKID found in an RSNE (association/reassociation request) and its check.
struct PmkidCheck {
  std::uint64_t frame = 0;
  std::size_t listIndex = 0;
  bool valid = false;
};

// Counts over a whole pass, for a one-line verdict.
struct KeyCheckSummary {
  std::size_t micChecked = 0;
  std::size_t micValid = 0;
  std::size_t pmkidChecked = 0;
  std::size_t pmkidValid = 0;
  std::size_t handshakes = 0;  // PTKSAs derived
  std::size_t verifiedHandshakes = 0;
  std::size_t groupKeys = 0;
  std::size_t anomalies = 0;        // KeyFrameCheck::anomalies over every frame
  std::size_t retransmissions = 0;  // Authenticator messages sent again (normal, counted)
};

class HandshakeTracker {
 public:
  explicit HandshakeTracker(KeyRing& keys) : keys_(keys), radius_(keys) {}

  // Feed every frame in capture order; frames that carry nothing of interest return quickly.
  void observe(const FrameView& frame);

  const KeyFrameCheck* check(std::uint64_t frameIndex) const;
  // The FTE MIC verdict of an FT reassociation request/response frame.
  const FtMicCheck* ftMicCheck(std::uint64_t frameIndex) const { return ft_.micCheck(frameIndex); }
  const std::vector<PmkidCheck>* rsnePmkidChecks(std::uint64_t frameIndex) const;
  const std::vector<Ptksa>& ptksas() const { return ptksas_; }
  KeyCheckSummary summary() const;
  const std::vector<Gtksa>& gtksas() const { return gtksas_; }

  // Verified PTKSAs of a station pair established at or before `frameIndex`, newest first.
  std::vector<const Ptksa*> pairwiseKeysAt(const MacAddress& aa, const MacAddress& spa,
                                           std::uint64_t frameIndex) const;
  // GTKs of a BSS delivered at or before `frameIndex`, newest first.
  std::vector<const Gtksa*> groupKeysAt(const MacAddress& bssid, std::uint64_t frameIndex) const;

  // The user's TK that decrypts frames of this scope (temporalKeyScope()), when no handshake key does.
  const KeyRing::TemporalKey* temporalKeyFor(const std::pair<MacAddress, MacAddress>& scope,
                                             std::uint64_t frameIndex) const {
    return temporalKeys_.keyFor(keys_, scope, frameIndex);
  }
  const KeyRing& keyRing() const { return keys_; }
  // MSKs recovered from RADIUS Access-Accepts with the user's shared secrets.
  const RadiusMskRecovery& radiusRecovery() const { return radius_; }

  // SSID learned from beacons, probe responses and association requests.
  std::optional<Bytes> ssidOf(const MacAddress& bssid) const;

 private:
  struct PendingM2 {
    std::uint64_t frame = 0;
    std::uint64_t replayCounter = 0;
    Bytes snonce;
    Bytes eapol;  // the whole EAPOL PDU, for MIC verification later
    int keyDescriptorVersion = 0;
  };
  struct PairState {
    std::map<std::uint64_t, Bytes> anonceByReplay;  // message 1s seen, by replay counter
    std::optional<PendingM2> m2;                    // latest message 2 not yet tied to keys
    std::optional<std::size_t> current;             // PTKSA of the running/finished handshake
    int akm = 0;                                    // from the station's RSNE / WPA element
    int cipher = 0;
  };

  void observeManagement(const FrameView& frame, ByteView wlan);
  void observeFtManagement(const FrameView& frame, const MacHeader& header, ByteView body);
  void observeEapolKey(const FrameView& frame, const MacAddress& aa, const MacAddress& spa, ByteView eapol);
  std::optional<std::size_t> establish(PairState& pair, const MacAddress& aa, const MacAddress& spa,
                                       const PendingM2& m2, ByteView anonce, std::uint64_t frame);
  void checkRsnePmkids(std::uint64_t frameIndex, ByteView elements, const MacAddress& aa, const MacAddress& spa,
                       int akm);
  bool pmkidMatchesAKey(int akm, ByteView pmkid, const MacAddress& aa, const MacAddress& spa);
  // The keys to try for a pair's AKM: XXKeys from the MSKs for FT-802.1X, the PMKs otherwise.
  std::vector<const PmkCandidate*> candidatesFor(int akm, const MacAddress& aa);
  bool verifyWith(const Ptksa& sa, int keyDescriptorVersion, ByteView eapol) const;
  void unwrapGroupKey(const Ptksa& sa, int keyDescriptorVersion, ByteView keyIv, std::uint16_t keyLength,
                      ByteView keyData, const MacAddress& bssid, std::uint64_t frame, KeyFrameCheck& check);

  KeyRing& keys_;
  std::map<std::pair<MacAddress, MacAddress>, PairState> pairs_;  // (aa, spa)
  std::map<MacAddress, Bytes> ssids_;
  std::map<MacAddress, int> bssAkm_;     // first AKM advertised in the BSS's RSNE
  std::map<MacAddress, int> bssCipher_;  // first pairwise cipher advertised
  std::map<std::uint64_t, KeyFrameCheck> checks_;
  std::map<std::uint64_t, std::vector<PmkidCheck>> rsnePmkidChecks_;
  std::vector<Ptksa> ptksas_;
  std::vector<Gtksa> gtksas_;
  FtKeyTracker ft_;
  RadiusMskRecovery radius_;  // MSKs from Access-Accepts, before the handshakes that need them
  KeyAnomalyDetector anomalies_;
  TemporalKeyMatcher temporalKeys_;
};

}  // namespace rs
