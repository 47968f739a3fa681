// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/roam_capture_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <variant>

#include "capture/file/capture_file.h"
#include "capture/file/pcapng_writer.h"
#include "dissectors/ieee80211/elements/basic_elements.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "dissectors/radiotap/radiotap.h"
#include "tests/core/roam/roam_scene.h"

namespace rs::bench {

using rs::eapol::KeyMessage;
using rs::test::RequestSecurity;
using rs::test::RoamScene;
using rs::test::SceneAp;

namespace {


constexpr std::int64_t kOriginNs = 1'700'000'000'000'000'000;
constexpr std::int64_t kMs = 1'000'000;
// Each station roams once per cycle; the stations' roams are spread evenly over the cycle.
constexpr std::int64_t kCycleNs = 1'000 * kMs;
// IEEE 802.11 beacon interval of 100 TU (1 TU = 1024 µs, 802.11-2016 3.2).
constexpr std::int64_t kBeaconIntervalNs = 102'400'000;
constexpr std::uint16_t kOpen = ieee80211::auth_algorithm::OpenSystem;
constexpr int kPsk = 2;  // AKM suite 00-0F-AC:2
constexpr int kStations = kRoamCaptureStations;
// Cycles written per window; a window's frames are sorted in memory, so this bounds the builder's memory.
constexpr int kCyclesPerWindow = 10;

const std::array<SceneAp, 4> kAps{{{*MacAddress::parse("02:aa:00:00:00:01"), 2412, -62},
                                   {*MacAddress::parse("02:aa:00:00:00:02"), 2437, -55},
                                   {*MacAddress::parse("02:aa:00:00:00:03"), 2462, -67},
                                   {*MacAddress::parse("02:aa:00:00:00:04"), 5180, -48}}};

MacAddress station(int s) {
  return *MacAddress::parse(fmt::format("02:bb:00:00:00:{:02x}", s + 1));
}

// A beacon as the APs of RoamScene look: radiotap with the AP's channel and signal, SSID "roam".
Bytes beacon(const SceneAp& ap, std::uint16_t seq, std::uint64_t tsf) {
  RadiotapHeader rt;
  RadiotapFields f;
  f.channel = RadiotapChannel{ap.mhz, 0x00c0};
  f.dbmAntennaSignal = ap.signalDbm;
  rt.namespaces.push_back(f);
  Bytes out = buildRadiotap(rt);
  const MacAddress bcast = MacAddress::broadcast();
  const Bytes mpdu = ieee80211::buildBeacon(
      ieee80211::MacHeader::management(ieee80211::mgmt::Beacon, bcast, ap.bssid, ap.bssid, seq),
      ieee80211::BeaconBody{tsf, 100, 0x0431, ieee80211::buildSsid(std::string_view("roam"))});
  out.insert(out.end(), mpdu.begin(), mpdu.end());
  return out;
}

// Frames of one station's cycle: a join (cycle 0) or a roam from AP `from` to AP `to`, then data frames on `to`.
void stationCycle(RoamScene& s, std::int64_t t0, int from, int to, bool join, int dataFrames) {
  const SceneAp& ap = kAps[static_cast<std::size_t>(to)];
  const SceneAp& other = kAps[static_cast<std::size_t>((to + 1) % static_cast<int>(kAps.size()))];
  if (!join) {
    // Scan of two channels, then the roam 50 ms later.
    s.probeRequest(t0, ap.mhz);
    s.probeResponse(t0 + kMs / 2, ap);
    s.probeRequest(t0 + 5 * kMs, other.mhz);
    s.probeResponse(t0 + 5 * kMs + kMs / 2, other);
  }
  const std::int64_t a = t0 + 50 * kMs;
  s.authentication(a, ap, false, kOpen, 1);
  s.authentication(a + 300'000, ap, true, kOpen, 2);
  std::optional<MacAddress> current;
  if (!join) current = kAps[static_cast<std::size_t>(from)].bssid;
  s.associationRequest(a + 1 * kMs, ap, current, RequestSecurity{kPsk, false, false});
  s.associationResponse(a + 1 * kMs + kMs / 2, ap, !join, 0);
  s.keyMessage(a + 3 * kMs, ap, KeyMessage::Pairwise1, 1);
  s.keyMessage(a + 4 * kMs, ap, KeyMessage::Pairwise2, 1);
  s.keyMessage(a + 5 * kMs, ap, KeyMessage::Pairwise3, 2);
  s.keyMessage(a + 6 * kMs, ap, KeyMessage::Pairwise4, 2);
  // Data from 100 ms into the cycle until just before the next cycle's scan.
  const std::int64_t span = kCycleNs - 110 * kMs;
  for (int i = 0; i < dataFrames; ++i) s.data(t0 + 100 * kMs + span * i / dataFrames, ap, i % 2 == 0);
}

struct Timed {
  std::int64_t t;
  Bytes bytes;
};

// Reads a file RoamScene wrote back into `out`.
bool readBack(const std::string& path, std::vector<Timed>& out) {
  auto opened = openCapture(path);
  if (std::holds_alternative<FileError>(opened)) return false;
  auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
  CaptureFrame f;
  while (file.next(f)) out.push_back(Timed{f.timestampNs, toBytes(f.data)});
  return !file.error();
}

}  // namespace

// Builds the capture window by window: each window's station scenes are written by RoamScene, read back,
// merged by time with the beacons and appended to one pcapng. Returns the number of frames written.
std::size_t buildRoamCapture(const std::string& path, const std::string& scratch, const RoamCapturePlan& plan) {
  auto created = PcapngWriter::create(path);
  if (auto* e = std::get_if<FileError>(&created)) {
    fmt::print(stderr, "roam capture: {}\n", e->toString());
    return 0;
  }
  auto& writer = *std::get<std::unique_ptr<PcapngWriter>>(created);
  const auto iface = writer.addInterface(127, "air");
  std::vector<Timed> pending;
  std::size_t written = 0;
  std::int64_t nextBeacon = kOriginNs;
  std::uint16_t beaconSeq = 0;
  for (int w0 = 0; w0 < plan.cycles; w0 += kCyclesPerWindow) {
    const int w1 = std::min(plan.cycles, w0 + kCyclesPerWindow);
    for (int s = 0; s < kStations; ++s) {
      RoamScene scene(station(s));
      bool any = false;
      for (int c = w0; c < w1 && c <= plan.roamsOf[static_cast<std::size_t>(s)]; ++c) {
        const std::int64_t t0 = kOriginNs + c * kCycleNs + s * (kCycleNs / kStations);
        const int ap = (s + c) % static_cast<int>(kAps.size());
        const int prev = (ap + static_cast<int>(kAps.size()) - 1) % static_cast<int>(kAps.size());
        stationCycle(scene, t0, prev, ap, c == 0, plan.dataPerCycle);
        any = true;
      }
      if (!any) continue;
      std::string error;
      if (!scene.write(scratch, error) || !readBack(scratch, pending)) {
        fmt::print(stderr, "roam capture: scene: {}\n", error);
        return 0;
      }
    }
    // Beacons of every AP up to the end of the window's last cycle (a station's last cycle may reach
    // one cycle further, hence the bound).
    const std::int64_t windowEnd = kOriginNs + static_cast<std::int64_t>(w1) * kCycleNs;
    for (; nextBeacon < windowEnd; nextBeacon += kBeaconIntervalNs, ++beaconSeq) {
      for (std::size_t a = 0; a < kAps.size(); ++a) {
        const auto tsf = static_cast<std::uint64_t>((nextBeacon - kOriginNs) / 1000);
        pending.push_back(Timed{nextBeacon + static_cast<std::int64_t>(a) * 1'000'000,
                                beacon(kAps[a], static_cast<std::uint16_t>(beaconSeq & 0x0fff), tsf)});
      }
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Timed& a, const Timed& b) { return a.t < b.t; });
    // Later windows start no earlier than windowEnd, so everything before it is final.
    const bool last = w1 == plan.cycles;
    std::size_t n = 0;
    while (n < pending.size() && (last || pending[n].t < windowEnd)) {
      writer.writePacket(*iface, pending[n].t, pending[n].bytes);
      ++n;
    }
    written += n;
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(n));
  }
  if (!writer.close()) {
    fmt::print(stderr, "roam capture: cannot write {}\n", path);
    return 0;
  }
  return written;
}

RoamCapturePlan makeRoamCapturePlan(std::size_t frames, std::size_t roams) {
  RoamCapturePlan p;
  p.roams = roams;
  for (int s = 0; s < kStations; ++s)
    p.roamsOf.push_back(static_cast<int>(roams / kStations + (static_cast<std::size_t>(s) < roams % kStations)));
  p.cycles = p.roamsOf[0] + 1;
  // Per cycle and station: 12 roam frames (4 scan, 2 authentication, 2 reassociation, 4 EAPOL-Key);
  // per cycle: about 10 beacons of each AP. Data frames make up the rest of the requested count.
  const double beacons = static_cast<double>(p.cycles) * kCycleNs / kBeaconIntervalNs * kAps.size();
  const double rest = static_cast<double>(frames) - 12.0 * static_cast<double>(roams) - beacons;
  const double cycleSlots = static_cast<double>(roams + kStations);
  p.dataPerCycle = std::max(2, static_cast<int>(rest / cycleSlots) + 1);
  return p;
}


}  // namespace rs::bench
