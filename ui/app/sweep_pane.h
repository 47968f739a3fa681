// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Sweep dock: the last sweep's rows as a table (the CSV's columns) and its
// plot (ui/plots/sweep_plot.h, the series ui/report/sweep_series.h reads from
// the table: what the CLI's HTML report draws), a line saying what was swept
// or what went wrong, and Save as… for the CSV or the HTML report
// (ui/report/sweep_report.h) by the file's extension.
#include <QWidget>
#include <optional>

#include "ui/app/sweep_process.h"

class QCustomPlot;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace rs::ui {

class SweepPane : public QWidget {
  Q_OBJECT

 public:
  explicit SweepPane(QWidget* parent = nullptr);

  void showResult(const SweepResult& result);
  // A note above the table (an error, a cancelled sweep); the last result stays.
  void showNote(const QString& text);
  bool hasResult() const { return result_.has_value(); }
  const std::optional<SweepResult>& result() const { return result_; }

  QStandardItemModel* tableModel() const { return model_; }
  QTableView* tableView() const { return table_; }
  QCustomPlot* plot() const { return plot_; }
  QString noteText() const;

  // Writes the result as CSV (as the child wrote it) or HTML by the extension; the error otherwise.
  std::optional<QString> save(const QString& path) const;

 signals:
  void statusMessage(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void chooseFile();
  void applyTheme();

  QLabel* note_;
  QStandardItemModel* model_;
  QTableView* table_;
  QCustomPlot* plot_;
  QPushButton* save_;
  std::optional<SweepResult> result_;
};

}  // namespace rs::ui
