// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/suite_selector.h"

namespace rs::ieee80211 {

std::string_view cipherSuiteName(SuiteSelector s) {
  if (s.oui == kIeee80211Oui) {
    // IEEE 802.11-2016 Table 9-131.
    switch (s.type) {
      case 0: return "Use group cipher suite";
      case 1: return "WEP-40";
      case 2: return "TKIP";
      case 4: return "CCMP-128 (AES)";
      case 5: return "WEP-104";
      case 6: return "BIP-CMAC-128";
      case 7: return "Group addressed traffic not allowed";
      case 8: return "GCMP-128";
      case 9: return "GCMP-256";
      case 10: return "CCMP-256";
      case 11: return "BIP-GMAC-128";
      case 12: return "BIP-GMAC-256";
      case 13: return "BIP-CMAC-256";
      default: return "Reserved";
    }
  }
  if (s.oui == kWfaOui) {
    // WPA1 used the same type numbers under the Microsoft/WFA OUI.
    switch (s.type) {
      case 0: return "Use group cipher suite";
      case 1: return "WEP-40";
      case 2: return "TKIP";
      case 4: return "CCMP-128 (AES)";
      case 5: return "WEP-104";
      default: return "Reserved";
    }
  }
  return "Unknown";
}

std::string_view akmSuiteName(SuiteSelector s) {
  if (s.oui == kIeee80211Oui) {
    // IEEE 802.11-2016 Table 9-133, plus the SAE/OWE/FILS types of 802.11-2020.
    switch (s.type) {
      case 1: return "WPA (IEEE 802.1X)";
      case 2: return "PSK";
      case 3: return "FT over IEEE 802.1X";
      case 4: return "FT using PSK";
      case 5: return "IEEE 802.1X (SHA256)";
      case 6: return "PSK (SHA256)";
      case 7: return "TDLS / TPK Handshake";
      case 8: return "SAE (SHA256)";
      case 9: return "FT using SAE";
      case 10: return "APPeerKey";
      case 11: return "IEEE 802.1X (Suite B)";
      case 12: return "IEEE 802.1X (Suite B, SHA384)";
      case 13: return "FT over IEEE 802.1X (SHA384)";
      case 14: return "FILS (SHA256)";
      case 15: return "FILS (SHA384)";
      case 16: return "FT over FILS (SHA256)";
      case 17: return "FT over FILS (SHA384)";
      case 18: return "OWE";
      default: return "Reserved";
    }
  }
  if (s.oui == kWfaOui) {
    switch (s.type) {
      case 1: return "WPA (IEEE 802.1X)";
      case 2: return "PSK";
      default: return "Reserved";
    }
  }
  return "Unknown";
}

std::string_view ouiName(std::uint32_t oui) {
  switch (oui) {
    case 0x000fac: return "Ieee 802.11";
    case 0x0050f2: return "Microsoft Corp.";
    case 0x506f9a: return "Wi-Fi Alliance";
    case 0x001018: return "Broadcom";
    case 0x000393: return "Apple";
    case 0x000b86: return "Aruba, a Hewlett Packard Enterprise Company";
    case 0x00037f: return "Atheros Communications, Inc.";
    case 0x00904c: return "Epigram, Inc.";
    default: return "";
  }
}

}  // namespace rs::ieee80211
