// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ft_mic.h"

#include <algorithm>
#include <array>

#include "core/crypto/hash_mac.h"
#include "core/crypto/secret_bytes.h"

namespace rs::crypto {

namespace {

// FTE information (9.4.2.48): MIC Control (2 octets), then the 16-octet MIC.
// In the whole element the MIC therefore starts after ID, Length and MIC Control.
constexpr std::size_t kFteMicOffset = 2 + 2;
constexpr std::size_t kFteMicLength = 16;
constexpr std::uint8_t kFteElementId = 55;

bool isWholeFte(ByteView fte) {
  return fte.size() >= kFteMicOffset + kFteMicLength && fte[0] == kFteElementId && static_cast<std::size_t>(fte[1]) + 2 == fte.size();
}

}  // namespace

Result<Bytes> ftMic(ByteView kck, MacAddress sta, MacAddress bssid, std::uint8_t transactionSequence, ByteView rsne,
                    ByteView mde, ByteView fte, ByteView ric) {
  if (kck.size() != 16)
    return makeError(ErrorCode::Unsupported, "FT MIC: only the 128-bit KCK (AES-128-CMAC) of IEEE 802.11-2016");
  if (!isWholeFte(fte)) return makeError(ErrorCode::Malformed, "FT MIC: the FTE is not a whole element with a MIC");
  Bytes fteZeroMic = toBytes(fte);
  std::fill_n(fteZeroMic.begin() + kFteMicOffset, kFteMicLength, std::uint8_t{0});
  const std::array<std::uint8_t, 1> sequence{transactionSequence};
  const std::array<ByteView, 7> parts{sta.view(), bssid.view(), ByteView(sequence), rsne, mde,
                                      ByteView(fteZeroMic), ric};
  return aesCmac(kck, parts);
}

Result<bool> verifyFtMic(ByteView kck, MacAddress sta, MacAddress bssid, std::uint8_t transactionSequence,
                         ByteView rsne, ByteView mde, ByteView fte, ByteView ric) {
  auto mic = ftMic(kck, sta, bssid, transactionSequence, rsne, mde, fte, ric);
  if (!mic) return mic.error();
  return constantTimeEquals(*mic, fte.subspan(kFteMicOffset, kFteMicLength));
}

}  // namespace rs::crypto
