// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/packet_list_model.h"

#include <QGuiApplication>
#include <QPalette>

#include "core/report/dissection_output.h"
#include "dissectors/dispatch.h"
#include "core/sim/sim_time.h"
#include "ui/app/frame_source.h"
#include "ui/app/protocol_colors.h"

namespace rs::ui {

namespace {
// Rows whose summary is kept: several screenfuls, so scrolling back a little dissects nothing again.
constexpr int kCachedSummaries = 4096;
}  // namespace

PacketListModel::PacketListModel(FrameSource* source, QObject* parent)
    : QAbstractTableModel(parent), summaries_(kCachedSummaries) {
  setSource(source);
}

void PacketListModel::setSource(FrameSource* source) {
  if (source == source_) return;
  beginResetModel();
  if (source_) disconnect(source_, nullptr, this, nullptr);
  source_ = source;
  rows_ = 0;
  summaries_.clear();
  endResetModel();
  if (!source_) return;
  connect(source_, &FrameSource::aboutToClear, this, [this] { beginResetModel(); });
  connect(source_, &FrameSource::cleared, this, [this] {
    rows_ = 0;
    summaries_.clear();
    endResetModel();
  });
  connect(source_, &FrameSource::framesAdded, this, &PacketListModel::appendRows);
  connect(source_, &FrameSource::keysChanged, this, [this] {
    summaries_.clear();
    if (rows_ > 0) emit dataChanged(index(0, Source), index(rows_ - 1, Info));
  });
  appendRows(0, static_cast<qsizetype>(source_->frameCount()));
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
  const FrameView frame = source_->frame(static_cast<std::size_t>(row));
  Dissection d = dissectFrame(frame.linkType, frame.data);
  // With the source's keys: protected frames decrypted, MICs checked — for the columns, the details pane
  // and the display filter alike, as in Wireshark.
  source_->annotateKeys(static_cast<std::size_t>(row), d);
  return d;
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
  const FrameView frame = source_->frame(static_cast<std::size_t>(row));
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
    // Seconds since the source's origin: virtual time, or since the first frame of a capture (Wireshark's default).
    case Time: return QString::number(sim::toSeconds(frame.timestampNs - source_->timeOriginNs()), 'f', 9);
    case Interface: return source_->pointName(frame.capturePoint);
    case Source: return summary(row).source;
    case Destination: return summary(row).destination;
    case Protocol: return summary(row).protocol;
    case Length: return static_cast<qulonglong>(frame.data.size());
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
