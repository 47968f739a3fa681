// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/aaa_server_settings.h"

#include <QSettings>

namespace rs::ui {

namespace {
constexpr auto kExternalKey = "aaa/external";
constexpr auto kHostKey = "aaa/host";
constexpr auto kPortKey = "aaa/port";
constexpr auto kRememberKey = "aaa/rememberSecret";
constexpr auto kSecretKey = "aaa/secret";
}  // namespace

EmulationController::AaaServer AaaServerChoice::server() const {
  if (!external || host.trimmed().isEmpty()) return {};
  return EmulationController::AaaServer{host.trimmed(), port, secret};
}

AaaServerChoice AaaServerChoice::load() {
  const QSettings settings;
  AaaServerChoice choice;
  choice.external = settings.value(kExternalKey, false).toBool();
  choice.host = settings.value(kHostKey).toString();
  const uint port = settings.value(kPortKey, kDefaultPort).toUInt();
  choice.port = port >= 1 && port <= 65535 ? static_cast<quint16>(port) : kDefaultPort;
  choice.rememberSecret = settings.value(kRememberKey, false).toBool();
  if (choice.rememberSecret) choice.secret = settings.value(kSecretKey).toString();
  return choice;
}

void AaaServerChoice::save() const {
  QSettings settings;
  settings.setValue(kExternalKey, external);
  settings.setValue(kHostKey, host.trimmed());
  settings.setValue(kPortKey, port);
  settings.setValue(kRememberKey, rememberSecret);
  if (rememberSecret)
    settings.setValue(kSecretKey, secret);
  else
    settings.remove(kSecretKey);
}

}  // namespace rs::ui
