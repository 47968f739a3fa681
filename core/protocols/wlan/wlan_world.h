// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the nodes of one emulated ESS share: the run, the settings, the keys
// every AP knows from configuration (the PSK), the test PKI of the 802.1X
// network, and where each AP and the authentication server are.
#include <optional>
#include <vector>

#include "core/crypto/secret_bytes.h"
#include "core/protocols/eap_tls/test_pki.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "core/sim/simulation.h"

namespace rs::wlan {

class AccessPoint;
class GroundTruth;
class KeyLog;

struct WlanWorld {
  sim::Simulation& sim;
  const WlanSettings& settings;
  crypto::SecretBytes pskPmk;          // PSK = PBKDF2(passphrase, SSID) (J.4.1); empty for 802.1X
  std::optional<eap::TestPki> pki;     // 802.1X only
  std::optional<sim::NodeId> authServer;
  std::vector<AccessPoint*> accessPoints;
  GroundTruth* truth = nullptr;         // told of every data frame on the air (data-to-data)
  KeyLog* keys = nullptr;               // told of every key an AP installs

  const sim::Node& node(sim::NodeId id) const { return sim.topology().node(id); }
};

}  // namespace rs::wlan
