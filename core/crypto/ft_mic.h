// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The MIC of the Fast BSS Transition element in the third and fourth messages
// of an FT exchange (the Reassociation Request and Response, or the FT
// Confirm/Ack action frames): IEEE 802.11-2016 13.8.4 and 13.8.5.
#include <cstdint>

#include "core/crypto/result.h"
#include "dissectors/common/bytes.h"
#include "dissectors/common/mac_address.h"

namespace rs::crypto {

// Transaction sequence numbers the MIC covers (13.8.4: 5 in the third
// message, 13.8.5: 6 in the fourth).
namespace ft_transaction {
inline constexpr std::uint8_t kReassociationRequest = 5;
inline constexpr std::uint8_t kReassociationResponse = 6;
}  // namespace ft_transaction

// 13.8.4 / 13.8.5:
//   MIC = AES-128-CMAC(KCK, STA-ADDR || BSSID || Transaction sequence number (1 octet)
//                           || RSNE || MDE || FTE (MIC field zero) || RIC)
// `rsne`, `mde`, `fte` and `ric` are whole elements (Element ID, Length,
// information) as carried in the frame; the FTE's MIC field (information octets
// 2..17) is zeroed here, so `fte` may be passed with its MIC in place. `ric` is
// empty when no resource request was made. The KCK is 128 bits (AKMs 3, 4, 9);
// the SHA-384 AKM's 24-octet MIC is not defined in IEEE 802.11-2016 and is refused.
Result<Bytes> ftMic(ByteView kck, MacAddress sta, MacAddress bssid, std::uint8_t transactionSequence, ByteView rsne,
                    ByteView mde, ByteView fte, ByteView ric = {});

// Computes the MIC as above and compares it, in constant time, with the MIC in `fte`.
Result<bool> verifyFtMic(ByteView kck, MacAddress sta, MacAddress bssid, std::uint8_t transactionSequence,
                         ByteView rsne, ByteView mde, ByteView fte, ByteView ric = {});

}  // namespace rs::crypto
