// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describes an EAPOL-Key body into the "eapol" layer with Wireshark's field
// names (eapol.keydes.*, wlan_rsna_eapol.keydes.*).
#include <cstddef>
#include <string>

#include "dissectors/common/bytes.h"
#include "dissectors/common/dissection.h"

namespace rs::eapol {

// frame[offset, end) is the EAPOL-Key body (after the 4-byte EAPOL header at
// offset - 4). Returns the info column text ("Key (Message 1 of 4)").
std::string describeEapolKey(ByteView frame, std::size_t offset, std::size_t end, Field& layer, Dissection& out);

}  // namespace rs::eapol
