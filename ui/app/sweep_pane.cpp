// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sweep_pane.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "core/report/output_file.h"
#include "ui/plots/plot_theme.h"
#include "ui/plots/sweep_plot.h"

namespace rs::ui {

SweepPane::SweepPane(QWidget* parent)
    : QWidget(parent),
      note_(new QLabel(tr("No sweep yet: Run > Sweep… varies scenario parameters, one roamscope-cli run each."), this)),
      model_(new QStandardItemModel(this)),
      table_(new QTableView(this)),
      plot_(new QCustomPlot(this)),
      save_(new QPushButton(tr("Save as…"), this)) {
  note_->setObjectName(QStringLiteral("sweepNote"));
  note_->setWordWrap(true);
  note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setObjectName(QStringLiteral("sweepTable"));
  table_->setModel(model_);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  plot_->setObjectName(QStringLiteral("sweepPlot"));
  plot_->setMinimumSize(240, 160);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  save_->setObjectName(QStringLiteral("sweepSave"));
  save_->setToolTip(tr("Save the sweep as CSV (the table) or HTML (plot and table), by the file's extension"));
  save_->setEnabled(false);
  connect(save_, &QPushButton::clicked, this, &SweepPane::chooseFile);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(table_);
  split->addWidget(plot_);
  // Half and half: the plot needs width to read a log axis, the table scrolls.
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  auto* top = new QHBoxLayout;
  top->addWidget(note_, 1);
  top->addWidget(save_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addWidget(split, 1);
  plotSweep(*plot_, {}, {}, {});  // "no numeric sweep to plot" until there is one
  applyTheme();
}

void SweepPane::showResult(const SweepResult& result) {
  result_ = result;
  const SweepReport& report = result.report;
  model_->clear();
  QStringList header;
  for (const std::string& h : report.header) header.append(QString::fromStdString(h));
  model_->setHorizontalHeaderLabels(header);
  for (const auto& row : report.rows) {
    QList<QStandardItem*> items;
    // "–" for an empty cell, as the Markdown table and the HTML report show it.
    for (const std::string& cell : row) items.append(new QStandardItem(cell.empty() ? QStringLiteral("–") : QString::fromStdString(cell)));
    model_->appendRow(items);
  }
  table_->resizeColumnsToContents();
  plotSweep(*plot_, report.series, report.xLabel, report.yLabel);
  applyTheme();
  QStringList axes;
  for (const std::string& a : report.axes) axes.append(QString::fromStdString(a));
  note_->setText(tr("%1: %2 row(s), one per run and method used — %3")
                     .arg(QFileInfo(QString::fromStdString(report.scenario)).fileName())
                     .arg(report.rows.size())
                     .arg(axes.join(QStringLiteral("; "))));
  note_->setToolTip(QString::fromStdString(report.scenario));
  save_->setEnabled(true);
}

void SweepPane::showNote(const QString& text) { note_->setText(text); }

QString SweepPane::noteText() const { return note_->text(); }

std::optional<QString> SweepPane::save(const QString& path) const {
  if (!result_) return tr("No sweep to save: run one with Run > Sweep….");
  const std::string file = path.toStdString();
  std::string text;
  if (hasExtension(file, ".csv"))
    text = result_->csv;
  else if (hasExtension(file, ".html"))
    text = sweepReportHtml(result_->report);
  else
    return tr("Save sweep: '%1' must end in .csv or .html; nothing was written.").arg(path);
  if (!writeOutputFile(file, text)) return tr("Save sweep: cannot write %1.").arg(path);
  return std::nullopt;
}

void SweepPane::chooseFile() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save sweep"), QStringLiteral("sweep.html"),
                                                    tr("HTML report (*.html);;CSV table (*.csv)"));
  if (path.isEmpty()) return;
  if (const auto error = save(path))
    emit statusMessage(*error);
  else
    emit statusMessage(tr("Saved the sweep to %1").arg(path));
}

void SweepPane::applyTheme() {
  applyPlotTheme(*plot_, plotThemeFor(palette()));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPane::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyTheme();
}

}  // namespace rs::ui
