// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The key parameters of a WLAN scenario that the scenario view lets a user
// change before a run, found in the loaded scenario itself: the handoff method
// and security (methods.wlan), the roam threshold and hysteresis, the one-way
// delay of the RADIUS server's link and of the APs' uplinks, the station's
// walking speed, the duration and the seed. Each maps to the override paths
// (core/sim/scenario_override.h) that carry its value into the file, so the
// loader checks an edited value exactly as it checks the file. A Mobile IP
// scenario has its own (mip_scenario_parameters.h).
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "core/sim/scenario.h"
#include "core/sim/scenario_override.h"

namespace rs::ui {

struct ScenarioParameter {
  QString key;          // stable: "handoff", "radius_delay_us", ...
  QString label;        // "Handoff method"
  QStringList choices;  // not empty: one of these
  std::vector<std::string> paths;  // every override path that takes the value (a speed: every leg)
  QString value;        // the loaded scenario's value, as text

  // The overrides that set this parameter to `text`.
  std::vector<sim::ScenarioOverride> overrides(const QString& text) const;
};

// The parameters `scenario` has (a scenario without a RADIUS server has no RADIUS delay, one without
// mobility no speed; a Mobile IP scenario the Mobile IP ones), with their current values.
std::vector<ScenarioParameter> keyParameters(const sim::Scenario& scenario);

}  // namespace rs::ui
