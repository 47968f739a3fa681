// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A parameter sweep as the desktop application asks roamscope-cli for it
// (`simulate SCENARIO [--set KEY=VALUE ...] --sweep KEY=V1,V2,... [--seed N]
// [--duration S] --sweep-out OUT.csv`), checked before anything starts with the CLI's own
// rules and messages: the axis syntax, every key and value applied to the
// scenario file one at a time, then the scenario loader and the WLAN
// settings' checks.
#include <QString>
#include <QStringList>
#include <optional>

#include <vector>

namespace rs::sim {
struct Scenario;
struct ScenarioOverride;
}

namespace rs::ui {

struct SweepRequest {
  QString scenario;
  QStringList axes;  // "KEY=V1,V2,...": the first varies slowest
  QStringList fixed;  // "KEY=VALUE": the scenario editor's changes, the same in every run (--set)
  std::optional<quint64> seed;            // none: the scenario's
  std::optional<double> durationSeconds;  // none: the scenario's duration_s
};

// What is wrong with `request`, as the CLI says it (without its "roamscope-cli: " prefix); nullopt when it
// can start. A combination of values may still be refused by the run itself (it is then the child's error).
std::optional<QString> checkSweepRequest(const SweepRequest& request);

// How many runs the sweep makes (the product of the axes' value counts; 0 when an axis does not parse).
int sweepRunCount(const SweepRequest& request);

// roamscope-cli's arguments for `request`, its rows written to `csvPath`.
QStringList sweepArguments(const SweepRequest& request, const QString& csvPath);

// The dotted keys a sweep of `scenario` can vary, from the parameters the scenario view edits
// (scenario_parameters.h): methods.wlan.handoff, links.ds-radius.delay_us, ... Any other key of the file
// works too; these are the ones worth offering.
QStringList sweepableKeys(const sim::Scenario& scenario);

// The scenario editor's changes (EmulationController::scenarioOverrides) as --set takes them: "KEY=VALUE".
QStringList fixedParameters(const std::vector<sim::ScenarioOverride>& overrides);

}  // namespace rs::ui
