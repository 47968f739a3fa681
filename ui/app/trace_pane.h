// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The trace pane: every emulation step as a row, and below it the selected
// key derivation's inputs and outputs (the key inspector). Secret values are
// masked through sim::displayValue until "Reveal keys" is checked.
#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QTableView;

namespace rs::ui {

class EmulationController;
class TraceModel;

class TracePane : public QWidget {
  Q_OBJECT

 public:
  explicit TracePane(const EmulationController& controller, QWidget* parent = nullptr);

  TraceModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QCheckBox* revealCheckBox() const { return reveal_; }
  // The key inspector's text for the selected event.
  QString derivationText() const;

 signals:
  void revealKeysChanged(bool reveal);

 private:
  void showSelected();

  TraceModel* model_;
  QTableView* view_;
  QCheckBox* reveal_;
  QPlainTextEdit* derivation_;
};

}  // namespace rs::ui
