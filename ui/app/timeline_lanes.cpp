// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_lanes.h"

#include <algorithm>
#include <numeric>

namespace rs::ui {

void TimelineLanes::reset(NodeNames names) {
  names_ = std::move(names);
  lanes_.clear();
  idByAddress_.clear();
  idByRank_.clear();
  rowOfId_.clear();
  frames_.clear();
}

void TimelineLanes::append(const FrameView& frame, const QString& pointName) {
  StoredLanes stored;
  if (const auto endpoints = frameEndpoints(frame)) {
    stored.sender = laneId(endpoints->sender, pointName);
    if (endpoints->receiver) stored.receiver = laneId(*endpoints->receiver, pointName);
  }
  frames_.push_back(stored);
}

FrameLanes TimelineLanes::lanesOf(std::size_t frame) const {
  if (frame >= frames_.size()) return {};
  const StoredLanes& s = frames_[frame];
  FrameLanes lanes;
  if (s.sender >= 0) lanes.sender = rowOfId_[static_cast<std::size_t>(s.sender)];
  if (s.receiver >= 0) lanes.receiver = rowOfId_[static_cast<std::size_t>(s.receiver)];
  return lanes;
}

QString TimelineLanes::laneName(int row) const {
  for (std::size_t id = 0; id < rowOfId_.size(); ++id)
    if (rowOfId_[id] == row) return lanes_[id].name;
  return {};
}

int TimelineLanes::rowOf(const NodeAddress& address) const {
  if (const auto it = idByAddress_.find(address); it != idByAddress_.end())
    return rowOfId_[static_cast<std::size_t>(it->second)];
  if (const NodeName* name = names_.find(address))
    if (const auto it = idByRank_.find(name->rank); it != idByRank_.end())
      return rowOfId_[static_cast<std::size_t>(it->second)];
  return -1;
}

int TimelineLanes::ensureLane(const NodeAddress& address, const QString& pointName) {
  return rowOfId_[static_cast<std::size_t>(laneId(address, pointName))];
}

int TimelineLanes::laneId(const NodeAddress& address, const QString& pointName) {
  if (const auto it = idByAddress_.find(address); it != idByAddress_.end()) return it->second;
  int id = -1;
  if (const NodeName* name = names_.find(address)) {
    if (const auto it = idByRank_.find(name->rank); it != idByRank_.end()) {
      id = it->second;  // another address of a node that already has its lane
    } else {
      id = static_cast<int>(lanes_.size());
      lanes_.push_back({name->name, name->rank, lanes_.size()});
      idByRank_[name->rank] = id;
    }
  } else {
    id = static_cast<int>(lanes_.size());
    // The capture point says where an unknown address was heard (which channel, which wire).
    const QString label = pointName.isEmpty()
                              ? QString::fromStdString(address.toString())
                              : QStringLiteral("%1 (%2)").arg(QString::fromStdString(address.toString()), pointName);
    lanes_.push_back({label, std::nullopt, lanes_.size()});
  }
  idByAddress_[address] = id;
  if (static_cast<std::size_t>(id) >= rowOfId_.size()) reorder();
  return id;
}

void TimelineLanes::reorder() {
  // Named nodes in directory order (station, access points, servers, as the scenario lists them), then the
  // others as they appeared. Only lane creation reorders, and lanes are few.
  std::vector<int> ids(lanes_.size());
  std::iota(ids.begin(), ids.end(), 0);
  std::stable_sort(ids.begin(), ids.end(), [this](int a, int b) {
    const Lane& la = lanes_[static_cast<std::size_t>(a)];
    const Lane& lb = lanes_[static_cast<std::size_t>(b)];
    if (la.rank.has_value() != lb.rank.has_value()) return la.rank.has_value();
    if (la.rank && *la.rank != *lb.rank) return *la.rank < *lb.rank;
    return la.firstSeen < lb.firstSeen;
  });
  rowOfId_.assign(lanes_.size(), 0);
  for (std::size_t row = 0; row < ids.size(); ++row)
    rowOfId_[static_cast<std::size_t>(ids[row])] = static_cast<int>(row);
}

}  // namespace rs::ui
