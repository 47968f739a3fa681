// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only classic pcap walker and writer (capture/ owns the real reader):
// enough to feed fixture frames to the dissectors and to hand crafted frames
// to tshark.
#include <cstdint>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::test {

struct PcapFile {
  std::uint32_t linkType = 0;
  std::vector<Bytes> frames;
  std::string error;  // empty when the whole file was read
};

PcapFile readPcap(const std::string& path);
bool writePcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames);

}  // namespace rs::test
