// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/key_manager_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rs::ui {

namespace {

enum Column { TypeColumn, ValueColumn };

QComboBox* typeBox(QTableWidget* table, int row) { return qobject_cast<QComboBox*>(table->cellWidget(row, TypeColumn)); }
QLineEdit* valueEdit(QTableWidget* table, int row) { return qobject_cast<QLineEdit*>(table->cellWidget(row, ValueColumn)); }

}  // namespace

KeyManagerDialog::KeyManagerDialog(const DecryptionKeys& keys, QWidget* parent)
    : QDialog(parent),
      table_(new QTableWidget(0, 2, this)),
      showKeys_(new QCheckBox(tr("Show keys"), this)),
      remember_(new QCheckBox(tr("Remember keys between sessions (stored in clear in the settings file)"), this)),
      problem_(new QLabel(this)) {
  setWindowTitle(tr("Decryption keys"));
  table_->setObjectName(QStringLiteral("keyTable"));
  table_->setHorizontalHeaderLabels({tr("Type"), tr("Key")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  for (const DecryptionKey& key : keys.entries()) addRow(key);

  auto* help = new QLabel(tr("wpa-pwd: passphrase:SSID (the SSID may be left out) · wpa-psk: the PMK, 64 hex digits · "
                             "msk: 128–256 hex digits · tk: 32 hex digits (CCMP) · radius-secret: the AP's RADIUS "
                             "shared secret (recovers the PMK from Access-Accepts)"),
                          this);
  help->setWordWrap(true);
  problem_->setObjectName(QStringLiteral("keyProblem"));
  problem_->setStyleSheet(QStringLiteral("color: #d93025"));
  problem_->setWordWrap(true);
  remember_->setChecked(DecryptionKeys::rememberedInSettings());

  auto* add = new QPushButton(tr("&Add"), this);
  auto* remove = new QPushButton(tr("&Remove"), this);
  auto* import = new QPushButton(tr("&Import 80211_keys…"), this);
  auto* exportButton = new QPushButton(tr("E&xport…"), this);
  connect(add, &QPushButton::clicked, this, [this] { addKey(DecryptionKey{QStringLiteral("wpa-pwd"), {}}); });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (table_->currentRow() >= 0) table_->removeRow(table_->currentRow());
  });
  connect(import, &QPushButton::clicked, this, &KeyManagerDialog::importFile);
  connect(exportButton, &QPushButton::clicked, this, &KeyManagerDialog::exportFile);
  connect(showKeys_, &QCheckBox::toggled, this, &KeyManagerDialog::applyMasking);

  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {add, remove, import, exportButton}) buttons->addWidget(b);
  buttons->addStretch(1);
  buttons->addWidget(showKeys_);
  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(box, &QDialogButtonBox::accepted, this, &KeyManagerDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &KeyManagerDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addLayout(buttons);
  layout->addWidget(help);
  layout->addWidget(problem_);
  layout->addWidget(remember_);
  layout->addWidget(box);
  resize(720, 360);
}

void KeyManagerDialog::addKey(const DecryptionKey& key) {
  addRow(key);
  table_->setCurrentCell(table_->rowCount() - 1, ValueColumn);
}

void KeyManagerDialog::addRow(const DecryptionKey& key) {
  const int row = table_->rowCount();
  table_->insertRow(row);
  auto* type = new QComboBox(table_);
  type->addItems(DecryptionKeys::types());
  type->setCurrentText(key.type);
  auto* value = new QLineEdit(key.value, table_);
  value->setEchoMode(showKeys_->isChecked() ? QLineEdit::Normal : QLineEdit::Password);
  table_->setCellWidget(row, TypeColumn, type);
  table_->setCellWidget(row, ValueColumn, value);
  // Checked as typed, so a wrong length shows before OK.
  auto check = [this] { validateAll(); };
  connect(type, &QComboBox::currentTextChanged, this, check);
  connect(value, &QLineEdit::textChanged, this, check);
}

void KeyManagerDialog::applyMasking() {
  for (int row = 0; row < table_->rowCount(); ++row)
    valueEdit(table_, row)->setEchoMode(showKeys_->isChecked() ? QLineEdit::Normal : QLineEdit::Password);
}

DecryptionKeys KeyManagerDialog::keys() const {
  QList<DecryptionKey> entries;
  for (int row = 0; row < table_->rowCount(); ++row)
    entries.append(DecryptionKey{typeBox(table_, row)->currentText(), valueEdit(table_, row)->text().trimmed()});
  DecryptionKeys keys;
  keys.setEntries(std::move(entries));
  return keys;
}

bool KeyManagerDialog::remember() const { return remember_->isChecked(); }

bool KeyManagerDialog::validateAll() {
  const DecryptionKeys current = keys();
  for (int row = 0; row < current.entries().size(); ++row) {
    if (const auto problem = DecryptionKeys::validate(current.entries()[row])) {
      problem_->setText(tr("Key %1: %2").arg(row + 1).arg(*problem));
      return false;
    }
  }
  problem_->clear();
  return true;
}

void KeyManagerDialog::accept() {
  if (validateAll()) QDialog::accept();
}

void KeyManagerDialog::importFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import Wireshark 80211_keys"), {}, tr("All files (*)"));
  if (path.isEmpty()) return;
  DecryptionKeys imported;
  QString error;
  if (!imported.importWiresharkFile(path, error)) {
    problem_->setText(error);
    return;
  }
  for (const DecryptionKey& key : imported.entries()) addRow(key);
  validateAll();
}

void KeyManagerDialog::exportFile() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Wireshark 80211_keys"), QStringLiteral("80211_keys"));
  if (path.isEmpty()) return;
  QString error;
  if (!keys().exportWiresharkFile(path, error)) problem_->setText(error);
}

}  // namespace rs::ui
