// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Alignment and size of every radiotap-namespace field (radiotap.org "Defined
// fields"; kernel include/net/ieee80211_radiotap.h). Shared by the parser, the
// builder and the quick indexer so the three never disagree.
#include <cstddef>
#include <cstdint>

namespace rs::radiotap_layout {

struct FieldLayout {
  std::uint8_t alignment = 0;  // 0: the bit has no defined field
  std::uint8_t size = 0;
};

// Bits 0..28 of a radiotap namespace word. Bit 25 (HE-MU-other-user) is only a
// suggested field and bit 28 (TLVs) is variable, so both report alignment 0 here.
inline constexpr FieldLayout kLayout[29] = {
    {8, 8},   // 0 TSFT
    {1, 1},   // 1 Flags
    {1, 1},   // 2 Rate
    {2, 4},   // 3 Channel
    {1, 2},   // 4 FHSS
    {1, 1},   // 5 dBm antenna signal
    {1, 1},   // 6 dBm antenna noise
    {2, 2},   // 7 Lock quality
    {2, 2},   // 8 TX attenuation
    {2, 2},   // 9 dB TX attenuation
    {1, 1},   // 10 dBm TX power
    {1, 1},   // 11 Antenna
    {1, 1},   // 12 dB antenna signal
    {1, 1},   // 13 dB antenna noise
    {2, 2},   // 14 RX flags
    {2, 2},   // 15 TX flags
    {1, 1},   // 16 RTS retries
    {1, 1},   // 17 data retries
    {4, 8},   // 18 XChannel
    {1, 3},   // 19 MCS
    {4, 8},   // 20 A-MPDU status
    {2, 12},  // 21 VHT
    {8, 12},  // 22 timestamp
    {2, 12},  // 23 HE
    {2, 12},  // 24 HE-MU
    {0, 0},   // 25 HE-MU-other-user (suggested only)
    {1, 1},   // 26 0-length PSDU
    {2, 4},   // 27 L-SIG
    {0, 0},   // 28 TLVs (variable, handled apart)
};

// The vendor namespace field: OUI(3), sub-namespace(1), skip_length(2), 2-aligned.
inline constexpr std::size_t kVendorNamespaceSize = 6;
inline constexpr std::size_t kVendorNamespaceAlignment = 2;

inline constexpr std::size_t alignUp(std::size_t offset, std::size_t alignment) {
  return (offset + alignment - 1) / alignment * alignment;
}

}  // namespace rs::radiotap_layout
