// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Describes the EAP packet carried by an EAPOL "EAP Packet" body (and, in later
// issues, by RADIUS EAP-Message attributes) as the "eap" layer.
#include "dissectors/dispatch.h"

namespace rs::eapol {

// Dissects the EAP packet at ctx.offset; ctx.frame ends where the carrier's
// body ends. TLS fragments and unparsed method data follow as a "data" layer.
void describeEap(const PayloadContext& ctx, Dissection& out);

}  // namespace rs::eapol
