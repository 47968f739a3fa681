// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 802.11r Fast BSS Transition side of the key analysis, for FT-PSK (AKM 4,
// where XXKey is the PSK) and FT-802.1X (AKM 3, where XXKey = L(MSK, 256, 256):
// IEEE 802.11-2016 12.7.1.7.3):
//  - the initial mobility domain association, whose 4-way handshake keys come
//    from PMK-R1 (12.7.1.7.5) instead of the PMK: HandshakeTracker asks
//    initialPtk() for them;
//  - the FT roam (FT authentication + reassociation, 13.5), which has no 4-way
//    handshake: the PTK comes from the FTE nonces and is proven by the FTE MIC
//    of the reassociation request and response (13.8.4, 13.8.5); the target
//    AP's GTK arrives wrapped in the response's FTE.
// The key holder identities and the MDID are learned from every MDE/FTE
// exchanged between a station and an AP.
//
// The candidates passed in are XXKeys: the PSKs for FT-PSK, KeyRing's XXKeys of
// the MSKs for FT-802.1X. FT-SAE (its XXKey comes from the SAE exchange) and
// the SHA-384 AKM 13 (its 24-octet FTE MIC is not defined in IEEE 802.11-2016,
// so the roam could not be verified) are not followed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/key_ring.h"
#include "core/analysis/security_associations.h"
#include "core/crypto/ptk_derivation.h"
#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs {

// The verdict on the FTE MIC of one reassociation request or response.
struct FtMicCheck {
  bool request = true;               // reassociation request (transaction 5) or response (6)
  std::optional<bool> micValid;      // absent: nothing to check it with
  std::optional<std::size_t> ptksa;  // index into HandshakeTracker::ptksas()
  std::optional<std::size_t> gtksa;  // GTK unwrapped from the response's FTE
  std::string note;
};

class FtKeyTracker {
 public:
  // AKMs whose key hierarchy is followed: FT-802.1X and FT-PSK.
  static bool follows(int akm);
  // Whether the AKM's XXKey comes from the MSK (FT-802.1X, 12.7.1.7.3).
  static bool xxKeyFromMsk(int akm);

  // Learns MDID, R0KH-ID and R1KH-ID of a station/AP pair from an element list
  // (association frames, FT authentication, message 2's key data).
  void noteElements(const MacAddress& aa, const MacAddress& spa, ByteView elements);

  // 12.7.1.7.3-5: PTK of the initial mobility domain association for one
  // candidate XXKey. Fails when the MDID or R0KH-ID of the pair is unknown.
  crypto::Result<crypto::Ptk> initialPtk(int akm, int cipher, ByteView xxKey, ByteView ssid, const MacAddress& aa,
                                         const MacAddress& spa, ByteView anonce, ByteView snonce) const;

  // Whether `pmkid` is the PMKR0Name or PMKR1Name (12.7.1.7.3/4) of this pair for a candidate XXKey.
  bool namesKey(int akm, ByteView xxKey, ByteView ssid, const MacAddress& aa, const MacAddress& spa,
                ByteView pmkid) const;

  // A reassociation request or response between `spa` and `aa` (the target AP).
  // For an FT reassociation (FTE with a MIC) the request derives the PTK from
  // its FTE for each candidate and keeps the one whose MIC verifies (or the
  // first, unverified, when none does); the response is verified with it and
  // its GTK unwrapped. New keys are appended to `ptksas`/`gtksas`. Returns the
  // PTKSA index used, nullopt when the frame is not an FT reassociation.
  std::optional<std::size_t> observeReassociation(std::uint64_t frame, bool request, const MacAddress& aa,
                                                  const MacAddress& spa, ByteView elements, int akm, int cipher,
                                                  const std::optional<Bytes>& ssid,
                                                  const std::vector<const PmkCandidate*>& candidates,
                                                  std::vector<Ptksa>& ptksas, std::vector<Gtksa>& gtksas);

  const FtMicCheck* micCheck(std::uint64_t frame) const;
  const std::map<std::uint64_t, FtMicCheck>& micChecks() const { return checks_; }

 private:
  struct PairContext {
    Bytes mdid;                        // 2 octets as carried in the MDE
    Bytes r0khId;
    std::optional<MacAddress> r1khId;  // absent: the AP's BSSID (hostapd's default)
    std::optional<std::size_t> roamPtksa;  // PTKSA of the latest FT reassociation
  };
  crypto::Result<crypto::Ptk> ptkFor(int akm, int cipher, ByteView xxKey, ByteView ssid, const MacAddress& aa,
                                     const MacAddress& spa, const PairContext& ctx, ByteView anonce,
                                     ByteView snonce) const;
  void unwrapFteGtk(const Ptksa& sa, ByteView fteInformation, const MacAddress& bssid, std::uint64_t frame,
                    std::vector<Gtksa>& gtksas, FtMicCheck& check) const;

  std::map<std::pair<MacAddress, MacAddress>, PairContext> pairs_;  // (aa, spa)
  std::map<std::uint64_t, FtMicCheck> checks_;
};

}  // namespace rs
