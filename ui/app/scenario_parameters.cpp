// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/scenario_parameters.h"

#include <QObject>
#include <variant>

#include "core/protocols/mip/mip_settings.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/protocols/wlan/wlan_settings.h"
#include "ui/app/mip_scenario_parameters.h"

namespace rs::ui {

namespace {

QString number(double v) { return QString::number(v, 'g', 12); }

QString microseconds(sim::SimTime t) { return number(static_cast<double>(t) / 1e3); }

// Links with an end of `role`, and the delay of the first (the one shown).
std::vector<std::string> linkDelayPaths(const sim::Scenario& s, sim::NodeRole role, sim::SimTime& delay) {
  std::vector<std::string> paths;
  for (const auto& link : s.links) {
    const bool touches = (link.a < s.nodes.size() && s.nodes[link.a].role == role) ||
                         (link.b < s.nodes.size() && s.nodes[link.b].role == role);
    if (!touches) continue;
    if (paths.empty()) delay = link.delay;
    paths.push_back("links." + link.name + ".delay_us");
  }
  return paths;
}

}  // namespace

std::vector<sim::ScenarioOverride> ScenarioParameter::overrides(const QString& text) const {
  std::vector<sim::ScenarioOverride> out;
  for (const auto& path : paths) out.push_back({path, text.trimmed().toStdString()});
  return out;
}

std::vector<ScenarioParameter> keyParameters(const sim::Scenario& s) {
  // A Mobile IP scenario is built as the Mobile IP system, which ignores every WLAN setting.
  if (mip::isMipScenario(s)) return mipKeyParameters(s);
  std::vector<ScenarioParameter> out;
  // Absent or broken WLAN sections show the defaults; the loader reports what is wrong on Apply.
  const auto read = wlan::readWlanSettings(s);
  const wlan::WlanSettings settings =
      std::holds_alternative<wlan::WlanSettings>(read) ? std::get<wlan::WlanSettings>(read) : wlan::WlanSettings{};

  QStringList methods;
  for (auto m : {wlan::HandoffMethod::Full, wlan::HandoffMethod::PmkCache, wlan::HandoffMethod::Seed000,
                 wlan::HandoffMethod::FtOverAir})
    methods << QString::fromStdString(std::string(wlan::handoffMethodName(m)));
  out.push_back({QStringLiteral("handoff"), QObject::tr("Handoff method"), methods, {"methods.wlan.handoff"},
                 QString::fromStdString(std::string(wlan::handoffMethodName(settings.handoff)))});
  QStringList securities;
  for (auto sec : {wlan::Security::Psk, wlan::Security::EapTls})
    securities << QString::fromStdString(std::string(wlan::securityName(sec)));
  out.push_back({QStringLiteral("security"), QObject::tr("Security"), securities, {"methods.wlan.security"},
                 QString::fromStdString(std::string(wlan::securityName(settings.security)))});
  out.push_back({QStringLiteral("threshold_dbm"), QObject::tr("Roam threshold (dBm)"), {},
                 {"methods.wlan.roam.threshold_dbm"}, number(settings.roam.thresholdDbm)});
  out.push_back({QStringLiteral("hysteresis_db"), QObject::tr("Roam hysteresis (dB)"), {},
                 {"methods.wlan.roam.hysteresis_db"}, number(settings.roam.hysteresisDb)});

  sim::SimTime delay = 0;
  if (auto paths = linkDelayPaths(s, sim::NodeRole::AuthenticationServer, delay); !paths.empty())
    out.push_back({QStringLiteral("radius_delay_us"), QObject::tr("RADIUS link delay (µs, one way)"), {},
                   std::move(paths), microseconds(delay)});
  if (auto paths = linkDelayPaths(s, sim::NodeRole::AccessPoint, delay); !paths.empty())
    out.push_back({QStringLiteral("ap_delay_us"), QObject::tr("AP uplink delay (µs, one way)"), {}, std::move(paths),
                   microseconds(delay)});

  // Every leg of every station's walk (a leg is a waypoint after the first).
  std::vector<std::string> legs;
  double speed = 0;
  for (const auto& m : s.mobility) {
    if (m.node >= s.nodes.size() || s.nodes[m.node].role != sim::NodeRole::Station) continue;
    const auto& waypoints = m.path.waypoints();
    for (std::size_t i = 1; i < waypoints.size(); ++i) {
      if (legs.empty()) speed = waypoints[i].speedMps;
      legs.push_back("mobility." + s.nodes[m.node].name + ".waypoints." + std::to_string(i) + ".speed_mps");
    }
  }
  if (!legs.empty())
    out.push_back({QStringLiteral("speed_mps"), QObject::tr("Station speed (m/s)"), {}, std::move(legs), number(speed)});

  out.push_back({QStringLiteral("duration_s"), QObject::tr("Duration (s)"), {}, {"duration_s"},
                 number(sim::toSeconds(s.duration.value_or(wlan::kDefaultRunDuration)))});
  out.push_back({QStringLiteral("seed"), QObject::tr("Seed"), {}, {"seed"}, QString::number(s.seed)});
  return out;
}

}  // namespace rs::ui
