// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Breakpoints dock: the run's breakpoints as a checkable list (unchecked:
// disabled, kept), and a row to add one: its kind (message label, node, key
// event) and its value (a label's text, a node of the topology, a key event
// kind). Every change goes to the controller at once.
#include <QWidget>
#include <vector>

#include "ui/app/breakpoints.h"

class QComboBox;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace rs::ui {

class EmulationController;

class BreakpointPane : public QWidget {
  Q_OBJECT

 public:
  explicit BreakpointPane(EmulationController& controller, QWidget* parent = nullptr);

  void addBreakpoint(const Breakpoint& breakpoint);
  void removeBreakpoint(int row);
  void setBreakpointEnabled(int row, bool enabled);
  std::vector<Breakpoint> breakpoints() const { return list_; }
  QListWidget* listView() const { return view_; }
  QComboBox* kindBox() const { return kind_; }
  QComboBox* valueBox() const { return value_; }
  // What the Add button does with the kind and value chosen in the row below the list.
  void addFromInputs();

 private:
  void fillValues();
  void publish();
  void showList();

  EmulationController& controller_;
  QListWidget* view_;
  QComboBox* kind_;
  QComboBox* value_;
  QPushButton* add_;
  QPushButton* remove_;
  std::vector<Breakpoint> list_;
  bool showing_ = false;  // itemChanged while the list is refilled is not the user's
};

}  // namespace rs::ui
