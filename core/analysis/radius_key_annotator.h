// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Adds what the shared secrets reveal to a dissected RADIUS frame: for an
// Access-Accept that RadiusMskRecovery matched, whether its Response
// Authenticator and Message-Authenticator verify, the decrypted
// MS-MPPE-Recv-Key / -Send-Key and the MSK; for an Access-Request whose
// Message-Authenticator verifies with a secret, the User-Password. Keys and
// passwords are `secret` fields: output paths mask them unless --show-keys.
// Field names are RoamScope's own (roamscope.radius.*), since Wireshark 4.0
// shows MPPE keys only encrypted.
#include "core/analysis/key_ring.h"
#include "core/analysis/radius_msk_recovery.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/frame_view.h"

namespace rs {

void annotateRadiusKeys(const RadiusMskRecovery& recovery, const KeyRing& keys, const FrameView& frame,
                        Dissection& d);

}  // namespace rs
