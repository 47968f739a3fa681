// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit > Decryption keys…: the passphrases and keys captures are decrypted
// with, one row per key (type, value), as Wireshark's "IEEE 802.11 decryption
// keys" table, plus RADIUS shared secrets. Values are masked until "Show keys"
// is checked; each row is checked as it is edited and the dialog accepts only
// when every row is usable. Wireshark 80211_keys files import and export.
#include <QDialog>

#include "ui/app/decryption_keys.h"

class QCheckBox;
class QLabel;
class QTableWidget;

namespace rs::ui {

class KeyManagerDialog : public QDialog {
  Q_OBJECT

 public:
  explicit KeyManagerDialog(const DecryptionKeys& keys, QWidget* parent = nullptr);

  DecryptionKeys keys() const;
  bool remember() const;

  // For tests: the table, the masking switch and the validation message.
  QTableWidget* table() const { return table_; }
  QCheckBox* showKeysBox() const { return showKeys_; }
  QLabel* problemLabel() const { return problem_; }
  void addKey(const DecryptionKey& key);
  // Checks every row; false (and the first problem shown) when one is unusable.
  bool validateAll();

  void accept() override;

 private:
  void addRow(const DecryptionKey& key);
  void applyMasking();
  void importFile();
  void exportFile();

  QTableWidget* table_;
  QCheckBox* showKeys_;
  QCheckBox* remember_;
  QLabel* problem_;
};

}  // namespace rs::ui
