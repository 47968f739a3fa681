// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/packet_details_model.h"

#include "core/report/dissection_output.h"

namespace rs::ui {

PacketDetailsModel::PacketDetailsModel(QObject* parent) : QAbstractItemModel(parent) {}

void PacketDetailsModel::setDissection(Dissection dissection) {
  beginResetModel();
  dissection_ = std::move(dissection);
  nodes_.clear();
  layers_.clear();
  for (std::size_t i = 0; i < dissection_.layers.size(); ++i) {
    const int source = i < dissection_.layerSource.size() ? static_cast<int>(dissection_.layerSource[i]) : 0;
    layers_.push_back(static_cast<int>(nodes_.size()));
    addNode(dissection_.layers[i], -1, static_cast<int>(i), source);
  }
  endResetModel();
}

void PacketDetailsModel::addNode(const Field& field, int parent, int row, int source) {
  const int self = static_cast<int>(nodes_.size());
  nodes_.push_back(Node{&field, parent, row, source, {}});
  for (std::size_t i = 0; i < field.children.size(); ++i) {
    const int child = static_cast<int>(nodes_.size());
    addNode(field.children[i], self, static_cast<int>(i), source);
    nodes_[static_cast<std::size_t>(self)].children.push_back(child);
  }
}

void PacketDetailsModel::setRevealSecrets(bool reveal) {
  if (reveal == revealSecrets_) return;
  revealSecrets_ = reveal;
  // Labels at every depth change but no item moves: a layout change repaints them and, unlike a
  // reset, keeps the user's expanded subtrees and selection.
  emit layoutAboutToBeChanged();
  emit layoutChanged();
}

const std::vector<int>& PacketDetailsModel::childrenOf(const QModelIndex& parent) const {
  if (!parent.isValid()) return layers_;
  return nodes_[static_cast<std::size_t>(parent.internalId())].children;
}

QModelIndex PacketDetailsModel::index(int row, int column, const QModelIndex& parent) const {
  if (column != 0 || row < 0) return {};
  const auto& children = childrenOf(parent);
  if (row >= static_cast<int>(children.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex PacketDetailsModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const int parent = nodes_[static_cast<std::size_t>(child.internalId())].parent;
  if (parent < 0) return {};
  return createIndex(nodes_[static_cast<std::size_t>(parent)].row, 0, static_cast<quintptr>(parent));
}

int PacketDetailsModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() && parent.column() != 0) return 0;
  return static_cast<int>(childrenOf(parent).size());
}

int PacketDetailsModel::columnCount(const QModelIndex&) const { return 1; }

QVariant PacketDetailsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const Node& node = nodes_[static_cast<std::size_t>(index.internalId())];
  const Field& f = *node.field;
  switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(fieldLine(f, OutputOptions{revealSecrets_}));
    case Qt::ToolTipRole: {
      QString tip = f.name.empty() ? QString() : QString::fromStdString(f.name);
      if (!f.expert.empty()) tip += (tip.isEmpty() ? "" : "\n") + QString::fromStdString(f.expert);
      return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case FieldNameRole: return QString::fromStdString(f.name);
    case ByteOffsetRole: return static_cast<int>(f.offset);
    case ByteLengthRole: return static_cast<int>(f.length);
    case ByteSourceRole: return node.source;
    default: return {};
  }
}

QVariant PacketDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole) return tr("Field");
  return {};
}

}  // namespace rs::ui
