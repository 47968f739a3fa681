// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet list over a frame source (an emulated run or opened captures): a virtual table whose
// rows are dissected when a view first asks for them (tshark -r's columns plus
// the capture point), never one object per row. The summaries of recently
// shown rows are cached, because views ask every column and role of a visible
// row on each paint; the cache is bounded so a million-frame run costs no
// more memory than a screenful.
#include <QAbstractTableModel>
#include <QCache>

#include "dissectors/common/dissection.h"

namespace rs::ui {

class FrameSource;

class PacketListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Number, Time, Interface, Source, Destination, Protocol, Length, Info, ColumnCount };

  explicit PacketListModel(FrameSource* source, QObject* parent = nullptr);
  // Shows another source's frames (an opened capture instead of the run, and back).
  void setSource(FrameSource* source);
  FrameSource* source() const { return source_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The full dissection of frame `row` with what the source's keys reveal (the details pane, the display
  // filter), or an empty one for a bad row.
  Dissection dissect(int row) const;

 private:
  struct Summary {
    QString source;
    QString destination;
    QString protocol;
    QString info;
    bool malformed = false;
  };
  Summary summary(int row) const;
  void appendRows(qsizetype first, qsizetype count);

  FrameSource* source_ = nullptr;
  int rows_ = 0;  // what views were told, updated inside begin/endInsertRows
  mutable QCache<int, Summary> summaries_;
};

}  // namespace rs::ui
