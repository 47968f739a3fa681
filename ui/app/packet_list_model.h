// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet list over the controller's frame store: a virtual table whose
// rows are dissected when a view first asks for them (tshark -r's columns plus
// the capture point), never one object per row. A row's summary is kept once
// computed, because views ask every column and role of a visible row on each
// paint.
#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "dissectors/common/dissection.h"

namespace rs::ui {

class EmulationController;

class PacketListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Number, Time, Interface, Source, Destination, Protocol, Length, Info, ColumnCount };

  explicit PacketListModel(const EmulationController& controller, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The full dissection of frame `row` (the details pane), or an empty one for a bad row.
  Dissection dissect(int row) const;

 private:
  struct Summary {
    QString source;
    QString destination;
    QString protocol;
    QString info;
    bool malformed = false;
  };
  const Summary& summary(int row) const;
  void appendRows(qsizetype first, qsizetype count);

  const EmulationController& controller_;
  int rows_ = 0;  // what views were told, updated inside begin/endInsertRows
  mutable std::vector<std::optional<Summary>> summaries_;
};

}  // namespace rs::ui
