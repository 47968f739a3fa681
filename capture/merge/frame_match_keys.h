// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What makes a frame recognisable in another capture of the same traffic, for
// the clock-offset estimation (clock_offset_estimator.h). Two capture points
// that hear the same transmission record the same bytes under different link
// headers, so a frame is identified by
//  - its 802.11 MPDU (radio header and FCS left out), for frames on the air:
//    beacons carry the TSF timestamp and data frames a sequence number and a
//    packet number, so most MPDUs occur once; control frames (ACK, RTS, CTS,
//    Block Ack) repeat byte for byte and are left out;
//  - its network-layer packet (network_packet.h), for Ethernet, Linux cooked
//    and raw IP frames: the same IP datagram on a bridge and in a station's own
//    capture. The IPv4 TTL and header checksum are left out of the key so that
//    a datagram still matches one router hop later. Air frames are matched by
//    their MPDU only: the same datagram sent twice (through the old AP, then
//    the new one) is two transmissions, not one frame heard twice.
// Only keys that occur once in their file are kept: a repeated frame (a
// retransmission, an ARP request sent again) cannot say which copy the other
// capture heard.
#include <cstdint>
#include <optional>
#include <vector>

#include "capture/file/capture_file.h"

namespace rs {

struct FrameMatchKey {
  std::uint64_t hash = 0;
  std::int64_t timestampNs = 0;
  // Who sent the frame (its transmitter address on the air, its source address elsewhere), hashed: copies of
  // one sender's frames travel the same way between two capture points, so their one-way delay biases the
  // offset the same way (clock_offset_estimator.cpp).
  std::uint64_t sender = 0;
};

struct FileMatchKeys {
  std::vector<FrameMatchKey> keys;  // sorted by hash, each hash once
  std::uint64_t frames = 0;         // frames read (up to the damage of a damaged file)
};

// The frame's keys (at most two; today one: its MPDU on the air, its network packet elsewhere); returns how
// many were written to `out`.
int frameMatchHashes(std::uint32_t linkType, ByteView frame, std::uint64_t out[2]);
// The sender hash of FrameMatchKey for the frame (0 when it names none).
std::uint64_t frameSenderHash(std::uint32_t linkType, ByteView frame);

// One pass over the file from its first frame (the file is rewound before and after).
FileMatchKeys collectMatchKeys(CaptureFile& file);

}  // namespace rs
