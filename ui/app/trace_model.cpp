// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/trace_model.h"

#include <QFont>

#include "core/sim/topology.h"
#include "core/sim/trace.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

TraceModel::TraceModel(const EmulationController& controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller) {
  connect(&controller, &EmulationController::aboutToClear, this, [this] { beginResetModel(); });
  connect(&controller, &EmulationController::cleared, this, [this] {
    rows_ = 0;
    endResetModel();
  });
  connect(&controller, &EmulationController::traceAdded, this, &TraceModel::appendRows);
  appendRows(0, static_cast<qsizetype>(controller.traceEvents().size()));
}

void TraceModel::appendRows(qsizetype first, qsizetype count) {
  if (count <= 0 || first != rows_) return;
  beginInsertRows({}, rows_, static_cast<int>(first + count - 1));
  rows_ = static_cast<int>(first + count);
  endInsertRows();
}

const sim::TraceEvent* TraceModel::event(int row) const {
  if (row < 0 || row >= rows_) return nullptr;
  return &controller_.traceEvents()[static_cast<std::size_t>(row)];
}

int TraceModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int TraceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TraceModel::data(const QModelIndex& index, int role) const {
  const sim::TraceEvent* e = index.isValid() ? event(index.row()) : nullptr;
  if (!e) return {};
  if (role == Qt::FontRole && e->kind == sim::TraceKind::KeyDerivation) {
    QFont bold;
    bold.setBold(true);  // the rows the key inspector has something to show for
    return bold;
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Time: return QString::number(sim::toSeconds(e->time), 'f', 9);
    case Node: {
      const sim::Topology* topology = controller_.topology();
      if (e->node == sim::kNoNode || !topology || e->node >= topology->size()) return QStringLiteral("-");
      return QString::fromStdString(topology->node(e->node).name);
    }
    case Kind: return QString::fromStdString(std::string(sim::traceKindName(e->kind)));
    case Text: return QString::fromStdString(e->text);
    default: return {};
  }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Time: return tr("Time");
    case Node: return tr("Node");
    case Kind: return tr("Kind");
    case Text: return tr("Text");
    default: return {};
  }
}

}  // namespace rs::ui
