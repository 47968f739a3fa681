// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/handoff_table_model.h"

#include "ui/app/frame_source.h"

namespace rs::ui {

namespace {

QString endpointText(const roam::Endpoint& e) {
  const QString bssid = QString::fromStdString(e.bssid.toString());
  return e.channel ? QStringLiteral("%1 (ch %2)").arg(bssid).arg(*e.channel) : bssid;
}

QString outcomeText(const roam::HandoffRecord& r) {
  if (r.success) return HandoffTableModel::tr("success");
  if (r.failure) return HandoffTableModel::tr("failed: %1").arg(QString::fromStdString(r.failure->reason));
  return HandoffTableModel::tr("in progress");
}

}  // namespace

HandoffTableModel::HandoffTableModel(FrameSource* source, QObject* parent) : QAbstractTableModel(parent) {
  setSource(source);
}

void HandoffTableModel::setSource(FrameSource* source) {
  if (source == source_) return;
  beginResetModel();
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  rows_ = 0;
  endResetModel();
  if (!source_) return;
  connect(source_, &FrameSource::aboutToClear, this, [this] { beginResetModel(); });
  connect(source_, &FrameSource::cleared, this, [this] {
    rows_ = 0;
    endResetModel();
  });
  connect(source_, &FrameSource::handoffsChanged, this, &HandoffTableModel::refresh);
  refresh();
}

void HandoffTableModel::refresh() {
  // Records only ever get appended, and the open one is completed in place.
  const int now = source_ ? static_cast<int>(source_->handoffs().size()) : 0;
  if (now > rows_) {
    beginInsertRows({}, rows_, now - 1);
    rows_ = now;
    endInsertRows();
  }
  if (rows_ > 0) emit dataChanged(index(0, 0), index(rows_ - 1, ColumnCount - 1));
}

void HandoffTableModel::setDefinition(roam::Definition definition) {
  if (definition == definition_) return;
  definition_ = definition;
  emit headerDataChanged(Qt::Horizontal, Latency, Latency);
  if (rows_ > 0) emit dataChanged(index(0, Latency), index(rows_ - 1, Latency));
}

int HandoffTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int HandoffTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HandoffTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_) return {};
  const roam::HandoffRecord& r = source_->handoffs()[static_cast<std::size_t>(index.row())];
  const auto latency = r.latencyNs.find(definition_);
  if (role == LatencyNsRole)
    return latency == r.latencyNs.end() ? QVariant() : QVariant(static_cast<qlonglong>(latency->second));
  if (role == Qt::TextAlignmentRole && index.column() == Latency)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Station: return QString::fromStdString(r.sta.toString());
    case From: return r.from ? endpointText(*r.from) : tr("(join)");
    case To: return endpointText(r.to);
    case Method: return QString::fromStdString(std::string(roam::methodName(r.method)));
    case Outcome: return outcomeText(r);
    case Latency:
      return latency == r.latencyNs.end() ? QStringLiteral("–")
                                          : QString::number(static_cast<double>(latency->second) / 1e6, 'f', 3);
    default: return {};
  }
}

QVariant HandoffTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Station: return tr("Station");
    case From: return tr("From");
    case To: return tr("To");
    case Method: return tr("Method");
    case Outcome: return tr("Outcome");
    case Latency: return tr("%1 (ms)").arg(QString::fromStdString(std::string(roam::definitionName(definition_))));
    default: return {};
  }
}

}  // namespace rs::ui
