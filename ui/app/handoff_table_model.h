// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One row per handoff of a frame source (the emulator's ground truth, or what
// the roam analysis found in opened captures): station, from -> to
// (BSSID and channel), method, outcome and the latency under the chosen
// definition of docs/latency.md (reassoc-to-last-key unless the user picks
// another).
#include <QAbstractTableModel>

#include "core/analysis/roam/handoff_record.h"

namespace rs::ui {

class FrameSource;

class HandoffTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Station, From, To, Method, Outcome, Latency, ColumnCount };
  // The latency in nanoseconds (qlonglong), or an invalid QVariant when the definition does not apply.
  static constexpr int LatencyNsRole = Qt::UserRole + 1;

  explicit HandoffTableModel(FrameSource* source, QObject* parent = nullptr);
  void setSource(FrameSource* source);

  void setDefinition(roam::Definition definition);
  roam::Definition definition() const { return definition_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void refresh();

  FrameSource* source_ = nullptr;
  roam::Definition definition_ = roam::Definition::ReassocToLastKey;
  int rows_ = 0;
};

}  // namespace rs::ui
