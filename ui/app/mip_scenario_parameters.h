// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The key parameters of a Mobile IP scenario (one with methods.mip) for the
// scenario view's editor, in place of the WLAN ones, which such a run
// ignores: how registrations are keyed, the registration and discovery
// timers, the resends, the one-way delay of every link, the duration and the
// seed. Each maps to the override path of its JSON key, so the settings
// reader (core/protocols/mip/mip_settings.cpp) checks an edited value as it
// checks the file and names the key when it rejects it.
#include <vector>

#include "core/sim/scenario.h"
#include "ui/app/scenario_parameters.h"

namespace rs::ui {

// The parameters of `scenario`, with its values (the reader's defaults where the file has none).
std::vector<ScenarioParameter> mipKeyParameters(const sim::Scenario& scenario);

}  // namespace rs::ui
