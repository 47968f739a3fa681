// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/ieee80211/elements/element_ids.h"

#include <array>

namespace rs::ieee80211 {
namespace {

struct NamedId {
  std::uint8_t id;
  std::string_view name;
};

// IEEE 802.11-2016 Table 9-77, plus the IDs assigned since (802.11-2020) that
// appear in current captures (TWT, RSN Extension).
constexpr NamedId kElementNames[] = {
    {0, "SSID"}, {1, "Supported Rates"}, {3, "DS Parameter Set"}, {4, "CF Parameter Set"},
    {5, "Traffic Indication Map (TIM)"}, {6, "IBSS Parameter Set"}, {7, "Country Information"},
    {10, "Request"}, {11, "BSS Load"}, {12, "EDCA Parameter Set"}, {13, "TSPEC"}, {14, "TCLAS"},
    {15, "Schedule"}, {16, "Challenge text"}, {32, "Power Constraint"}, {33, "Power Capability"},
    {34, "TPC Request"}, {35, "TPC Report"}, {36, "Supported Channels"},
    {37, "Channel Switch Announcement"}, {38, "Measurement Request"}, {39, "Measurement Report"},
    {40, "Quiet"}, {41, "IBSS DFS"}, {42, "ERP Information"}, {43, "TS Delay"},
    {44, "TCLAS Processing"}, {45, "HT Capabilities"}, {46, "QoS Capability"},
    {47, "ERP Information (pre-standard)"}, {48, "RSN Information"},
    {50, "Extended Supported Rates"}, {51, "AP Channel Report"}, {52, "Neighbor Report"},
    {53, "RCPI"}, {54, "Mobility Domain"}, {55, "Fast BSS Transition"}, {56, "Timeout Interval"},
    {57, "RIC Data"}, {58, "DSE Registered Location"}, {59, "Supported Operating Classes"},
    {60, "Extended Channel Switch Announcement"}, {61, "HT Operation"},
    {62, "Secondary Channel Offset"}, {63, "BSS Average Access Delay"}, {64, "Antenna"},
    {65, "RSNI"}, {66, "Measurement Pilot Transmission"}, {67, "BSS Available Admission Capacity"},
    {68, "BSS AC Access Delay"}, {69, "Time Advertisement"}, {70, "RM Enabled Capabilities"},
    {71, "Multiple BSSID"}, {72, "20/40 BSS Coexistence"},
    {73, "20/40 BSS Intolerant Channel Report"}, {74, "Overlapping BSS Scan Parameters"},
    {75, "RIC Descriptor"}, {76, "Management MIC"}, {78, "Event Request"}, {79, "Event Report"},
    {80, "Diagnostic Request"}, {81, "Diagnostic Report"}, {82, "Location Parameters"},
    {83, "Nontransmitted BSSID Capability"}, {84, "SSID List"}, {85, "Multiple BSSID-Index"},
    {86, "FMS Descriptor"}, {87, "FMS Request"}, {88, "FMS Response"},
    {89, "QoS Traffic Capability"}, {90, "BSS Max Idle Period"}, {91, "TFS Request"},
    {92, "TFS Response"}, {93, "WNM Sleep Mode"}, {94, "TIM Broadcast Request"},
    {95, "TIM Broadcast Response"}, {96, "Collocated Interference Report"}, {97, "Channel Usage"},
    {98, "Time Zone"}, {99, "DMS Request"}, {100, "DMS Response"}, {101, "Link Identifier"},
    {102, "Wakeup Schedule"}, {104, "Channel Switch Timing"}, {105, "PTI Control"},
    {106, "TPU Buffer Status"}, {107, "Interworking"}, {108, "Advertisement Protocol"},
    {109, "Expedited Bandwidth Request"}, {110, "QoS Map"}, {111, "Roaming Consortium"},
    {112, "Emergency Alert Identifier"}, {113, "Mesh Configuration"}, {114, "Mesh ID"},
    {115, "Mesh Link Metric Report"}, {116, "Congestion Notification"},
    {117, "Mesh Peering Management"}, {118, "Mesh Channel Switch Parameters"},
    {119, "Mesh Awake Window"}, {120, "Beacon Timing"}, {121, "MCCAOP Setup Request"},
    {122, "MCCAOP Setup Reply"}, {123, "MCCAOP Advertisement"}, {124, "MCCAOP Teardown"},
    {125, "GANN"}, {126, "RANN"}, {127, "Extended Capabilities"}, {130, "PREQ"}, {131, "PREP"},
    {132, "PERR"}, {137, "PXU"}, {138, "PXUC"}, {139, "Authenticated Mesh Peering Exchange"},
    {140, "MIC"}, {141, "Destination URI"}, {142, "U-APSD Coexistence"},
    {143, "DMG Wakeup Schedule"}, {144, "Extended Schedule"}, {145, "STA Availability"},
    {146, "DMG TSPEC"}, {147, "Next DMG ATI"}, {148, "DMG Capabilities"}, {151, "DMG Operation"},
    {152, "DMG BSS Parameter Change"}, {153, "DMG Beam Refinement"},
    {154, "Channel Measurement Feedback"}, {157, "Awake Window"}, {158, "Multi-band"},
    {159, "ADDBA Extension"}, {160, "NextPCP List"}, {161, "PCP Handover"},
    {162, "DMG Link Margin"}, {163, "Switching Stream"}, {164, "Session Transition"},
    {165, "Dynamic Tone Pairing Report"}, {166, "Cluster Report"}, {167, "Relay Capabilities"},
    {168, "Relay Transfer Parameter Set"}, {169, "BeamLink Maintenance"},
    {170, "Multiple MAC Sublayers"}, {171, "U-PID"}, {172, "DMG Link Adaptation Acknowledgment"},
    {174, "MCCAOP Advertisement Overview"}, {175, "Quiet Period Request"},
    {177, "Quiet Period Response"}, {181, "QMF Policy"}, {182, "ECAPC Policy"},
    {183, "Cluster Time Offset"}, {184, "Intra-Access Category Priority"},
    {185, "SCS Descriptor"}, {186, "QLoad Report"}, {187, "HCCA TXOP Update Count"},
    {188, "Higher Layer Stream ID"}, {189, "GCR Group Membership"},
    {190, "Antenna Sector ID Pattern"}, {191, "VHT Capabilities"}, {192, "VHT Operation"},
    {193, "Extended BSS Load"}, {194, "Wide Bandwidth Channel Switch"},
    {195, "Transmit Power Envelope"}, {196, "Channel Switch Wrapper"}, {197, "AID"},
    {198, "Quiet Channel"}, {199, "Operating Mode Notification"}, {200, "UPSIM"},
    {201, "Reduced Neighbor Report"}, {202, "TVHT Operation"}, {204, "Device Location"},
    {205, "White Space Map"}, {206, "Fine Timing Measurement Parameters"},
    {216, "Target Wake Time"}, {217, "S1G Capabilities"}, {221, "Vendor Specific"},
    {244, "RSN Extension"}, {255, "Element ID Extension"},
};

// IEEE 802.11-2020 Table 9-92 (Element ID Extension values seen in captures).
constexpr NamedId kExtensionNames[] = {
    {1, "Association Delay Info"}, {2, "FILS Request Parameters"}, {3, "FILS Key Confirmation"},
    {4, "FILS Session"}, {5, "FILS HLP Container"}, {6, "FILS IP Address Assignment"},
    {7, "Key Delivery"}, {8, "FILS Wrapped Data"}, {9, "FTM Synchronization Information"},
    {10, "Extended Request"}, {11, "Estimated Service Parameters Inbound"},
    {12, "FILS Public Key"}, {13, "FILS Nonce"}, {14, "Future Channel Guidance"},
    {32, "OWE Diffie-Hellman Parameter"}, {33, "Password Identifier"}, {35, "HE Capabilities"},
    {36, "HE Operation"}, {37, "UORA Parameter Set"}, {38, "MU EDCA Parameter Set"},
    {39, "Spatial Reuse Parameter Set"}, {41, "NDP Feedback Report Parameter Set"},
    {42, "BSS Color Change Announcement"}, {43, "Quiet Time Period Setup"}, {45, "ESS Report"},
    {46, "OPS"}, {47, "HE BSS Load"}, {52, "Multiple BSSID Configuration"}, {55, "Known BSSID"},
    {56, "Short SSID List"}, {57, "HE 6 GHz Band Capabilities"}, {58, "UL MU Power Capabilities"},
    {88, "MSCS Descriptor"}, {92, "Rejected Groups"}, {93, "Anti-Clogging Token Container"},
    {106, "EHT Operation"}, {107, "Multi-Link"}, {108, "EHT Capabilities"},
};

template <std::size_t N>
std::string_view lookup(const NamedId (&table)[N], std::uint8_t id) {
  for (const auto& e : table)
    if (e.id == id) return e.name;
  return "Reserved";
}

}  // namespace

std::string_view elementName(std::uint8_t id) { return lookup(kElementNames, id); }
std::string_view extensionElementName(std::uint8_t extId) { return lookup(kExtensionNames, extId); }

}  // namespace rs::ieee80211
