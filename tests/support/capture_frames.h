// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-side conveniences over capture/file: every frame of a capture at hand at
// once (suites line frames up with tshark's frame.number), and frames a suite
// built written to a classic pcap so tshark can dissect them.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/file/capture_file.h"
#include "dissectors/common/bytes.h"

namespace rs::test {

struct LoadedCapture {
  std::unique_ptr<CaptureFile> file;  // owns the mapping the frames borrow their bytes from
  std::vector<CaptureFrame> frames;   // frames[n - 1] is tshark's frame n
  std::uint32_t linkType = 0;         // of the first interface (the whole file for pcap)
  std::string error;                  // empty when the whole file was read
};

// tshark's frame.number of a frame: 1-based.
inline std::uint32_t frameNumber(const CaptureFrame& f) { return static_cast<std::uint32_t>(f.index + 1); }

// Reads every frame of `path` (pcap or pcapng) through rs::openCapture.
LoadedCapture loadCapture(const std::string& path);

// Writes `frames` as a pcap of `linkType`, frame i stamped i + 1 seconds after
// the epoch; false (with `error` set when given) when rs::PcapWriter refuses.
bool writePcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames,
               std::string* error = nullptr);

}  // namespace rs::test
