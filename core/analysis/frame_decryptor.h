// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decrypts protected 802.11 data frames with the keys a HandshakeTracker found:
// unicast frames with the PTKSA of their station pair, group-addressed frames
// with the GTK of their BSS, each as it stood when the frame was captured.
// CCMP (12.5.3) and TKIP (12.5.2) as the handshake negotiated. Frames no
// handshake key decrypts fall back to the temporal key the user gave for their
// pair or BSS (TemporalKeyMatcher).
#include <optional>
#include <string_view>

#include "core/analysis/handshake_tracker.h"

namespace rs {

struct DecryptedFrame {
  Bytes msdu;                 // the plaintext frame body (LLC/SNAP first)
  std::string_view cipher;    // "CCMP" or "TKIP"
  const Ptksa* ptksa = nullptr;  // the pairwise keys used, or
  const Gtksa* gtksa = nullptr;  // the group key used, or
  const KeyRing::TemporalKey* temporalKey = nullptr;  // the user's TK used
  std::uint64_t packetNumber = 0;
};

// `mpdu` is the 802.11 frame without radio header and FCS (locateIeee80211).
// nullopt when the frame is not a protected data frame or no key decrypts it.
std::optional<DecryptedFrame> decryptFrame(const HandshakeTracker& keys, ByteView mpdu, std::uint64_t frameIndex);

// Decrypts with one temporal key, the cipher told by its length (32 octets:
// TKIP) and the security header; nullopt when it does not decrypt (MIC fails).
std::optional<DecryptedFrame> decryptWithTemporalKey(ByteView tk, ByteView mpdu);

}  // namespace rs
