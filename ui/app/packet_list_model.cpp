// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/packet_list_model.h"

#include <QGuiApplication>
#include <QPalette>

#include "core/report/dissection_output.h"
#include "dissectors/dispatch.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/protocol_colors.h"

namespace rs::ui {

namespace {
// Rows whose summary is kept: several screenfuls, so scrolling back a little dissects nothing again.
constexpr int kCachedSummaries = 4096;
}  // namespace

PacketListModel::PacketListModel(const EmulationController& controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller), summaries_(kCachedSummaries) {
  connect(&controller, &EmulationController::aboutToClear, this, [this] { beginResetModel(); });
  connect(&controller, &EmulationController::cleared, this, [this] {
    rows_ = 0;
    summaries_.clear();
    endResetModel();
  });
  connect(&controller, &EmulationController::framesAdded, this, &PacketListModel::appendRows);
  appendRows(0, static_cast<qsizetype>(controller.frames().size()));
}

void PacketListModel::appendRows(qsizetype first, qsizetype count) {
  if (count <= 0 || first != rows_) return;
  beginInsertRows({}, rows_, static_cast<int>(first + count - 1));
  rows_ = static_cast<int>(first + count);
  endInsertRows();
}

int PacketListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int PacketListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

Dissection PacketListModel::dissect(int row) const {
  if (row < 0 || row >= rows_) return {};
  const auto& frame = controller_.frames()[static_cast<std::size_t>(row)];
  return dissectFrame(static_cast<std::uint32_t>(frame.linkType), ByteView(frame.bytes.data(), frame.bytes.size()));
}

PacketListModel::Summary PacketListModel::summary(int row) const {
  if (const Summary* cached = summaries_.object(row)) return *cached;
  const Dissection d = dissect(row);
  Summary s{QString::fromStdString(d.source), QString::fromStdString(d.destination), QString::fromStdString(d.protocol),
            QString::fromStdString(infoColumn(d)), d.malformed};
  summaries_.insert(row, new Summary(s));
  return s;
}

QVariant PacketListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_ || index.column() >= ColumnCount) return {};
  const int row = index.row();
  const auto& frame = controller_.frames()[static_cast<std::size_t>(row)];
  if (role == Qt::TextAlignmentRole) {
    const bool numeric = index.column() == Number || index.column() == Time || index.column() == Length;
    return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
  }
  if (role == Qt::BackgroundRole) {
    const Summary s = summary(row);
    const QColor c = protocolBackground(s.protocol, QGuiApplication::palette(), s.malformed);
    return c.isValid() ? QVariant(c) : QVariant();
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Number: return row + 1;
    case Time: return QString::number(sim::toSeconds(frame.time), 'f', 9);
    case Interface: {
      const auto& points = controller_.capturePoints();
      return frame.point < points.size() ? QString::fromStdString(points[frame.point].name) : QString::number(frame.point);
    }
    case Source: return summary(row).source;
    case Destination: return summary(row).destination;
    case Protocol: return summary(row).protocol;
    case Length: return static_cast<qulonglong>(frame.bytes.size());
    case Info: return summary(row).info;
    default: return {};
  }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Number: return tr("No.");
    case Time: return tr("Time");
    case Interface: return tr("Interface");
    case Source: return tr("Source");
    case Destination: return tr("Destination");
    case Protocol: return tr("Protocol");
    case Length: return tr("Length");
    case Info: return tr("Info");
    default: return {};
  }
}

}  // namespace rs::ui
