// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Capture files store integers in the byte order of the machine that wrote them
// (announced by the magic number); these read through ByteReader in that order.
#include <cstdint>

#include "dissectors/common/byte_reader.h"

namespace rs {

inline std::uint16_t readU16(ByteReader& r, bool bigEndian) { return bigEndian ? r.u16be() : r.u16le(); }
inline std::uint32_t readU32(ByteReader& r, bool bigEndian) { return bigEndian ? r.u32be() : r.u32le(); }
inline std::uint64_t readU64(ByteReader& r, bool bigEndian) { return bigEndian ? r.u64be() : r.u64le(); }

}  // namespace rs
