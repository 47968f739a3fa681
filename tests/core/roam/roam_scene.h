// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds roaming captures for the roam analysis tests with the project's own
// frame builders: every frame at an exact timestamp, with a radiotap header
// carrying the AP's channel and signal, written as pcapng (link type 127).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"
#include "dissectors/eapol/eapol_key.h"

namespace rs::test {

struct SceneAp {
  MacAddress bssid;
  std::uint16_t mhz = 2412;
  std::int8_t signalDbm = -50;
};

// What the station puts in its (re)association request.
struct RequestSecurity {
  int akm = 0;  // 0: no RSNE (open network)
  bool pmkid = false;
  bool fte = false;
};

// What an AP advertises in its Beacons (and Probe Responses built with `beacon`).
struct BeaconSecurity {
  std::vector<int> akms;                // 00-0F-AC AKM suite types of the RSNE; empty: no RSNE
  std::optional<std::uint16_t> mdid;    // a Mobility Domain element (802.11r)
  std::string ssid = "roam";
};

class RoamScene {
 public:
  explicit RoamScene(const MacAddress& sta) : sta_(sta) {}

  void probeRequest(std::int64_t t, std::uint16_t mhz);
  void probeResponse(std::int64_t t, const SceneAp& ap);
  // A Beacon heard with the AP's signal.
  void beacon(std::int64_t t, const SceneAp& ap, const BeaconSecurity& security);
  void authentication(std::int64_t t, const SceneAp& ap, bool fromAp, std::uint16_t algorithm,
                      std::uint16_t sequence, std::uint16_t status = 0);
  void associationRequest(std::int64_t t, const SceneAp& ap, std::optional<MacAddress> currentAp,
                          const RequestSecurity& security);
  void associationResponse(std::int64_t t, const SceneAp& ap, bool reassociation, std::uint16_t status);
  void ftAction(std::int64_t t, const SceneAp& current, const SceneAp& target, bool response, std::uint16_t status = 0);
  void eapolStart(std::int64_t t, const SceneAp& ap);
  void eapPacket(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& eap);
  // RSN pre-authentication's EAP-Success from `target`, relayed to the station by `current` (EtherType 0x88c7).
  void preauthSuccess(std::int64_t t, const SceneAp& current, const SceneAp& target);
  // Any EAPOL PDU (EAP packet, EAPOL-Key, ...) between the station and `target` over EtherType 0x88c7, relayed
  // by `current`: addressed to `target` (DA) when the station sends it, from `target` (SA) when it receives it.
  void preauthEapol(std::int64_t t, const SceneAp& current, const SceneAp& target, bool fromTarget,
                    const Bytes& eapolPdu);
  // A management Action frame between the station and `ap`; `body` starts at the Category octet.
  void action(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& body);
  void keyMessage(std::int64_t t, const SceneAp& ap, eapol::KeyMessage message, std::uint64_t replayCounter);
  // The EAPOL-Key fields `keyMessage` sends (Key Information of IEEE 802.11-2016 12.7.6.2-12.7.6.5, 12.7.7; a
  // zero MIC), with the given key descriptor version (2: HMAC-SHA-1, 3: AES-128-CMAC).
  static eapol::EapolKeyFields keyMessageFields(eapol::KeyMessage message, std::uint64_t replayCounter,
                                                std::uint16_t descriptorVersion = 2);
  // Messages 1 and 3 and group message 1 come from the AP (the authenticator).
  static bool sentByAp(eapol::KeyMessage message);
  void data(std::int64_t t, const SceneAp& ap, bool fromAp);
  void deauthentication(std::int64_t t, const SceneAp& ap, bool fromAp, std::uint16_t reason);

  // Writes the frames sorted by time (stable); false with `error` on failure. `shiftNs` is added to every
  // timestamp (another adapter's clock); a non-zero `onlyMhz` keeps the frames of that channel (one adapter).
  bool write(const std::string& path, std::string& error, std::int64_t shiftNs = 0, std::uint16_t onlyMhz = 0) const;

 private:
  struct Frame {
    std::int64_t t = 0;
    std::uint16_t mhz = 0;
    Bytes bytes;
  };
  void add(std::int64_t t, std::uint16_t mhz, std::optional<std::int8_t> signal, const Bytes& mpdu);
  void addFromOrTo(std::int64_t t, const SceneAp& ap, bool fromAp, const Bytes& mpdu);

  MacAddress sta_;
  std::uint16_t seq_ = 1;
  std::vector<Frame> frames_;
};

}  // namespace rs::test
