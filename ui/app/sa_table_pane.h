// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Security associations dock: the SA tables of a Mobile IP run's home
// agents and mobiles at the current virtual time (sa_table_model.h), one
// summary line per owner with its NVRAM use, and a "Reveal keys" box (keys are
// masked until it is ticked, as in the trace pane's key inspector). It follows
// the run through the controller's stateChanged, so stepping shows keys being
// installed, replaced and wiped. A WLAN run has no SA tables: a note says so.
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace rs::ui {

class EmulationController;
class SaTableModel;

class SaTablePane : public QWidget {
  Q_OBJECT

 public:
  explicit SaTablePane(const EmulationController& controller, QWidget* parent = nullptr);

  SaTableModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QCheckBox* revealCheckBox() const { return reveal_; }
  // The per-owner lines, or the note for a run without SA tables.
  QString summaryText() const;

 private:
  void refresh();

  const EmulationController& controller_;
  SaTableModel* model_;
  QTableView* view_;
  QLabel* summary_;
  QCheckBox* reveal_;
};

}  // namespace rs::ui
