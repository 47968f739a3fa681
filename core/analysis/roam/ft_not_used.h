// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "802.11r advertised but not used" (docs/diagnostics.md): the target AP
// advertised a Mobility Domain element and an FT AKM, the station came from an
// AP of the same mobility domain (or one whose MDE is unknown), and yet the roam
// used a full 802.1X authentication or a PSK 4-way handshake instead of FT.
#include <optional>

#include "core/analysis/roam/ap_directory.h"
#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

std::optional<Diagnostic> ftAdvertisedNotUsed(const HandoffRecord& record, const ApDirectory& directory);

}  // namespace rs::roam
