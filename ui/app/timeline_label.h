// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The short text beside a timeline arrow: the packet list's Info column
// without 802.11's sequence number and flags ("Authentication", "QoS Data"),
// after the protocol's name unless the Info already names it or the protocol
// is 802.11 itself, the layer of every frame on the air lanes ("EAPOL Key
// (Message 1 of 4)", "UDP 5004 → 40000 Len=160", "Seed-000 Authenticate PTK
// request"). The tooltip keeps the full Info.
#include <QString>

#include "dissectors/common/dissection.h"

namespace rs::ui {

QString timelineLabel(const Dissection& dissection);

}  // namespace rs::ui
