// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only helpers for the EAPOL and Internet-protocol suites: a classic pcap
// reader/writer (capture/ owns the real one) and the offset of the MSDU in an
// 802.11 data frame, so these suites reach LLC without the 802.11 dissector.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dissectors/common/bytes.h"

namespace rs::test {

struct PcapCapture {
  std::uint32_t linkType = 0;
  std::vector<Bytes> frames;
  std::string error;  // empty when the whole file was read
};

PcapCapture readClassicPcap(const std::string& path);
bool writeClassicPcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames);

// For link types 105 (802.11), 119 (Prism) and 127 (radiotap): the offset of
// the LLC header of an unprotected, unfragmented data frame with a body;
// nullopt for anything else. The MAC header length is computed from the
// frame control: 24, +6 with four addresses, +2 for QoS, +4 for HT Control.
std::optional<std::size_t> msduOffset(std::uint32_t linkType, ByteView frame);

}  // namespace rs::test
