// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one palette of the roam plots: a colour per handoff method and per
// phase, so a method looks the same in every plot, table and dock widget.
// The colours are mid-luminance (readable on a white and on a near-black
// background) and start from the Okabe–Ito colour-blind-safe set.
#include <QColor>

#include "core/analysis/mip/registration_record.h"
#include "core/analysis/roam/handoff_record.h"

namespace rs::ui {

QColor methodColor(roam::Method method);
QColor phaseColor(roam::PhaseKind phase);
// Mobile IP: a colour per authentication of a registration and per hop of its path.
QColor registrationAuthColor(mipreg::Auth auth);
QColor registrationHopColor(mipreg::Figure hop);

}  // namespace rs::ui
