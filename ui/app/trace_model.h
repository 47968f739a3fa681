// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emulation's trace events as a table (time, node, kind, text) over the
// controller's trace store; rows are appended as the run produces them.
#include <QAbstractTableModel>

namespace rs::sim {
struct TraceEvent;
}

namespace rs::ui {

class EmulationController;

class TraceModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Time, Node, Kind, Text, ColumnCount };

  explicit TraceModel(const EmulationController& controller, QObject* parent = nullptr);

  // The event of `row`, or null for a row views were not told about.
  const sim::TraceEvent* event(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void appendRows(qsizetype first, qsizetype count);

  const EmulationController& controller_;
  int rows_ = 0;
};

}  // namespace rs::ui
