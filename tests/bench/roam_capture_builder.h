// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A large capture of roams for the benchmarks (the roam analysis, the desktop
// application opening a million-frame file): several stations roaming round
// several APs with a scan (probe requests/responses), open authentication,
// reassociation and the 4-way handshake, data frames between roams, and every
// AP's beacons, written as one pcapng by RoamScene of the roam tests.
#include <cstddef>
#include <string>
#include <vector>

namespace rs::bench {

inline constexpr int kRoamCaptureStations = 8;
inline constexpr int kRoamCaptureAps = 4;

struct RoamCapturePlan {
  std::size_t roams = 0;
  int dataPerCycle = 0;  // data frames of one station in one cycle
  int cycles = 0;        // cycle 0 is every station's first join
  std::vector<int> roamsOf;
};

// About `frames` frames holding exactly `roams` roams (plus one first join per station).
RoamCapturePlan makeRoamCapturePlan(std::size_t frames, std::size_t roams);
// Writes the capture to `path` (`scratch` is a temporary file it needs); the number of frames written, 0 on error.
std::size_t buildRoamCapture(const std::string& path, const std::string& scratch, const RoamCapturePlan& plan);

}  // namespace rs::bench
