// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What Run > AAA server… keeps between sessions (QSettings): embedded or
// external, the external server's host and port (kept while "Embedded" is
// chosen, so switching back needs no retyping), and the RADIUS shared secret
// only when the user asked to remember it — it is stored in clear, as the
// decryption keys are (decryption_keys.h). Forgetting it erases a stored one.
#include <QString>
#include <QtGlobal>

#include "ui/app/emulation_controller.h"

namespace rs::ui {

struct AaaServerChoice {
  static constexpr quint16 kDefaultPort = 1812;  // RFC 2865 authentication port

  bool external = false;
  QString host;
  quint16 port = kDefaultPort;
  QString secret;  // empty: the scenario's
  bool rememberSecret = false;

  // What the controller applies to the next Mobile IP build: no server when embedded.
  EmulationController::AaaServer server() const;
  // The stored choice (the secret only when it was remembered).
  static AaaServerChoice load();
  void save() const;
};

}  // namespace rs::ui
