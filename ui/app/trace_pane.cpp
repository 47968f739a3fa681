// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/trace_pane.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/sim/trace.h"
#include "ui/app/trace_model.h"

namespace rs::ui {

namespace {

QString derivationDescription(const sim::KeyDerivationRecord& d, bool reveal) {
  QString text = QString::fromStdString(d.name) + QLatin1Char('\n');
  for (const auto& v : d.inputs)
    text += QStringLiteral("  in  %1 = %2\n").arg(QString::fromStdString(v.label),
                                                  QString::fromStdString(sim::displayValue(v, reveal)));
  for (const auto& v : d.outputs)
    text += QStringLiteral("  out %1 = %2\n").arg(QString::fromStdString(v.label),
                                                  QString::fromStdString(sim::displayValue(v, reveal)));
  return text;
}

}  // namespace

TracePane::TracePane(const EmulationController& controller, QWidget* parent)
    : QWidget(parent),
      model_(new TraceModel(controller, this)),
      view_(new QTableView(this)),
      reveal_(new QCheckBox(tr("Reveal keys"), this)),
      derivation_(new QPlainTextEdit(this)) {
  view_->setObjectName(QStringLiteral("traceView"));
  view_->setModel(model_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->verticalHeader()->hide();
  // Fixed row heights: a long run has hundreds of thousands of trace events, never measured one by one.
  view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setWordWrap(false);

  reveal_->setObjectName(QStringLiteral("revealKeys"));
  reveal_->setToolTip(tr("Show key material in clear (masked by default)"));
  derivation_->setObjectName(QStringLiteral("keyInspector"));
  derivation_->setReadOnly(true);
  derivation_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  derivation_->setPlaceholderText(tr("Select a key derivation (bold) to see its inputs and outputs."));

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(view_);
  splitter->addWidget(derivation_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  layout->addWidget(reveal_);

  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TracePane::showSelected);
  connect(model_, &QAbstractItemModel::modelReset, this, &TracePane::showSelected);
  connect(reveal_, &QCheckBox::toggled, this, [this](bool on) {
    showSelected();
    emit revealKeysChanged(on);
  });
}

void TracePane::showSelected() {
  const sim::TraceEvent* e = model_->event(view_->selectionModel()->currentIndex().row());
  if (!e || !e->derivation) {
    derivation_->clear();
    return;
  }
  derivation_->setPlainText(derivationDescription(*e->derivation, reveal_->isChecked()));
}

QString TracePane::derivationText() const { return derivation_->toPlainText(); }

}  // namespace rs::ui
