// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What each AP advertises, learnt from the frames it sends (Beacon, Probe
// Response, (Re)Association Response): its SSID, its Mobility Domain element
// and whether its RSNE offers an FT AKM (802.11r), and the signal it is heard
// with (radiotap). The diagnostics "802.11r advertised but not used" and
// "sticky client" read it. Memory is bounded: at most kMaxAps BSSIDs.
#include <cstdint>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>

#include "core/analysis/roam/wlan_frame.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/common/mac_address.h"

namespace rs::roam {

// One frame's worth of advertisement.
struct ApAdvertisement {
  MacAddress bssid;
  std::int64_t timestampNs = 0;
  bool beaconOrProbeResponse = false;  // frames that describe the BSS to every listener (sticky client)
  std::optional<std::string> ssid;     // Beacon / Probe Response only
  std::optional<std::uint16_t> mdid;   // Mobility Domain element (IEEE 802.11-2016 9.4.2.47)
  bool ftAkm = false;                  // the RSNE lists an FT AKM (00-0F-AC:3, 4, 9 or 13)
  std::optional<int> signalDbm;
};

struct ApInfo {
  std::optional<std::string> ssid;
  std::optional<std::uint16_t> mdid;
  bool ftAkm = false;
  std::optional<int> signalDbm;  // of its last Beacon / Probe Response
  std::int64_t lastHeardNs = 0;
};

// nullopt unless the frame is a Beacon, Probe Response or (Re)Association Response sent by its BSSID.
std::optional<ApAdvertisement> decodeApAdvertisement(const FrameView& frame);
// The same, with the frame's 802.11 view already located (the analysis' per-frame path).
std::optional<ApAdvertisement> decodeApAdvertisement(const FrameView& frame, const WlanFrame& wlan);

class ApDirectory {
 public:
  static constexpr std::size_t kMaxAps = 4096;

  void learn(const ApAdvertisement& a);
  const ApInfo* find(const MacAddress& bssid) const;

 private:
  std::unordered_map<MacAddress, ApInfo, MacAddressHash> aps_;  // looked up per beacon per station; never iterated
};

}  // namespace rs::roam
