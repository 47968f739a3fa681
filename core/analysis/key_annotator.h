// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes what the key analysis found into a frame's field tree, under
// Wireshark's names where Wireshark has them (wlan.analysis.kck/kek/tk/gtk)
// and RoamScope's own otherwise (roamscope.mic_valid, roamscope.pmkid_valid,
// roamscope.key_note, roamscope.decrypted), and replaces the ciphertext of a
// protected data frame by the dissection of its plaintext. Key fields are
// marked secret: output paths mask them unless the user asks.
#include "core/analysis/handshake_tracker.h"
#include "dissectors/common/dissection.h"
#include "dissectors/common/frame_view.h"

namespace rs {

void annotateKeys(const HandshakeTracker& keys, const FrameView& frame, Dissection& dissection);

}  // namespace rs
