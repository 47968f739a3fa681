// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CCMP-128 (IEEE 802.11-2016 12.5.3): AES-CCM with M = 8, L = 2, over an MPDU.
#include <cstdint>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"

namespace rs::crypto {

struct DecryptedMpdu {
  std::size_t headerLength = 0;  // MAC header octets at the start of the input
  Bytes plaintext;               // frame body after the security header, MIC/ICV removed
  std::uint64_t packetNumber = 0;  // CCMP PN or TKIP TSC (48 bits)
  std::uint8_t keyId = 0;
};

// 12.5.3.3.2: the CCMP header that follows the MAC header: PN0 PN1 0 (KeyID<<6 | ExtIV) PN2 PN3 PN4 PN5.
Bytes ccmpHeader(std::uint64_t packetNumber, std::uint8_t keyId);

// Decrypts `mpdu` = MAC header || CCMP header (8) || ciphertext || MIC (8) with a
// 16-octet TK. AAD (12.5.3.3.3) and nonce (12.5.3.3.4) are built from the header:
// Frame Control with Retry/PwrMgt/MoreData cleared, Protected set, data subtype bits
// 4-6 cleared and Order cleared when QoS Control is present; A1-A3; Sequence
// Control with the sequence number masked; A4 if present; QoS Control reduced to
// the TID. Nonce = flags (priority | management bit) || A2 || PN5..PN0.
// IntegrityFailure when the MIC does not verify.
Result<DecryptedMpdu> ccmpDecrypt(ByteView tk, ByteView mpdu);

// Builds the protected MPDU: header (Protected bit set) || CCMP header || ciphertext || MIC.
// `header` is the complete MAC header of the frame (data, QoS data, 4-address or
// management/MFP), `plaintext` the frame body.
Result<Bytes> ccmpEncrypt(ByteView tk, ByteView header, std::uint64_t packetNumber, ByteView plaintext,
                          std::uint8_t keyId = 0);

}  // namespace rs::crypto
