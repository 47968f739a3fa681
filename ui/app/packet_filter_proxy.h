// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet list as the display filter shows it (dissectors/common/display_filter.h):
// a proxy over PacketListModel that keeps the rows whose field tree matches.
//
// Filtering a million frames means dissecting a million frames, so it is done
// progressively on the event loop, in slices of a few milliseconds: matching
// rows appear as they are found (in order), a progress signal drives the
// status bar, and cancel() keeps what was found. Rows the source adds later
// are filtered as they arrive (dynamic filtering). With no filter the proxy is
// the identity and costs nothing per row. A sorted vector of source rows maps
// both ways (binary search), 4 bytes per matching row.
#include <QAbstractProxyModel>
#include <QElapsedTimer>
#include <QTimer>
#include <vector>

#include "dissectors/common/display_filter.h"

namespace rs::ui {

class PacketListModel;

class PacketFilterProxy : public QAbstractProxyModel {
  Q_OBJECT

 public:
  PacketFilterProxy(PacketListModel& packets, QObject* parent = nullptr);

  // Compiles and applies `text` (rows appear progressively); on an error the current filter stays and the
  // error is returned.
  std::optional<FilterError> setFilterText(const QString& text);
  const DisplayFilter& filter() const { return filter_; }
  bool isFiltering() const { return sliceTimer_.isActive(); }
  // Source rows examined so far by the current filter.
  int examinedRows() const { return examined_; }
  // Examines every remaining row now (tests, scripts).
  void completeNow();
  // Stops examining; the rows found so far stay. Rows the source adds later are not examined either until
  // the next setFilterText.
  void cancel();
  // Wall time one slice may take before the event loop gets control back.
  void setSliceBudgetMs(int ms) { sliceBudgetMs_ = ms; }

  QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
  QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;

 signals:
  void filterProgress(int examined, int total);
  // Every source row has been examined (or the filter was cancelled).
  void filterFinished(bool cancelled);

 private:
  bool identity() const { return filter_.empty(); }
  void examineSlice(bool untilDone);
  void sourceRowsInserted(const QModelIndex& parent, int first, int last);
  void restart();
  void publishPending();

  PacketListModel& packets_;
  DisplayFilter filter_;
  std::vector<int> rows_;     // matching source rows, ascending (unused when identity())
  std::vector<int> pending_;  // matches examined but not yet shown (they follow rows_)
  QElapsedTimer sincePublish_;
  int examined_ = 0;       // source rows [0, examined_) have been examined
  bool cancelled_ = false;
  QTimer sliceTimer_;
  int sliceBudgetMs_ = 15;
};

}  // namespace rs::ui
