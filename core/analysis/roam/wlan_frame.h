// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 802.11 view of one stream frame, located once per frame and shared by
// the roam analysis' decoders (AP advertisements, roam events, the data-plane
// gap): finding the MPDU behind a radio header, parsing the MAC header and
// reading the LLC/SNAP header of a data frame are most of the per-frame cost,
// so they are done once, not once per decoder.
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/frame_view.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/inet/llc.h"

namespace rs::roam {

struct WlanFrame {
  ByteView mpdu;  // empty: the frame is not 802.11 (Ethernet, cooked capture, ...) or its radio header is broken
  std::optional<ieee80211::MacHeader> header;  // absent when the MAC header is truncated
  // The body of an unprotected data frame carrying one MSDU (a payload, not an A-MSDU) and its LLC/SNAP
  // header when it starts with one (any OUI: each reader checks the encapsulation it accepts). Both the
  // data-plane gap (IP/ARP) and the roam-event decoder (EAPOL) read it; protected bodies are decrypted by
  // each reader that has keys, so for them `msdu` stays empty.
  ByteView msdu;
  std::optional<inet::LlcSnap> llcSnap;

  // Channel centre frequency (MHz, 0 when unknown) and signal of the radio header.
  struct Radio {
    std::uint16_t channelMhz = 0;
    std::optional<int> signalDbm;
  };
  // Radiotap's are read while locating the MPDU; other radio headers (PPI, Prism) on demand.
  Radio radio(const FrameView& frame) const;

  static WlanFrame locate(const FrameView& frame);

 private:
  std::optional<Radio> radio_;
};

}  // namespace rs::roam
