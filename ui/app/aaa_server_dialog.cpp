// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/aaa_server_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rs::ui {

AaaServerDialog::AaaServerDialog(const AaaServerChoice& choice, QWidget* parent)
    : QDialog(parent),
      embedded_(new QRadioButton(tr("&Embedded (default): the scenario's AAA server"), this)),
      external_(new QRadioButton(tr("E&xternal RADIUS server:"), this)),
      host_(new QLineEdit(choice.host, this)),
      port_(new QSpinBox(this)),
      secret_(new QLineEdit(choice.secret, this)),
      remember_(new QCheckBox(tr("Remember the secret between sessions (stored in clear in the settings file)"), this)),
      problem_(new QLabel(this)) {
  setWindowTitle(tr("AAA server"));
  embedded_->setObjectName(QStringLiteral("aaaEmbedded"));
  external_->setObjectName(QStringLiteral("aaaExternal"));
  (choice.external ? external_ : embedded_)->setChecked(true);
  host_->setObjectName(QStringLiteral("aaaHost"));
  host_->setPlaceholderText(tr("host name or address, e.g. 127.0.0.1"));
  port_->setObjectName(QStringLiteral("aaaPort"));
  port_->setRange(1, 65535);
  port_->setValue(choice.port);
  secret_->setObjectName(QStringLiteral("aaaSecret"));
  // A shared secret is a credential: typed and shown masked, like a password.
  secret_->setEchoMode(QLineEdit::Password);
  secret_->setPlaceholderText(tr("empty: the scenario's secret"));
  remember_->setObjectName(QStringLiteral("aaaRememberSecret"));
  remember_->setChecked(choice.rememberSecret);
  problem_->setStyleSheet(QStringLiteral("color: #d93025"));

  auto* help = new QLabel(tr("Where the home agents of a Mobile IP run send their RADIUS Access-Requests. The "
                             "emulation waits for an external server's answers (up to 3 s per request), and the "
                             "choice applies when the scenario is next loaded or reset."),
                          this);
  help->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Host:"), host_);
  form->addRow(tr("Port:"), port_);
  form->addRow(tr("Shared secret:"), secret_);
  form->addRow(remember_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &AaaServerDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(external_, &QRadioButton::toggled, this, &AaaServerDialog::updateEnabled);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(help);
  layout->addWidget(embedded_);
  layout->addWidget(external_);
  layout->addLayout(form);
  layout->addWidget(problem_);
  layout->addWidget(buttons);
  updateEnabled();
}

void AaaServerDialog::updateEnabled() {
  const bool on = external_->isChecked();
  for (QWidget* w : std::initializer_list<QWidget*>{host_, port_, secret_, remember_}) w->setEnabled(on);
  problem_->clear();
}

AaaServerChoice AaaServerDialog::choice() const {
  AaaServerChoice c;
  c.external = external_->isChecked();
  c.host = host_->text().trimmed();
  c.port = static_cast<quint16>(port_->value());
  c.secret = secret_->text();
  c.rememberSecret = remember_->isChecked();
  return c;
}

void AaaServerDialog::accept() {
  if (external_->isChecked() && host_->text().trimmed().isEmpty()) {
    problem_->setText(tr("Name the external server's host, or choose Embedded."));
    host_->setFocus();
    return;
  }
  QDialog::accept();
}

}  // namespace rs::ui
