// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The addresses of the IP layer that carries a transport segment, read back
// from the dissection so UDP/TCP can verify their pseudo-header checksums
// without widening the dispatch interface.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs::inet {

struct EnclosingIp {
  bool v6 = false;
  std::uint32_t source4 = 0, destination4 = 0;
  Bytes source6, destination6;
};

// The last "ip" or "ipv6" layer of `source` in `out`, if it has both addresses.
std::optional<EnclosingIp> enclosingIp(const Dissection& out, std::size_t source);

// Transport checksum over `segment` with the enclosing pseudo header.
std::uint16_t pseudoHeaderChecksum(const EnclosingIp& ip, std::uint8_t protocol, ByteView segment);

}  // namespace rs::inet
