// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/protected_header.h"

#include <string>

namespace rs::crypto {

Result<MacHeader> parseProtectableHeader(ByteView mpdu) {
  auto header = parseMacHeader(mpdu);
  if (!header)
    return makeError(ErrorCode::Malformed, "MPDU of " + std::to_string(mpdu.size()) +
                                               " octets does not hold a version-0 802.11 MAC header");
  if (header->isControl()) return makeError(ErrorCode::Unsupported, "control frames are not encrypted");
  if (header->isExtension()) return makeError(ErrorCode::Unsupported, "extension frames are not handled");
  return std::move(*header);
}

Result<ProtectedHeader> protectHeader(ByteView header) {
  ProtectedHeader out{Bytes(header.begin(), header.end()), MacHeader{}};
  if (out.bytes.size() >= 2) out.bytes[1] |= ieee80211::fc_flag::Protected;
  auto parsed = parseProtectableHeader(out.bytes);
  if (!parsed) return parsed.error();
  if (parsed->length != header.size())
    return makeError(ErrorCode::InvalidArgument, "header is " + std::to_string(header.size()) +
                                                     " octets but its Frame Control implies " +
                                                     std::to_string(parsed->length));
  out.parsed = std::move(*parsed);
  return out;
}

}  // namespace rs::crypto
