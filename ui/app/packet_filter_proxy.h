// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet list as the display filter shows it (dissectors/common/display_filter.h):
// a proxy over PacketListModel that keeps the rows whose field tree matches.
// Rows the run adds later are filtered as they arrive (dynamic filtering).
#include <QSortFilterProxyModel>

#include "dissectors/common/display_filter.h"

namespace rs::ui {

class PacketListModel;

class PacketFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  PacketFilterProxy(PacketListModel& packets, QObject* parent = nullptr);

  // Compiles and applies `text`; on an error the current filter stays and the error is returned.
  std::optional<FilterError> setFilterText(const QString& text);
  const DisplayFilter& filter() const { return filter_; }

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  PacketListModel& packets_;
  DisplayFilter filter_;
};

}  // namespace rs::ui
