// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The mobility security-association tables of a Mobile IP run as they stand
// at the run's current virtual time: every row of every home agent's and every
// mobile node's SaTable (owner, mobile, SPI, which seed-001 key, algorithm and
// mode, replay window, installed and expiry times, the key), and per owner
// the NVRAM the table takes. Rows are copied into display text on refresh(),
// so stepping the run never leaves the view pointing into a changed table;
// keys are masked (crypto::secretHex) unless the user reveals them.
#include <QAbstractTableModel>
#include <QString>
#include <array>
#include <cstddef>
#include <vector>

namespace rs::ui {

class EmulationController;

class SaTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Owner, Mobile, Spi, Kind, Algorithm, ReplayWindow, Installed, Expires, Key, ColumnCount };

  // One owner's table: its node name, rows and NVRAM use.
  struct OwnerSummary {
    QString owner;
    std::size_t rows = 0;
    std::size_t bytesUsed = 0;
    std::size_t capacityRows = 0;
    std::size_t nvramBytes = 0;  // the table's NVRAM budget
  };

  explicit SaTableModel(const EmulationController& controller, QObject* parent = nullptr);

  // Re-reads the tables (cheap: a handful of rows); views keep their selection when only values changed.
  void refresh();
  void setRevealKeys(bool reveal);
  bool revealKeys() const { return reveal_; }

  // Every home agent and mobile of the run, in that order, even those with empty tables; empty for a WLAN run.
  const std::vector<OwnerSummary>& owners() const { return owners_; }
  // "ha1: 2 SA(s), 160 of 131072 bytes of NVRAM (80 bytes per SA, room for 1638)".
  static QString summaryText(const OwnerSummary& summary);
  // Rows of owner `owner` (tests).
  int rowsOf(const QString& owner) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  using Row = std::array<QString, ColumnCount>;
  void collect(std::vector<Row>& rows, std::vector<OwnerSummary>& owners) const;

  const EmulationController& controller_;
  bool reveal_ = false;
  std::vector<Row> rows_;
  std::vector<OwnerSummary> owners_;
};

}  // namespace rs::ui
