// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/names.h"

#include <array>
#include <utility>

namespace rs::ieee80211 {
namespace {

using Entry = std::pair<std::uint16_t, std::string_view>;

template <std::size_t N>
std::string_view lookup(const Entry (&table)[N], std::uint16_t code, std::string_view fallback) {
  for (const auto& [value, name] : table)
    if (value == code) return name;
  return fallback;
}

// IEEE 802.11-2016 9.4.1.9 Table 9-46 (plus the SAE/FILS codes of 802.11-2020).
constexpr Entry kStatusCodes[] = {
    {0, "Successful"},
    {1, "Unspecified failure"},
    {2, "TDLS wakeup schedule rejected but alternative schedule provided"},
    {3, "TDLS wakeup schedule rejected"},
    {5, "Security disabled"},
    {6, "Unacceptable lifetime"},
    {7, "Not in same BSS"},
    {10, "Cannot support all requested capabilities in the Capability Information field"},
    {11, "Reassociation denied due to inability to confirm that association exists"},
    {12, "Association denied due to reason outside the scope of this standard"},
    {13, "Responding STA does not support the specified authentication algorithm"},
    {14, "Received an Authentication frame with authentication transaction sequence number out of expected sequence"},
    {15, "Authentication rejected because of challenge failure"},
    {16, "Authentication rejected due to timeout waiting for next frame in sequence"},
    {17, "AP is unable to handle additional associated STAs"},
    {18, "Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet"},
    {19, "Association denied due to requesting STA not supporting the short preamble option"},
    {22, "Association request rejected because Spectrum Management capability is required"},
    {23, "Association request rejected because the information in the Power Capability element is unacceptable"},
    {24, "Association request rejected because the information in the Supported Channels element is unacceptable"},
    {25, "Association denied due to requesting STA not supporting the Short Slot Time option"},
    {27, "Association denied because the requesting STA does not support HT features"},
    {28, "R0KH unreachable"},
    {29, "Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP"},
    {30, "Association request rejected temporarily; try again later"},
    {31, "Robust management frame policy violation"},
    {32, "Unspecified, QoS-related failure"},
    {33, "Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA"},
    {34, "Association denied due to excessive frame loss rates and/or poor conditions on current operating channel"},
    {35, "Association (with QoS BSS) denied because the requesting STA does not support the QoS facility"},
    {37, "The request has been declined"},
    {38, "The request has not been successful as one or more parameters have invalid values"},
    {39, "The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided"},
    {40, "Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications"},
    {41, "Invalid group cipher"},
    {42, "Invalid pairwise cipher"},
    {43, "Invalid AKMP"},
    {44, "Unsupported RSNE version"},
    {45, "Invalid RSNE capabilities"},
    {46, "Cipher suite rejected because of security policy"},
    {47, "The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation in response to a request after the time indicated in the TS Delay element"},
    {48, "Direct link is not allowed in the BSS by policy"},
    {49, "The Destination STA is not present within this BSS"},
    {50, "The Destination STA is not a QoS STA"},
    {51, "Association denied because the listen interval is too large"},
    {52, "Invalid FT Action frame count"},
    {53, "Invalid pairwise master key identifier (PMKID)"},
    {54, "Invalid MDE"},
    {55, "Invalid FTE"},
    {56, "Requested TCLAS processing is not supported by the AP or PCP"},
    {57, "The AP or PCP has insufficient TCLAS processing resources to satisfy the request"},
    {58, "The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS"},
    {59, "GAS Advertisement Protocol not supported"},
    {60, "No outstanding GAS request"},
    {61, "GAS Response not received from the Advertisement Server"},
    {62, "STA timed out waiting for GAS Query Response"},
    {63, "LARGE GAS Response is larger than query response length limit"},
    {64, "Request refused because home network does not support request"},
    {65, "Advertisement Server in the network is not currently reachable"},
    {67, "Request refused due to permissions received via SSPN interface"},
    {68, "Request refused because the AP or PCP does not support unauthenticated access"},
    {72, "Invalid contents of RSNE"},
    {73, "U-APSD coexistence is not supported"},
    {74, "Requested U-APSD coexistence mode is not supported"},
    {75, "Requested Interval/Duration value cannot be supported with U-APSD coexistence"},
    {76, "Authentication is rejected because an Anti-Clogging Token is required"},
    {77, "Authentication is rejected because the offered finite cyclic group is not supported"},
    {78, "The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT"},
    {79, "Transmission failure"},
    {80, "Requested TCLAS not supported"},
    {81, "TCLAS resources exhausted"},
    {82, "Rejected with suggested BSS transition"},
    {83, "Reject with recommended schedule"},
    {84, "Reject because no wakeup schedule specified"},
    {85, "Success, the destination STA is in power save mode"},
    {86, "FST pending, in process of admitting FST session"},
    {87, "Performing FST now"},
    {88, "FST pending, gap(s) in block ack window"},
    {89, "Reject because of U-PID setting"},
    {92, "(Re)Association refused for some external reason"},
    {93, "(Re)Association refused because of memory limits at the AP"},
    {94, "(Re)Association refused because emergency services are not supported at the AP"},
    {95, "GAS query response not yet received"},
    {96, "Reject since the request is for transition to a frequency band subject to DSE procedures and FST initiator is a dependent STA"},
    {97, "Requested TCLAS processing has been terminated by the AP"},
    {98, "The TS schedule conflicts with an existing schedule; an alternative schedule is provided"},
    {99, "The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS"},
    {100, "The request failed due to a reservation conflict"},
    {101, "The request failed due to exceeded MAF limit"},
    {102, "The request failed due to exceeded MCCA track limit"},
    {103, "Association denied because the information in the Spectrum Management field is unacceptable"},
    {104, "Association denied because the requesting STA does not support VHT features"},
    {105, "Enablement denied"},
    {106, "Enablement denied due to restriction from an authorized GDB"},
    {107, "Authorization deenabled"},
    {112, "Authentication rejected due to FILS authentication failure"},
    {113, "Authentication rejected due to unknown Authentication Server"},
    {123, "Unknown password identifier"},
    {126, "SAE hash-to-element"},
    {127, "SAE-PK"},
};

// IEEE 802.11-2016 9.4.1.7 Table 9-45.
constexpr Entry kReasonCodes[] = {
    {1, "Unspecified reason"},
    {2, "Previous authentication no longer valid"},
    {3, "Deauthenticated because sending STA is leaving (or has left) IBSS or ESS"},
    {4, "Disassociated due to inactivity"},
    {5, "Disassociated because AP is unable to handle all currently associated STAs"},
    {6, "Class 2 frame received from nonauthenticated STA"},
    {7, "Class 3 frame received from nonassociated STA"},
    {8, "Disassociated because sending STA is leaving (or has left) BSS"},
    {9, "STA requesting (re)association is not authenticated with responding STA"},
    {10, "Disassociated because the information in the Power Capability element is unacceptable"},
    {11, "Disassociated because the information in the Supported Channels element is unacceptable"},
    {12, "Disassociated due to BSS transition management"},
    {13, "Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications"},
    {14, "Message integrity code (MIC) failure"},
    {15, "4-way handshake timeout"},
    {16, "Group key handshake timeout"},
    {17, "Element in 4-way handshake different from (Re)Association Request/Probe Response/Beacon frame"},
    {18, "Invalid group cipher"},
    {19, "Invalid pairwise cipher"},
    {20, "Invalid AKMP"},
    {21, "Unsupported RSNE version"},
    {22, "Invalid RSNE capabilities"},
    {23, "IEEE 802.1X authentication failed"},
    {24, "Cipher suite rejected because of the security policy"},
    {25, "TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link"},
    {26, "TDLS direct-link teardown for unspecified reason"},
    {27, "Disassociated because session terminated by SSP request"},
    {28, "Disassociated because of lack of SSP roaming agreement"},
    {29, "Requested service rejected because of SSP cipher suite or AKM requirement"},
    {30, "Requested service not authorized in this location"},
    {31, "TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode"},
    {32, "Disassociated for unspecified, QoS-related reason"},
    {33, "Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA"},
    {34, "Disassociated because excessive number of frames need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions"},
    {35, "Disassociated because STA is transmitting outside the limits of its TXOPs"},
    {36, "Requesting STA is leaving the BSS (or resetting)"},
    {37, "Requesting STA is no longer using the stream or session"},
    {38, "Requesting STA received frames using a mechanism for which a setup has not been completed"},
    {39, "Requested from peer STA due to timeout"},
    {45, "Peer STA does not support the requested cipher suite"},
    {46, "Disassociated because authorized access limit reached"},
    {47, "Disassociated due to external service requirements"},
    {48, "Invalid FT Action frame count"},
    {49, "Invalid pairwise master key identifier (PMKID)"},
    {50, "Invalid MDE"},
    {51, "Invalid FTE"},
    {52, "Mesh peering canceled for unknown reasons"},
    {53, "The mesh STA has reached the supported maximum number of peer mesh STAs"},
    {54, "The received information violates the Mesh Configuration policy configured in the mesh STA profile"},
    {55, "The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering"},
    {56, "The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame"},
    {57, "The confirmTimer for the mesh peering instance times out"},
    {58, "The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match"},
    {59, "The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames"},
    {60, "The mesh STA fails the authenticated mesh peering exchange because of failure in selecting either the pairwise ciphersuite or group ciphersuite"},
    {61, "The mesh STA does not have proxy information for this external destination"},
    {62, "The mesh STA does not have forwarding information for this destination"},
    {63, "The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable"},
    {64, "The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS"},
    {65, "The mesh STA performs channel switch to meet regulatory requirements"},
};

constexpr Entry kAuthAlgorithms[] = {
    {0, "Open System"},
    {1, "Shared key"},
    {2, "Fast BSS Transition"},
    {3, "Simultaneous Authentication of Equals (SAE)"},
    {4, "FILS Shared Key authentication without PFS"},
    {5, "FILS Shared Key authentication with PFS"},
    {6, "FILS Public Key authentication"},
    {7, "Pre-Association Security Negotiation (PASN)"},
    {0xffff, "Vendor Specific"},
};

constexpr Entry kCategories[] = {
    {0, "Spectrum Management (SM)"},
    {1, "Quality of Service (QoS)"},
    {2, "Direct-link Setup"},
    {3, "Block Ack"},
    {4, "Public Action"},
    {5, "Radio Measurement"},
    {6, "Fast BSS Transition"},
    {7, "High Throughput"},
    {8, "SA Query"},
    {9, "Protected Dual of Public Action"},
    {10, "WNM"},
    {11, "Unprotected WNM"},
    {12, "TDLS"},
    {13, "Mesh"},
    {14, "Multihop"},
    {15, "Self-protected"},
    {16, "DMG"},
    {18, "Fast Session Transfer"},
    {19, "Robust AV Streaming"},
    {20, "Unprotected DMG"},
    {21, "VHT"},
    {22, "Unprotected S1G"},
    {23, "S1G"},
    {24, "Flow Control"},
    {25, "Control Response MCS Negotiation"},
    {26, "FILS"},
    {27, "CDMG"},
    {28, "CMMG"},
    {29, "GLK"},
    {30, "HE"},
    {31, "Protected HE"},
    {126, "Vendor-specific Protected"},
    {127, "Vendor Specific"},
    {17, "Reserved (used by Wi-Fi Alliance)"},
};

constexpr Entry kSpectrumActions[] = {
    {0, "Measurement Request"}, {1, "Measurement Report"}, {2, "TPC Request"}, {3, "TPC Report"},
    {4, "Channel Switch Announcement"}};
constexpr Entry kQosActions[] = {
    {0, "ADDTS Request"}, {1, "ADDTS Response"}, {2, "DELTS"}, {3, "Schedule"}, {4, "QoS Map Configure"}};
constexpr Entry kBlockAckActions[] = {
    {0, "Add Block Ack Request"}, {1, "Add Block Ack Response"}, {2, "Delete Block Ack"}};
constexpr Entry kPublicActions[] = {
    {0, "20/40 BSS Coexistence Management"}, {1, "DSE enablement"}, {2, "DSE deenablement"},
    {3, "DSE Registered Location Announcement"}, {4, "Extended Channel Switch Announcement"},
    {5, "DSE measurement request"}, {6, "DSE measurement report"}, {7, "Measurement Pilot"},
    {8, "DSE power constraint"}, {9, "Vendor Specific"}, {10, "GAS Initial Request"},
    {11, "GAS Initial Response"}, {12, "GAS Comeback Request"}, {13, "GAS Comeback Response"},
    {14, "TDLS Discovery Response"}, {15, "Location Track Notification"}};
constexpr Entry kRadioMeasurementActions[] = {
    {0, "Radio Measurement Request"}, {1, "Radio Measurement Report"}, {2, "Link Measurement Request"},
    {3, "Link Measurement Report"}, {4, "Neighbor Report Request"}, {5, "Neighbor Report Response"}};
constexpr Entry kFtActions[] = {{1, "FT Request"}, {2, "FT Response"}, {3, "FT Confirm"}, {4, "FT Ack"}};
constexpr Entry kHtActions[] = {
    {0, "Notify Channel Width"}, {1, "Spatial Multiplexing (SM) Power Save"}, {2, "Power Save Multi-Poll (PSMP)"},
    {3, "Set PCO Phase"}, {4, "CSI"}, {5, "Noncompressed Beamforming"}, {6, "Compressed Beamforming"},
    {7, "Antenna Selection Indices Feedback"}};
constexpr Entry kSaQueryActions[] = {{0, "SA Query Request"}, {1, "SA Query Response"}};
constexpr Entry kWnmActions[] = {
    {0, "Event Request"}, {1, "Event Report"}, {2, "Diagnostic Request"}, {3, "Diagnostic Report"},
    {4, "Location Configuration Request"}, {5, "Location Configuration Response"},
    {6, "BSS Transition Management Query"}, {7, "BSS Transition Management Request"},
    {8, "BSS Transition Management Response"}, {9, "FMS Request"}, {10, "FMS Response"},
    {11, "Collocated Interference Request"}, {12, "Collocated Interference Report"}, {13, "TFS Request"},
    {14, "TFS Response"}, {15, "TFS Notify"}, {16, "WNM Sleep Mode Request"}, {17, "WNM Sleep Mode Response"},
    {18, "TIM Broadcast Request"}, {19, "TIM Broadcast Response"}, {20, "QoS Traffic Capability Update"},
    {21, "Channel Usage Request"}, {22, "Channel Usage Response"}, {23, "DMS Request"}, {24, "DMS Response"},
    {25, "Timing Measurement Request"}, {26, "WNM Notification Request"}, {27, "WNM Notification Response"}};
constexpr Entry kSelfProtectedActions[] = {
    {1, "Mesh Peering Open"}, {2, "Mesh Peering Confirm"}, {3, "Mesh Peering Close"},
    {4, "Mesh Group Key Inform"}, {5, "Mesh Group Key Acknowledge"}};
constexpr Entry kVhtActions[] = {
    {0, "VHT Compressed Beamforming"}, {1, "Group ID Management"}, {2, "Operating Mode Notification"}};

}  // namespace

std::string_view frameTypeName(std::uint8_t type, std::uint8_t subtype) {
  // 9.2.4.1.3 Table 9-1 "Valid type and subtype combinations".
  static constexpr std::array<std::string_view, 16> kManagement{
      "Association Request", "Association Response", "Reassociation Request", "Reassociation Response",
      "Probe Request",       "Probe Response",       "Measurement Pilot",     "Unknown",
      "Beacon frame",        "ATIM",                 "Disassociate",          "Authentication",
      "Deauthentication",    "Action",               "Action No Ack",         "Aruba Management"};
  static constexpr std::array<std::string_view, 16> kControl{
      "Unknown",
      "Unknown",
      "Trigger",
      "Unknown",
      "Beamforming Report Poll",
      "VHT/HE NDP Announcement",
      "Control Frame Extension",
      "Control Wrapper",
      "802.11 Block Ack Req",
      "802.11 Block Ack",
      "Power-Save poll",
      "Request-to-send",
      "Clear-to-send",
      "Acknowledgement",
      "CF-End (Control-frame)",
      "CF-End + CF-Ack (Control-frame)"};
  static constexpr std::array<std::string_view, 16> kData{
      "Data",
      "Data + CF-Ack",
      "Data + CF-Poll",
      "Data + CF-Ack + CF-Poll",
      "Null function (No data)",
      "Acknowledgement (No data)",
      "CF-Poll (No data)",
      "CF-Ack/Poll (No data)",
      "QoS Data",
      "QoS Data + CF-Acknowledgment",
      "QoS Data + CF-Poll",
      "QoS Data + CF-Ack + CF-Poll",
      "QoS Null function (No data)",
      "Unknown",
      "QoS CF-Poll (No Data)",
      "QoS CF-Ack + CF-Poll (No data)"};
  subtype &= 0x0f;
  switch (type) {
    case 0: return kManagement[subtype];
    case 1: return kControl[subtype];
    case 2: return kData[subtype];
    case 3:
      if (subtype == 0) return "DMG Beacon";
      if (subtype == 1) return "S1G Beacon";
      return "Unknown";
    default: return "Unknown";
  }
}

std::string_view statusCodeName(std::uint16_t code) { return lookup(kStatusCodes, code, "Reserved"); }
std::string_view reasonCodeName(std::uint16_t code) { return lookup(kReasonCodes, code, "Reserved"); }
std::string_view authAlgorithmName(std::uint16_t algorithm) { return lookup(kAuthAlgorithms, algorithm, "Unknown"); }

std::string_view categoryName(std::uint8_t category) {
  // 9.4.1.11: a category with the high bit set is the error response to category & 0x7f.
  if (category >= 128) return "Error";
  return lookup(kCategories, category, "Reserved");
}

std::string_view actionName(std::uint8_t category, std::uint8_t action) {
  switch (category) {
    case 0: return lookup(kSpectrumActions, action, {});
    case 1: return lookup(kQosActions, action, {});
    case 3: return lookup(kBlockAckActions, action, {});
    case 4:
    case 9: return lookup(kPublicActions, action, {});
    case 5: return lookup(kRadioMeasurementActions, action, {});
    case 6: return lookup(kFtActions, action, {});
    case 7: return lookup(kHtActions, action, {});
    case 8: return lookup(kSaQueryActions, action, {});
    case 10: return lookup(kWnmActions, action, {});
    case 15: return lookup(kSelfProtectedActions, action, {});
    case 21: return lookup(kVhtActions, action, {});
    default: return {};
  }
}

std::string_view userPriorityName(std::uint8_t priority) {
  // IEEE 802.1D user priority and the access category it maps to (10.2.4.2 Table 10-1).
  static constexpr std::array<std::string_view, 8> kNames{
      "Best Effort (Best Effort)",      "Background (Background)", "Spare (Background)", "Excellent Effort (Best Effort)",
      "Controlled Load (Video)",        "Video (Video)",           "Voice (Voice)",      "Network Control (Voice)"};
  return kNames[priority & 7];
}

}  // namespace rs::ieee80211
