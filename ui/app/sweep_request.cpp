// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sweep_request.h"

#include <QObject>

#include "core/protocols/scenario_with_overrides.h"
#include "core/sim/json_cursor.h"
#include "core/sim/scenario_override.h"
#include "ui/app/scenario_parameters.h"

namespace rs::ui {

std::optional<QString> checkSweepRequest(const SweepRequest& request) {
  if (request.scenario.isEmpty()) return QObject::tr("Choose the scenario to sweep.");
  if (request.axes.isEmpty()) return QObject::tr("Give the sweep at least one axis: a key and its values.");
  if (request.durationSeconds && !(*request.durationSeconds > 0))
    return QObject::tr("--duration: must be a positive number of seconds.");
  std::vector<sim::SweepAxis> axes;
  for (const QString& spec : request.axes) {
    auto axis = sim::parseSweepAxis(spec.toStdString());
    if (!axis) return QString::fromStdString(sim::badSweepAxisMessage(spec.toStdString()));
    axes.push_back(std::move(*axis));
  }
  std::vector<sim::ScenarioOverride> fixed;
  for (const QString& spec : request.fixed) {
    auto parsed = sim::parseOverride(spec.toStdString());
    if (!parsed) return QString::fromStdString(sim::badOverrideMessage(spec.toStdString()));
    fixed.push_back(std::move(*parsed));
  }
  const std::string path = request.scenario.toStdString();
  auto document = sim::readJsonFile(path);
  if (auto* error = std::get_if<sim::ConfigError>(&document)) return QString::fromStdString(error->message());
  for (const auto& change : fixed)
    if (auto error = sim::applyOverride(std::get<nlohmann::json>(document), change, path))
      return QString::fromStdString(sim::badOverrideKeyMessage(change.path, *error));
  // Each value on its own, on top of the file and the fixed changes: the CLI's checks of every run, before the
  // first starts.
  for (const auto& axis : axes) {
    for (const auto& value : axis.values) {
      const sim::ScenarioOverride change{axis.path, value};
      nlohmann::json doc = std::get<nlohmann::json>(document);
      if (auto error = sim::applyOverride(doc, change, path))
        return QString::fromStdString(sim::badSweepKeyMessage(axis.path, *error));
      std::vector<sim::ScenarioOverride> run = fixed;
      run.push_back(change);
      auto loaded = protocols::loadScenarioWithOverrides(path, run);
      if (auto* error = std::get_if<sim::ConfigError>(&loaded)) return QString::fromStdString(error->message());
    }
  }
  return std::nullopt;
}

int sweepRunCount(const SweepRequest& request) {
  if (request.axes.isEmpty()) return 0;
  int runs = 1;
  for (const QString& spec : request.axes) {
    const auto axis = sim::parseSweepAxis(spec.toStdString());
    if (!axis) return 0;
    runs *= static_cast<int>(axis->values.size());
  }
  return runs;
}

QStringList sweepArguments(const SweepRequest& request, const QString& csvPath) {
  QStringList args{QStringLiteral("simulate"), request.scenario};
  for (const QString& change : request.fixed) args << QStringLiteral("--set") << change;
  for (const QString& axis : request.axes) args << QStringLiteral("--sweep") << axis;
  if (request.seed) args << QStringLiteral("--seed") << QString::number(*request.seed);
  if (request.durationSeconds) args << QStringLiteral("--duration") << QString::number(*request.durationSeconds, 'g', 15);
  args << QStringLiteral("--sweep-out") << csvPath;
  return args;
}

QStringList sweepableKeys(const sim::Scenario& scenario) {
  QStringList keys;
  for (const ScenarioParameter& p : keyParameters(scenario))
    for (const std::string& path : p.paths) keys.append(QString::fromStdString(path));
  keys.removeDuplicates();
  return keys;
}

QStringList fixedParameters(const std::vector<sim::ScenarioOverride>& overrides) {
  QStringList out;
  for (const auto& o : overrides) out << QString::fromStdString(o.path + "=" + o.value);
  return out;
}

}  // namespace rs::ui
