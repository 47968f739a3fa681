// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sa_table_pane.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/app/emulation_controller.h"
#include "ui/app/sa_table_model.h"

namespace rs::ui {

SaTablePane::SaTablePane(const EmulationController& controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      model_(new SaTableModel(controller, this)),
      view_(new QTableView(this)),
      summary_(new QLabel(this)),
      reveal_(new QCheckBox(tr("Reveal keys"), this)) {
  view_->setObjectName(QStringLiteral("saTable"));
  view_->setModel(model_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setWordWrap(false);
  view_->verticalHeader()->hide();
  view_->horizontalHeader()->setStretchLastSection(true);
  summary_->setObjectName(QStringLiteral("saSummary"));
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setWordWrap(true);
  reveal_->setObjectName(QStringLiteral("revealSaKeys"));
  reveal_->setToolTip(tr("Show the SA keys in clear (masked by default)"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(summary_);
  layout->addWidget(view_, 1);
  layout->addWidget(reveal_);

  connect(reveal_, &QCheckBox::toggled, model_, &SaTableModel::setRevealKeys);
  // The tables change only when events run, and every run, step or reset ends with stateChanged.
  connect(&controller_, &EmulationController::stateChanged, this, &SaTablePane::refresh);
  connect(&controller_, &EmulationController::cleared, this, &SaTablePane::refresh);
  connect(model_, &QAbstractItemModel::modelReset, view_, &QTableView::resizeColumnsToContents);
  refresh();
}

void SaTablePane::refresh() {
  model_->refresh();
  if (!controller_.mipNetwork()) {
    summary_->setText(controller_.isLoaded() ? tr("No security associations: this is not a Mobile IP run.")
                                             : tr("No scenario is loaded."));
    return;
  }
  QStringList lines;
  for (const SaTableModel::OwnerSummary& owner : model_->owners()) lines.append(SaTableModel::summaryText(owner));
  summary_->setText(lines.join(QLatin1Char('\n')));
}

QString SaTablePane::summaryText() const { return summary_->text(); }

}  // namespace rs::ui
