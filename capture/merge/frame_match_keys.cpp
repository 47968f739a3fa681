// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/merge/frame_match_keys.h"

#include <algorithm>

#include "dissectors/index/frame_class.h"
#include "dissectors/index/network_packet.h"

namespace rs {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

// FNV-1a, 64 bit, continued from `h`.
std::uint64_t fnv1a(std::uint64_t h, ByteView data) {
  for (std::uint8_t b : data) h = (h ^ b) * kFnvPrime;
  return h;
}

std::uint64_t fnv1aByte(std::uint64_t h, std::uint8_t b) { return (h ^ b) * kFnvPrime; }

// The two kinds of key hash in different domains, so an MPDU never equals a network packet by construction.
constexpr std::uint8_t kDomainMpdu = 0x01;
constexpr std::uint8_t kDomainNetwork = 0x02;
constexpr std::uint8_t kFrameTypeControl = 1;  // IEEE 802.11-2016 9.2.4.1.3

std::uint64_t networkHash(const NetworkPacket& p) {
  std::uint64_t h = fnv1aByte(kFnvOffset, kDomainNetwork);
  h = fnv1aByte(h, static_cast<std::uint8_t>(p.etherType >> 8));
  h = fnv1aByte(h, static_cast<std::uint8_t>(p.etherType));
  const ByteView d = p.payload;
  if (p.etherType == 0x0800 && d.size() >= 20 && (d[0] >> 4) == 4) {
    // RFC 791 3.1: octet 8 is the TTL, octets 10-11 the header checksum; both change at every router.
    h = fnv1a(h, d.first(8));
    h = fnv1a(h, d.subspan(9, 1));
    return fnv1a(h, d.subspan(12));
  }
  return fnv1a(h, d);
}

}  // namespace

int frameMatchHashes(std::uint32_t linkType, ByteView frame, std::uint64_t out[2]) {
  int n = 0;
  const ByteView mpdu = locateIeee80211(linkType, frame);
  if (!mpdu.empty()) {
    const std::uint8_t type = static_cast<std::uint8_t>((mpdu[0] >> 2) & 0x03);
    if (mpdu.size() >= 10 && type != kFrameTypeControl) out[n++] = fnv1a(fnv1aByte(kFnvOffset, kDomainMpdu), mpdu);
    // Not the network packet of an air frame: two transmissions of the same datagram (to the old AP and to the
    // new one, or a retransmission above the MAC) are different MPDUs, and the MPDU already identifies the frame.
    return n;
  }
  if (const auto packet = locateNetworkPacket(linkType, frame)) out[n++] = networkHash(*packet);
  return n;
}

std::uint64_t frameSenderHash(std::uint32_t linkType, ByteView frame) {
  const ByteView mpdu = locateIeee80211(linkType, frame);
  if (!mpdu.empty()) return mpdu.size() >= 16 ? fnv1a(kFnvOffset, mpdu.subspan(10, 6)) : 0;  // Address 2 (TA)
  const auto packet = locateNetworkPacket(linkType, frame);
  if (!packet) return 0;
  const ByteView d = packet->payload;
  if (packet->etherType == 0x0800 && d.size() >= 20) return fnv1a(kFnvOffset, d.subspan(12, 4));  // IPv4 source
  if (packet->etherType == 0x86dd && d.size() >= 40) return fnv1a(kFnvOffset, d.subspan(8, 16));  // IPv6 source
  if (packet->source) return fnv1a(kFnvOffset, packet->source->octets);
  return 0;
}

FileMatchKeys collectMatchKeys(CaptureFile& file) {
  FileMatchKeys result;
  file.rewind();
  CaptureFrame f;
  std::uint64_t hashes[2];
  while (file.next(f)) {
    ++result.frames;
    if (!f.hasTimestamp) continue;
    const int n = frameMatchHashes(f.linkType, f.data, hashes);
    if (n == 0) continue;
    const std::uint64_t sender = frameSenderHash(f.linkType, f.data);
    for (int i = 0; i < n; ++i) result.keys.push_back(FrameMatchKey{hashes[i], f.timestampNs, sender});
  }
  file.rewind();
  auto& keys = result.keys;
  std::stable_sort(keys.begin(), keys.end(), [](const FrameMatchKey& a, const FrameMatchKey& b) { return a.hash < b.hash; });
  // Keep the hashes that occur exactly once.
  std::size_t out = 0;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i + 1;
    while (j < keys.size() && keys[j].hash == keys[i].hash) ++j;
    if (j - i == 1) keys[out++] = keys[i];
    i = j;
  }
  keys.resize(out);
  return result;
}

}  // namespace rs
