// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Run > Sweep…: what to sweep. The scenario (the loaded one unless another
// file is chosen), one or two axes — a dotted key (offered from the
// scenario's parameters, any other key of the file may be typed) and its
// comma-separated values, as `simulate --sweep KEY=V1,V2` takes them — the
// seed and the duration. Start checks the request (sweep_request.h) and stays
// open with the CLI's message under the fields while it is refused.
#include <QDialog>
#include <QHash>
#include <QStringList>
#include <optional>

#include "ui/app/sweep_request.h"

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace rs::ui {

class SweepDialog : public QDialog {
  Q_OBJECT

 public:
  static constexpr int kAxes = 2;

  explicit SweepDialog(const QString& scenario, QWidget* parent = nullptr);

  // The fields, for tests and scripts as for the user.
  void setScenario(const QString& path);
  // Axis 0 or 1; an empty key and values leave the axis out.
  void setAxis(int index, const QString& key, const QString& values);
  void setSeed(std::optional<quint64> seed);
  void setDurationSeconds(std::optional<double> seconds);
  // The scenario editor's changes to `scenario` ("KEY=VALUE"): every run of a sweep of that file gets them
  // (a sweep of another file does not), and the dialog lists them.
  void setEditorChanges(const QString& scenario, const QStringList& changes);

  SweepRequest request() const;
  // The keys offered for the scenario (sweep_request.h sweepableKeys).
  QStringList offeredKeys() const { return keys_; }
  // The message under the fields: why Start was refused, or why the scenario's keys are unknown.
  QString errorText() const;

  // Start: accepted only when the request passes checkSweepRequest.
  void accept() override;

 private:
  void chooseScenario();
  void reloadKeys();
  void keyChosen(int axis);

  QLineEdit* scenario_;
  QComboBox* keyBoxes_[kAxes];
  QLineEdit* values_[kAxes];
  QLineEdit* seed_;
  QDoubleSpinBox* duration_;
  QLabel* error_;
  QLabel* changes_;
  QString changedScenario_;
  QStringList editorChanges_;
  QDialogButtonBox* buttons_;
  QStringList keys_;
  QHash<QString, QStringList> choices_;  // key -> its fixed set of values (handoff methods, security)
  QHash<QString, QString> current_;      // key -> the scenario's value
};

}  // namespace rs::ui
