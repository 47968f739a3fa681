// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/breakpoint_pane.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/sim/topology.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

BreakpointPane::BreakpointPane(EmulationController& controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      view_(new QListWidget(this)),
      kind_(new QComboBox(this)),
      value_(new QComboBox(this)),
      add_(new QPushButton(tr("&Add"), this)),
      remove_(new QPushButton(tr("Remove"), this)) {
  setObjectName(QStringLiteral("breakpointPane"));
  view_->setObjectName(QStringLiteral("breakpointList"));
  view_->setToolTip(tr("Checked breakpoints stop every run; Delete removes the selected one"));
  kind_->addItem(tr("Message label"), static_cast<int>(Breakpoint::Kind::Label));
  kind_->addItem(tr("Node"), static_cast<int>(Breakpoint::Kind::Node));
  kind_->addItem(tr("Key event"), static_cast<int>(Breakpoint::Kind::KeyEvent));
  value_->setEditable(true);
  value_->setInsertPolicy(QComboBox::NoInsert);
  value_->setMinimumContentsLength(16);
  // Delete removes the selected breakpoint while the list has the focus (not anywhere in the window).
  auto* removeSelected = new QAction(this);
  removeSelected->setShortcut(QKeySequence::Delete);
  removeSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  view_->addAction(removeSelected);
  connect(removeSelected, &QAction::triggered, this, [this] { removeBreakpoint(view_->currentRow()); });

  auto* inputs = new QHBoxLayout;
  inputs->addWidget(kind_);
  inputs->addWidget(value_, 1);
  inputs->addWidget(add_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 1);
  layout->addLayout(inputs);
  layout->addWidget(remove_, 0, Qt::AlignRight);

  connect(kind_, &QComboBox::currentIndexChanged, this, &BreakpointPane::fillValues);
  connect(add_, &QPushButton::clicked, this, &BreakpointPane::addFromInputs);
  connect(value_->lineEdit(), &QLineEdit::returnPressed, this, &BreakpointPane::addFromInputs);
  connect(remove_, &QPushButton::clicked, this, [this] { removeBreakpoint(view_->currentRow()); });
  connect(view_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (showing_) return;
    const int row = view_->row(item);
    if (row >= 0) setBreakpointEnabled(row, item->checkState() == Qt::Checked);
  });
  // Node names come from the run's topology.
  connect(&controller_, &EmulationController::cleared, this, &BreakpointPane::fillValues);
  fillValues();
}

void BreakpointPane::fillValues() {
  const auto kind = static_cast<Breakpoint::Kind>(kind_->currentData().toInt());
  value_->clear();
  // Always editable (one line edit for the pane's lifetime); a key-event kind is checked on Add.
  switch (kind) {
    case Breakpoint::Kind::Label:
      value_->lineEdit()->setPlaceholderText(tr("part of an event label, e.g. EAPOL-Key M3"));
      value_->addItems({QStringLiteral("EAPOL-Key M1"), QStringLiteral("EAPOL-Key M3"), QStringLiteral("Access-Request"),
                        QStringLiteral("Authenticate PTK request"), QStringLiteral("Reassociation Request")});
      break;
    case Breakpoint::Kind::Node:
      value_->lineEdit()->setPlaceholderText(tr("a node of the scenario"));
      if (const sim::Topology* topology = controller_.topology())
        for (const auto& node : topology->nodes()) value_->addItem(QString::fromStdString(node.name));
      break;
    case Breakpoint::Kind::KeyEvent:
      value_->lineEdit()->setPlaceholderText(tr("derivation, install or discard"));
      for (int i = 0; i < kKeyEventKindCount; ++i) value_->addItem(keyEventKindName(static_cast<KeyEventKind>(i)));
      break;
  }
}

void BreakpointPane::addFromInputs() {
  Breakpoint b;
  b.kind = static_cast<Breakpoint::Kind>(kind_->currentData().toInt());
  const QString value = value_->currentText().trimmed();
  if (value.isEmpty()) return;
  if (b.kind == Breakpoint::Kind::KeyEvent) {
    const auto kind = keyEventKindFromName(value);
    if (!kind) return;
    b.keyKind = *kind;
  } else {
    b.text = value;
  }
  addBreakpoint(b);
}

void BreakpointPane::addBreakpoint(const Breakpoint& breakpoint) {
  list_.push_back(breakpoint);
  showList();
  publish();
}

void BreakpointPane::removeBreakpoint(int row) {
  if (row < 0 || row >= static_cast<int>(list_.size())) return;
  list_.erase(list_.begin() + row);
  showList();
  publish();
}

void BreakpointPane::setBreakpointEnabled(int row, bool enabled) {
  if (row < 0 || row >= static_cast<int>(list_.size()) || list_[static_cast<std::size_t>(row)].enabled == enabled) return;
  list_[static_cast<std::size_t>(row)].enabled = enabled;
  // Only the check box changes: the list is not refilled, since this may run inside the item's own
  // itemChanged signal, whose item must outlive it.
  showing_ = true;
  view_->item(row)->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
  showing_ = false;
  publish();
}

void BreakpointPane::showList() {
  showing_ = true;
  const int current = view_->currentRow();
  view_->clear();
  for (const Breakpoint& b : list_) {
    auto* item = new QListWidgetItem(b.describe(), view_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(b.enabled ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(b.kind == Breakpoint::Kind::KeyEvent ? tr("stops right after the event that traced it")
                                                          : tr("stops before the matching event"));
  }
  view_->setCurrentRow(std::min(current, view_->count() - 1));
  showing_ = false;
}

void BreakpointPane::publish() { controller_.setBreakpoints(list_); }

}  // namespace rs::ui
