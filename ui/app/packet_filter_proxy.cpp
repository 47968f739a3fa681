// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/packet_filter_proxy.h"

#include <QElapsedTimer>
#include <algorithm>

#include "ui/app/packet_list_model.h"

namespace rs::ui {

namespace {
// Rows examined between two looks at the clock.
constexpr int kRowsPerClockCheck = 64;
// How often matches found by the slices are shown.
constexpr qint64 kPublishIntervalMs = 150;
}  // namespace

PacketFilterProxy::PacketFilterProxy(PacketListModel& packets, QObject* parent)
    : QAbstractProxyModel(parent), packets_(packets) {
  QAbstractProxyModel::setSourceModel(&packets);
  sliceTimer_.setInterval(0);
  connect(&sliceTimer_, &QTimer::timeout, this, [this] { examineSlice(false); });
  connect(&packets, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
  connect(&packets, &QAbstractItemModel::modelReset, this, [this] {
    rows_.clear();
    pending_.clear();
    examined_ = 0;
    cancelled_ = false;  // a new run or capture: the filter applies to it whole
    endResetModel();
    if (!identity()) sliceTimer_.start();
  });
  connect(&packets, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex&, int first, int last) {
    if (identity()) beginInsertRows({}, first, last);
  });
  connect(&packets, &QAbstractItemModel::rowsInserted, this, &PacketFilterProxy::sourceRowsInserted);
  connect(&packets, &QAbstractItemModel::dataChanged, this,
          [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
            if (identity()) {
              emit dataChanged(mapFromSource(topLeft), mapFromSource(bottomRight), roles);
              return;
            }
            // Decrypted content changed (new keys): what matches may have changed too.
            restart();
          });
  connect(&packets, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
}

std::optional<FilterError> PacketFilterProxy::setFilterText(const QString& text) {
  auto compiled = DisplayFilter::compile(text.toStdString());
  if (auto* error = std::get_if<FilterError>(&compiled)) return *error;
  filter_ = std::get<DisplayFilter>(std::move(compiled));
  restart();
  return std::nullopt;
}

void PacketFilterProxy::restart() {
  sliceTimer_.stop();
  cancelled_ = false;
  beginResetModel();
  rows_.clear();
  pending_.clear();
  sincePublish_.invalidate();  // the first matches show at once
  examined_ = 0;
  endResetModel();
  if (identity()) {
    emit filterFinished(false);
    return;
  }
  // The first slice at once, so a small list is filtered before the call returns.
  examineSlice(false);
}

void PacketFilterProxy::completeNow() {
  if (!identity()) examineSlice(true);
}

void PacketFilterProxy::cancel() {
  if (!sliceTimer_.isActive()) return;
  sliceTimer_.stop();
  cancelled_ = true;
  // What was examined stays: matches not yet shown are shown now, and examination resumes past them later.
  publishPending();
  emit filterFinished(true);
}

void PacketFilterProxy::examineSlice(bool untilDone) {
  const int total = packets_.rowCount();
  QElapsedTimer wall;
  wall.start();
  while (examined_ < total) {
    const int end = std::min(total, examined_ + kRowsPerClockCheck);
    for (; examined_ < end; ++examined_)
      if (filter_.matches(packets_.dissect(examined_))) pending_.push_back(examined_);
    if (!untilDone && wall.elapsed() >= sliceBudgetMs_) break;
  }
  const bool done = examined_ >= total;
  // Matches reach the view every kPublishIntervalMs, not every slice: each insertion repaints the list, and
  // painting every 15 ms would take a good share of the time from the filtering itself.
  if (done || !sincePublish_.isValid() || sincePublish_.elapsed() >= kPublishIntervalMs) publishPending();
  emit filterProgress(examined_, total);
  if (!done) {
    sliceTimer_.start();
    return;
  }
  sliceTimer_.stop();
  emit filterFinished(false);
}

void PacketFilterProxy::publishPending() {
  if (pending_.empty()) return;
  const int first = static_cast<int>(rows_.size());
  beginInsertRows({}, first, first + static_cast<int>(pending_.size()) - 1);
  rows_.insert(rows_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  endInsertRows();
  sincePublish_.start();
}

void PacketFilterProxy::sourceRowsInserted(const QModelIndex&, int, int) {
  if (identity()) {
    endInsertRows();
    return;
  }
  // Dynamic filtering: new frames are examined by the next slices (unless the user cancelled).
  if (!cancelled_ && !sliceTimer_.isActive()) sliceTimer_.start();
}

QModelIndex PacketFilterProxy::mapToSource(const QModelIndex& proxyIndex) const {
  if (!proxyIndex.isValid() || proxyIndex.row() >= rowCount()) return {};
  const int row = identity() ? proxyIndex.row() : rows_[static_cast<std::size_t>(proxyIndex.row())];
  return packets_.index(row, proxyIndex.column());
}

QModelIndex PacketFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const {
  if (!sourceIndex.isValid()) return {};
  if (identity()) return index(sourceIndex.row(), sourceIndex.column());
  const auto it = std::lower_bound(rows_.begin(), rows_.end(), sourceIndex.row());
  if (it == rows_.end() || *it != sourceIndex.row()) return {};
  return index(static_cast<int>(it - rows_.begin()), sourceIndex.column());
}

QModelIndex PacketFilterProxy::index(int row, int column, const QModelIndex& parent) const {
  if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return {};
  return createIndex(row, column);
}

QModelIndex PacketFilterProxy::parent(const QModelIndex&) const { return {}; }

int PacketFilterProxy::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return identity() ? packets_.rowCount() : static_cast<int>(rows_.size());
}

int PacketFilterProxy::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : packets_.columnCount();
}

}  // namespace rs::ui
