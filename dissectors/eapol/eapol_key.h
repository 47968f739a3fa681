// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// EAPOL-Key frames (IEEE 802.11-2016 12.7.2, Figure 12-32): the RSN key
// descriptor (type 2) and the pre-RSN WPA descriptor (type 254), as a zero-copy
// view for the key-handshake analysis and as a builder for the emulator.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/eapol/eapol.h"

namespace rs::eapol {

inline constexpr std::uint8_t kDescriptorRc4 = 1;   // IEEE 802.1X-2004 7.6 (legacy WEP keys)
inline constexpr std::uint8_t kDescriptorRsn = 2;   // IEEE 802.11 RSN
inline constexpr std::uint8_t kDescriptorWpa = 254;  // WPA (pre-802.11i)

// Key Information bits (IEEE 802.11-2016 Figure 12-33).
namespace keyinfo {
inline constexpr std::uint16_t kVersionMask = 0x0007;
inline constexpr std::uint16_t kPairwise = 0x0008;  // Key Type: 1 pairwise, 0 group
inline constexpr std::uint16_t kIndexMask = 0x0030;
inline constexpr std::uint16_t kInstall = 0x0040;
inline constexpr std::uint16_t kAck = 0x0080;
inline constexpr std::uint16_t kMic = 0x0100;
inline constexpr std::uint16_t kSecure = 0x0200;
inline constexpr std::uint16_t kError = 0x0400;
inline constexpr std::uint16_t kRequest = 0x0800;
inline constexpr std::uint16_t kEncryptedKeyData = 0x1000;
inline constexpr std::uint16_t kSmkMessage = 0x2000;
}  // namespace keyinfo

struct KeyInfo {
  std::uint16_t raw = 0;
  // 1: HMAC-MD5 MIC / RC4 key wrap, 2: HMAC-SHA1-128 / AES key wrap,
  // 3: AES-128-CMAC / AES key wrap, 0: defined by the AKM.
  std::uint8_t descriptorVersion() const { return raw & keyinfo::kVersionMask; }
  bool pairwise() const { return raw & keyinfo::kPairwise; }
  std::uint8_t keyIndex() const { return static_cast<std::uint8_t>((raw & keyinfo::kIndexMask) >> 4); }
  bool install() const { return raw & keyinfo::kInstall; }
  bool ack() const { return raw & keyinfo::kAck; }
  bool mic() const { return raw & keyinfo::kMic; }
  bool secure() const { return raw & keyinfo::kSecure; }
  bool error() const { return raw & keyinfo::kError; }
  bool request() const { return raw & keyinfo::kRequest; }
  bool encryptedKeyData() const { return raw & keyinfo::kEncryptedKeyData; }
  bool smkMessage() const { return raw & keyinfo::kSmkMessage; }
};

enum class KeyMessage : std::uint8_t { Pairwise1, Pairwise2, Pairwise3, Pairwise4, Group1, Group2 };

// The handshake message a frame is, inferred from its Key Information and Key
// Data Length the way Wireshark does (IEEE 802.11-2016 12.7.6 / 12.7.7 name the
// messages; the bits do not carry the number): pairwise + Ack is message 1, or
// 3 when Install is set; pairwise without Ack is message 2 when it carries key
// data (the RSNE), else 4; group frames are group message 1 with Ack, else 2.
KeyMessage inferKeyMessage(KeyInfo info, std::uint16_t keyDataLength);
// 1-4 for the 4-way handshake, 1-2 for the group key handshake.
int messageNumber(KeyMessage m);
bool isGroupMessage(KeyMessage m);

// Byte offsets within the EAPOL PDU (header included).
inline constexpr std::size_t kKeyDescriptorTypeOffset = 4;
inline constexpr std::size_t kKeyInfoOffset = 5;
inline constexpr std::size_t kKeyNonceOffset = 17;
inline constexpr std::size_t kKeyMicOffset = 81;
inline constexpr std::size_t kDefaultMicLength = 16;

struct EapolKeyFrame {
  std::uint8_t eapolVersion = 0;
  std::uint16_t eapolLength = 0;
  std::uint8_t descriptorType = 0;
  KeyInfo keyInfo;
  std::uint16_t keyLength = 0;
  std::uint64_t replayCounter = 0;
  ByteView nonce;  // 32
  ByteView iv;     // 16
  ByteView rsc;    // 8
  ByteView id;     // 8 (reserved in IEEE 802.11-2016)
  ByteView mic;    // micLength
  std::uint16_t keyDataLength = 0;
  ByteView keyData;
  // Bytes after the key data that the EAPOL length still covers: empty in a
  // well-formed frame, kept because the MIC covers them.
  ByteView trailing;
  // Where the MIC sits in `frame`, so a verifier can copy the frame and zero it
  // (IEEE 802.11-2016 12.7.2: the MIC is computed with the MIC field zeroed).
  std::size_t micOffset = kKeyMicOffset;
  std::size_t micLength = kDefaultMicLength;
  std::size_t keyDataOffset = 0;
  ByteView frame;  // the whole EAPOL PDU (4 + eapolLength bytes), the MIC input
  KeyMessage message = KeyMessage::Pairwise1;

  int messageNumber() const { return eapol::messageNumber(message); }
  bool isGroupMessage() const { return eapol::isGroupMessage(message); }
};

// Parses an EAPOL PDU holding an RSN or WPA EAPOL-Key frame. `micLength` is 16
// for key descriptor versions 1-3 and AKMs 1-8, 24 for AKMs 12/13 (SHA-384),
// 0 for FILS. nullopt when the packet is not such a frame or anything
// (body, key data) is cut short; trailing link-layer padding is ignored.
std::optional<EapolKeyFrame> parseEapolKey(ByteView eapolFrame, std::size_t micLength = kDefaultMicLength);

// The MIC length that makes the Key Data Length field agree with the EAPOL
// body length (16 first, then 24, 32, 0); 16 when none does. Used when the AKM
// is unknown (descriptor version 0 frames).
std::size_t inferMicLength(ByteView eapolFrame);

struct EapolKeyFields {
  std::uint8_t eapolVersion = 2;
  std::uint8_t descriptorType = kDescriptorRsn;
  std::uint16_t keyInfo = 0;
  std::uint16_t keyLength = 0;
  std::uint64_t replayCounter = 0;
  std::array<std::uint8_t, 32> nonce{};
  std::array<std::uint8_t, 16> iv{};
  std::array<std::uint8_t, 8> rsc{};
  std::array<std::uint8_t, 8> id{};
  std::size_t micLength = kDefaultMicLength;
  Bytes mic;  // empty: zeros, for the caller to compute and patch at kKeyMicOffset
  Bytes keyData;
  Bytes trailing;  // appended after the key data (see EapolKeyFrame::trailing)
};

// The EAPOL PDU (header included). A MIC shorter than micLength is zero-padded.
Bytes buildEapolKey(const EapolKeyFields& fields);
// The fields of a parsed frame (MIC included), for round trips and for
// answering a received frame.
EapolKeyFields fieldsOf(const EapolKeyFrame& frame);

}  // namespace rs::eapol
