// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One row per Mobile IP registration of the emulated run (the ground truth's
// RegistrationRecords, core/analysis/mip/registration_record.h): when it
// started, home address, care-of address, the foreign agent that relayed it,
// why the mobile registered, which security association authenticated it, the
// outcome with its reply code, and the latency figures of docs/latency.md
// "Mobile IP" in milliseconds. Empty for a WLAN run.
#include <QAbstractTableModel>

#include "core/analysis/mip/registration_record.h"

namespace rs::ui {

class EmulationController;

class RegistrationTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    Start,
    HomeAddress,
    CareOf,
    ViaFa,
    Trigger,
    Auth,
    Outcome,
    Code,
    Registration,
    MnToFa,
    FaAaaRoundTrip,
    FaToHa,
    AaaRoundTrip,
    HomeAgent,
    HaToMn,
    ColumnCount
  };
  // The figure in nanoseconds (qlonglong) of a latency column, invalid when the record has none.
  static constexpr int LatencyNsRole = Qt::UserRole + 1;

  explicit RegistrationTableModel(const EmulationController& controller, QObject* parent = nullptr);

  // The record behind `row`; null outside the table.
  const mipreg::RegistrationRecord* record(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void refresh();
  QString outcomeText(const mipreg::RegistrationRecord& r) const;

  const EmulationController& controller_;
  int rows_ = 0;
};

}  // namespace rs::ui
