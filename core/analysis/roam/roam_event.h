// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns one frame of the stream into the single fact the roam tracker needs
// ("station S sent a reassociation request to BSSID B with a PMKID"), or
// nothing. Keeping the decoding apart lets the station state machine stay a
// pure function of these events, testable without bytes.
#include <cstdint>
#include <optional>

#include "core/analysis/roam/wlan_frame.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/eapol/eapol_key.h"

namespace rs {
class HandshakeTracker;
}

namespace rs::roam {

enum class EventKind : std::uint8_t {
  ProbeRequest,
  ProbeResponse,
  Authentication,
  AssociationRequest,   // `reassociation` tells the two subtypes apart
  AssociationResponse,
  Deauthentication,
  Disassociation,
  FtRequest,            // FT Action Request / Response (over the DS): bssid = the target AP
  FtResponse,
  EapStart,             // EAPOL-Start or the first EAP-Request/Identity
  EapSuccess,
  EapFailure,
  EapOther,             // any other EAP packet (keeps the EAP phase's end honest)
  EapolKey,
  PreauthSuccess,       // EAP-Success of RSN pre-authentication (EtherType 0x88c7) relayed by the current AP:
                        // bssid = the AP the station pre-authenticated with
  PreauthEap,           // any other EAPOL-Start / EAP packet of RSN pre-authentication; bssid = the target AP
  PreReassocKey,        // an EAPOL-Key frame over EtherType 0x88c7: the 4-way handshake with a target AP run through
                        // the current AP before a seed-000 re-association; bssid = the target (DA or SA)
  Seed000,              // a seed-000 fast re-association message (docs/protocols/seed-000.md); bssid = the target AP
  Data,                 // a data frame with a payload other than EAPOL, either direction
};

struct RoamEvent {
  EventKind kind = EventKind::Data;
  std::uint64_t frameIndex = 0;
  std::int64_t timestampNs = 0;
  MacAddress sta;
  MacAddress bssid;
  bool fromAp = false;              // transmitted by the AP (or, for FT over the DS, by the current AP)
  std::optional<int> channel;       // IEEE channel number from the radio header
  std::optional<int> signalDbm;
  std::uint16_t authAlgorithm = 0;  // Authentication
  std::uint16_t authSequence = 0;
  std::uint16_t statusCode = 0;     // Authentication, (Re)Association Response, FT Response
  std::uint16_t reasonCode = 0;     // Deauthentication, Disassociation
  bool reassociation = false;       // (Re)Association Request/Response
  bool rsne = false;                // the request carried an RSNE (or a WPA vendor element)
  int akm = 0;                      // first AKM suite type of that RSNE (00-0F-AC:n)
  bool pmkid = false;               // ... with a non-empty PMKID list
  bool fte = false;                 // the request carried a Fast BSS Transition element
  eapol::KeyMessage keyMessage = eapol::KeyMessage::Pairwise1;  // EapolKey
  std::uint64_t replayCounter = 0;
  // EAP packets (EapStart/EapOther/EapSuccess/EapFailure): code 0 for EAPOL-Start, else RFC 3748 4 code,
  // identifier and the Request/Response type (0 when the packet has none).
  std::uint8_t eapCode = 0;
  std::uint8_t eapIdentifier = 0;
  std::uint8_t eapType = 0;
  // Seed000: the message type (1, 2 or 3) and the first 8 octets of its SRandom (messages 1, 2) and ARandom
  // (messages 2, 3), which the next message echoes: they pair the exchange.
  std::uint8_t seed000Message = 0;
  std::uint64_t seed000SRandom = 0;
  std::uint64_t seed000ARandom = 0;
};

// Channel number for a centre frequency in MHz (IEEE 802.11-2016 17.3.8.4.2,
// 19.3.15, 27.3.23.2 for 6 GHz); nullopt for 0 or frequencies outside those bands.
std::optional<int> channelFromMhz(std::uint16_t mhz);

// Decodes a frame; `keys` (may be null) decrypts protected EAPOL frames such as
// group key handshakes. nullopt for frames the roam analysis ignores (beacons,
// control frames, group-addressed traffic, malformed bodies).
std::optional<RoamEvent> decodeRoamEvent(const FrameView& frame, const HandshakeTracker* keys);
// The same, with the frame's 802.11 view already located (the analysis' per-frame path).
std::optional<RoamEvent> decodeRoamEvent(const FrameView& frame, const WlanFrame& wlan, const HandshakeTracker* keys);

}  // namespace rs::roam
