// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the application finds resources/ (scenario presets, profiles): the
// ROAMSCOPE_RESOURCES environment variable when set (an installed or moved
// tree), else the resources/ folder of the source tree it was built from.
#include <QString>

namespace rs::ui {

QString resourcesDirectory();
// resources/scenarios: the presets (WLAN and Mobile IP); where Open scenario starts before any was opened.
QString scenariosDirectory();
// resources/scenarios/wlan-8021x-seed000.json: what `roamscope` opens with no argument.
QString demoScenarioPath();

}  // namespace rs::ui
