// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Run > AAA server…: where a Mobile IP run's home agents send their RADIUS
// Access-Requests — the scenario's embedded AAA server (the default), or an
// external RADIUS server (host, port 1812 by default, shared secret typed
// masked, remembered between sessions only when asked). OK is refused while
// "External" has no host.
#include <QDialog>

#include "ui/app/aaa_server_settings.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace rs::ui {

class AaaServerDialog : public QDialog {
  Q_OBJECT

 public:
  explicit AaaServerDialog(const AaaServerChoice& choice, QWidget* parent = nullptr);

  AaaServerChoice choice() const;

  // For tests: the parts a user fills in.
  QRadioButton* embeddedButton() const { return embedded_; }
  QRadioButton* externalButton() const { return external_; }
  QLineEdit* hostEdit() const { return host_; }
  QSpinBox* portBox() const { return port_; }
  QLineEdit* secretEdit() const { return secret_; }
  QCheckBox* rememberBox() const { return remember_; }

  void accept() override;

 private:
  void updateEnabled();

  QRadioButton* embedded_;
  QRadioButton* external_;
  QLineEdit* host_;
  QSpinBox* port_;
  QLineEdit* secret_;
  QCheckBox* remember_;
  QLabel* problem_;
};

}  // namespace rs::ui
