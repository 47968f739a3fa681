// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "wlan" section of a scenario's "methods" (docs/emulation.md, "The WLAN
// system"): the ESS's security, the handoff method under test, the roaming
// policy, the scan, and the voice flow. Read and checked once, before the run,
// so a bad value is reported with its file and JSON Pointer.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/protocols/eap_tls/eap_tls_config.h"
#include "core/protocols/wlan/seed000_faults.h"
#include "core/sim/config_error.h"
#include "core/sim/scenario.h"
#include "core/sim/sim_time.h"

namespace rs::wlan {

enum class Security : std::uint8_t { Psk, EapTls };
std::string_view securityName(Security s);  // "psk", "eap-tls"

// How a station moves from one AP to the next (issue #4's four methods).
enum class HandoffMethod : std::uint8_t {
  Full,      // open authentication, reassociation, (802.1X), 4-way handshake with the GTK
  PmkCache,  // PMKID in the reassociation request; the AP's cached PMK, 4-way only
  Seed000,   // PMK (pre-authentication or cache) and PTK before leaving; three-message re-association
  FtOverAir, // IEEE 802.11r FT over the air (modern comparator)
};
std::string_view handoffMethodName(HandoffMethod m);  // "full", "pmk-cache", "seed000", "ft-over-air"

enum class ScanMode : std::uint8_t { Active, Passive };

struct ScanSettings {
  ScanMode mode = ScanMode::Active;
  sim::SimTime minChannelTime = sim::milliseconds(10);  // active: give up on a silent channel after this
  sim::SimTime maxChannelTime = sim::milliseconds(30);  // active: stay this long once a response came
  sim::SimTime passiveDwell = sim::milliseconds(110);   // passive: listen this long per channel (> a beacon interval)
};

struct RoamSettings {
  double thresholdDbm = -70;   // below it the station looks for a better AP
  double hysteresisDb = 6;     // a candidate must be this much stronger than the current AP
  sim::SimTime sampleInterval = sim::milliseconds(100);
  sim::SimTime rescanInterval = sim::seconds(2);  // while below the threshold and nothing better was found
};

struct FlowSettings {
  sim::SimTime interval = sim::milliseconds(20);  // one packet each way per interval (G.711 / RTP-like)
  std::size_t payloadBytes = 160;
  std::uint16_t stationPort = 40000;
  std::uint16_t serverPort = 5004;
};

struct WlanSettings {
  std::string ssid = "RoamScope";
  Security security = Security::Psk;
  std::string passphrase = "roamscope-passphrase";
  std::string identity = "station@roamscope.test";
  eap::TlsVersion tlsVersion = eap::TlsVersion::Tls12;
  std::string radiusSecret = "roamscope-radius";
  HandoffMethod handoff = HandoffMethod::Full;
  std::uint16_t mobilityDomain = 0xb2a1;  // MDID as tshark shows it (little-endian on the wire)
  std::uint16_t beaconIntervalTu = 100;
  ScanSettings scan;
  RoamSettings roam;
  std::optional<FlowSettings> flow = FlowSettings{};  // none: "flow": false
  sim::SimTime responseTimeout = sim::milliseconds(100);  // a request unanswered this long failed
  unsigned retries = 2;                                    // resends before giving up
  Seed000Fault seed000Fault = Seed000Fault::None;          // fault injection (seed000_faults.h)
};

using WlanSettingsResult = std::variant<WlanSettings, sim::ConfigError>;
// Reads scenario.methods["wlan"] (absent: the defaults above).
WlanSettingsResult readWlanSettings(const sim::Scenario& scenario);

}  // namespace rs::wlan
