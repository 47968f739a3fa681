// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/packet_filter_proxy.h"

#include "ui/app/packet_list_model.h"

namespace rs::ui {

PacketFilterProxy::PacketFilterProxy(PacketListModel& packets, QObject* parent)
    : QSortFilterProxyModel(parent), packets_(packets) {
  setSourceModel(&packets);
  setDynamicSortFilter(true);
}

std::optional<FilterError> PacketFilterProxy::setFilterText(const QString& text) {
  auto compiled = DisplayFilter::compile(text.toStdString());
  if (auto* error = std::get_if<FilterError>(&compiled)) return *error;
  filter_ = std::get<DisplayFilter>(std::move(compiled));
  invalidateFilter();
  return std::nullopt;
}

bool PacketFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  return filter_.empty() || filter_.matches(packets_.dissect(sourceRow));
}

}  // namespace rs::ui
