// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits the scenario's key parameters (scenario_parameters.h) before a run.
// Each field is checked on its own as soon as it is edited, by loading the
// scenario with that change (the loader's own checks), and the loader's error
// is shown under it; Apply checks every change together and asks the
// controller to rebuild the run with them. A rejected value never replaces
// the current run.
#include <QWidget>
#include <optional>
#include <vector>

#include "core/sim/scenario_override.h"
#include "ui/app/scenario_parameters.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rs::ui {

class EmulationController;

class ParameterEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ParameterEditor(EmulationController& controller, QWidget* parent = nullptr);

  // For tests and scripts: what typing `value` into the field of parameter `key` does; false for an
  // unknown key.
  bool setValue(const QString& key, const QString& value);
  QString value(const QString& key) const;
  // The loader's error under the field, empty when the value is good.
  QString errorText(const QString& key) const;
  // What Apply does: true when the run was rebuilt with the changes.
  bool apply();
  QPushButton* applyButton() const { return apply_; }
  QStringList keys() const;

 private:
  struct Field {
    ScenarioParameter parameter;
    QLineEdit* edit = nullptr;  // a number or text
    QComboBox* choice = nullptr;  // a choice
    QLabel* error = nullptr;
  };
  void rebuild();
  Field* field(const QString& key);
  const Field* field(const QString& key) const;
  QString fieldText(const Field& f) const;
  // The overrides of every field whose text differs from the loaded value.
  std::vector<sim::ScenarioOverride> changes() const;
  // Loads the scenario with the field's change alone; shows and returns the error.
  bool check(Field& f);

  EmulationController& controller_;
  QFormLayout* form_;
  QLabel* status_;
  QPushButton* apply_;
  QPushButton* revert_;
  std::vector<Field> fields_;
};

}  // namespace rs::ui
