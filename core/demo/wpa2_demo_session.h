// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The built-in demo: a complete WPA2-PSK session between one access point and
// one station, produced frame by frame with RoamScope's own builders and
// cryptography — beacon, probe, open authentication, association with RSNE,
// the 4-way handshake with real MICs and a wrapped GTK, then CCMP-protected
// unicast UDP and a group-addressed ARP. Every byte is real: Wireshark given
// the passphrase derives the same keys and decrypts the data. Deterministic:
// nonces and payloads come from the seed, so the same seed gives the same bytes.
// It stands until the emulation core (issue 4) provides the demo scenario.
#include <cstdint>
#include <string>
#include <vector>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs {

struct DemoSessionConfig {
  std::string ssid = "RoamScope-Demo";
  std::string passphrase = "roamscope-demo-passphrase";
  MacAddress bssid{{0x02, 0x52, 0x53, 0x00, 0x00, 0x01}};
  MacAddress station{{0x02, 0x52, 0x53, 0x00, 0x00, 0x10}};
  std::uint16_t channelMhz = 2437;  // channel 6
  std::uint64_t seed = 1;
  int dataFrames = 8;               // protected unicast frames after the handshake (half each way)
  std::int64_t startNs = 1'767'225'600'000'000'000;  // 2026-01-01T00:00:00Z: fixed, so output is reproducible
};

struct DemoFrame {
  std::int64_t timestampNs = 0;
  Bytes bytes;          // radiotap + 802.11 (link type 127)
  std::string comment;  // what the frame is, written as a pcapng comment
};

crypto::Result<std::vector<DemoFrame>> buildWpa2DemoSession(const DemoSessionConfig& config);

}  // namespace rs
