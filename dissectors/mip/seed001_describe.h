// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RoamScope's own fields inside the seed-001 vendor extensions
// (docs/protocols/seed-001.md, docs/fields.md): roamscope.mip.skey.*,
// roamscope.mip.skey_prime.*, roamscope.mip.mschapv2.*,
// roamscope.mip.auth_protocol.*, roamscope.mip.domain.
#include <cstddef>

#include "dissectors/common/dissection.h"
#include "dissectors/mip/mip.h"

namespace rs::mip::seed001 {

// Adds the fields of one vendor extension of enterprise 32473 under `ext`
// (the extension's node). A value of the wrong size for its type is marked
// malformed on `ext`; unknown vendor types get a note only. `base` is the
// message's offset in the frame.
void describeVendorValue(Field& ext, std::uint8_t extensionType, const VendorData& v, std::size_t base,
                         Dissection& out);

}  // namespace rs::mip::seed001
