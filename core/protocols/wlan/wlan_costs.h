// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names of the processing costs the WLAN system charges (sim::CostProfile).
// Each is one operation of a device, in nanoseconds at factor 1.0; the
// reference figures in resources/profiles/reference.json were measured on the
// project's build machine by tests/bench/bench_crypto_costs.
#include <string_view>

namespace rs::wlan::cost {

inline constexpr std::string_view kPbkdf2 = "pbkdf2";                  // PSK -> PMK (4096 x HMAC-SHA1 x 2)
inline constexpr std::string_view kPtkDerivation = "ptk-derivation";   // PRF / KDF of a PTK
inline constexpr std::string_view kFtKeyDerivation = "ft-key-derivation";  // PMK-R0 or PMK-R1
inline constexpr std::string_view kEapolMic = "eapol-mic";             // compute or verify one MIC
inline constexpr std::string_view kAesKeyWrap = "aes-key-wrap";        // wrap or unwrap a GTK / key data
inline constexpr std::string_view kCcmpFrame = "ccmp-frame";           // encrypt or decrypt one data frame
inline constexpr std::string_view kEapTlsServerMessage = "eap-tls-server-message";  // AS: one EAP-TLS round
inline constexpr std::string_view kEapTlsPeerMessage = "eap-tls-peer-message";      // STA: one EAP-TLS round
inline constexpr std::string_view kRadiusProcessing = "radius-processing";  // AS: parse, check, answer a packet
inline constexpr std::string_view kMppeKeyCrypto = "mppe-key-crypto";   // encrypt/decrypt an MS-MPPE key pair
inline constexpr std::string_view kMgmtProcessing = "mgmt-processing";  // handle one management frame

}  // namespace rs::wlan::cost
