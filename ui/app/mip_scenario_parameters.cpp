// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/mip_scenario_parameters.h"

#include <QObject>
#include <variant>

#include "core/protocols/mip/mip_network.h"
#include "core/protocols/mip/mip_settings.h"

namespace rs::ui {
namespace {

QString number(double v) { return QString::number(v, 'g', 12); }
QString seconds(sim::SimTime t) { return number(sim::toSeconds(t)); }
QString milliseconds(sim::SimTime t) { return number(static_cast<double>(t) / 1e6); }
QString microseconds(sim::SimTime t) { return number(static_cast<double>(t) / 1e3); }

std::string mipPath(const char* key) { return std::string("methods.mip.") + key; }

}  // namespace

std::vector<ScenarioParameter> mipKeyParameters(const sim::Scenario& s) {
  // A broken section shows the defaults; the reader reports what is wrong as soon as a field is edited.
  const auto read = mip::readMipSettings(s);
  const mip::MipSettings m =
      std::holds_alternative<mip::MipSettings>(read) ? std::get<mip::MipSettings>(read) : mip::MipSettings{};

  std::vector<ScenarioParameter> out;
  QStringList modes;
  for (auto k : {mip::KeyMode::Dynamic, mip::KeyMode::Static}) modes << QString::fromStdString(std::string(mip::keyModeName(k)));
  out.push_back({QStringLiteral("key_mode"), QObject::tr("Key mode"), modes, {mipPath("key_mode")},
                 QString::fromStdString(std::string(mip::keyModeName(m.keys)))});
  out.push_back({QStringLiteral("lifetime_s"), QObject::tr("Registration lifetime (s)"), {}, {mipPath("lifetime_s")},
                 QString::number(m.lifetimeSeconds)});
  out.push_back({QStringLiteral("reregister_before_s"), QObject::tr("Re-register before expiry (s)"), {},
                 {mipPath("reregister_before_s")}, seconds(m.reregisterBefore)});
  // 0 is how the file says "never re-key", so the field shows it that way too.
  out.push_back({QStringLiteral("rekey_interval_s"), QObject::tr("Skey' re-key interval (s, 0: never)"), {},
                 {mipPath("rekey_interval_s")}, m.rekeyInterval ? seconds(*m.rekeyInterval) : QStringLiteral("0")});
  out.push_back({QStringLiteral("advertisement_interval_ms"), QObject::tr("Agent advertisement interval (ms)"), {},
                 {mipPath("advertisement_interval_ms")}, milliseconds(m.advertisementInterval)});
  out.push_back({QStringLiteral("response_timeout_ms"), QObject::tr("Registration reply timeout (ms)"), {},
                 {mipPath("response_timeout_ms")}, milliseconds(m.responseTimeout)});
  out.push_back({QStringLiteral("retries"), QObject::tr("Resends before the next home agent"), {}, {mipPath("retries")},
                 QString::number(m.retries)});
  // RFC 3012: the values are JSON literals, as the file holds them.
  out.push_back({QStringLiteral("fa_challenge"), QObject::tr("Foreign agents challenge mobiles (RFC 3012)"),
                 {QStringLiteral("false"), QStringLiteral("true")}, {mipPath("fa_challenge")},
                 m.faChallenge ? QStringLiteral("true") : QStringLiteral("false")});
  out.push_back({QStringLiteral("challenge_window"), QObject::tr("Challenge window (latest challenges accepted)"), {},
                 {mipPath("challenge_window")}, QString::number(m.challengeWindow)});

  // Every link on its own: the Ethernet links have no role that groups them as the WLAN's AP uplinks do.
  for (const auto& link : s.links) {
    const QString name = QString::fromStdString(link.name);
    out.push_back({QStringLiteral("link_delay_us.") + name, QObject::tr("Link %1 delay (µs, one way)").arg(name), {},
                   {"links." + link.name + ".delay_us"}, microseconds(link.delay)});
  }

  out.push_back({QStringLiteral("duration_s"), QObject::tr("Duration (s)"), {}, {"duration_s"},
                 seconds(s.duration.value_or(mip::kDefaultMipRunDuration))});
  out.push_back({QStringLiteral("seed"), QObject::tr("Seed"), {}, {"seed"}, QString::number(s.seed)});
  return out;
}

}  // namespace rs::ui
