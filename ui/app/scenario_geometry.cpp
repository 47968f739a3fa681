// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/scenario_geometry.h"

#include <algorithm>
#include <deque>
#include <limits>

namespace rs::ui {

namespace {

bool hasRadio(sim::NodeRole role) {
  return role == sim::NodeRole::Station || role == sim::NodeRole::AccessPoint || role == sim::NodeRole::HamAccessPoint ||
         role == sim::NodeRole::FamAccessPoint;
}

// Hops from the nearest radio node over the wired links; unreachable wired nodes get the deepest row + 1.
std::vector<int> hopsFromRadio(const sim::Scenario& s) {
  std::vector<int> hops(s.nodes.size(), -1);
  std::deque<sim::NodeId> queue;
  for (const auto& n : s.nodes)
    if (hasRadio(n.role)) {
      hops[n.id] = 0;
      queue.push_back(n.id);
    }
  while (!queue.empty()) {
    const sim::NodeId at = queue.front();
    queue.pop_front();
    for (const auto& link : s.links) {
      if (link.a != at && link.b != at) continue;
      const sim::NodeId other = link.a == at ? link.b : link.a;
      if (other < hops.size() && hops[other] < 0) {
        hops[other] = hops[at] + 1;
        queue.push_back(other);
      }
    }
  }
  const int deepest = std::max(1, *std::max_element(hops.begin(), hops.end()));
  for (int& h : hops)
    if (h < 0) h = deepest + 1;
  return hops;
}

}  // namespace

const ScenarioLayout::NodeMark* ScenarioLayout::nodeByMac(const MacAddress& mac, const sim::Scenario& scenario) const {
  for (const auto& n : scenario.nodes)
    if (n.mac == mac) return node(n.id);
  return nullptr;
}

ScenarioLayout layoutScenario(const sim::Scenario& s) {
  ScenarioLayout layout;
  // Bounding boxes of points (QRectF::united ignores zero-size rectangles, so points are tracked here).
  struct Box {
    bool empty = true;
    double left = 0, top = 0, right = 0, bottom = 0;
    QRectF rect() const { return QRectF(QPointF(left, top), QPointF(right, bottom)); }
  };
  Box radio;
  auto include = [](Box& b, const QPointF& p) {
    if (b.empty) {
      b = Box{false, p.x(), p.y(), p.x(), p.y()};
      return;
    }
    b.left = std::min(b.left, p.x());
    b.right = std::max(b.right, p.x());
    b.top = std::min(b.top, p.y());
    b.bottom = std::max(b.bottom, p.y());
  };
  for (const auto& m : s.mobility) {
    ScenarioLayout::PathMark path{m.node, {}};
    for (const auto& w : m.path.waypoints()) {
      path.waypoints << toScene(w.position);
      include(radio, toScene(w.position));
    }
    layout.paths.push_back(std::move(path));
  }
  for (const auto& n : s.nodes) {
    ScenarioLayout::NodeMark mark{n.id, QString::fromStdString(n.name), n.role, {}, n.channel, !hasRadio(n.role)};
    if (!mark.schematic) {
      // A mobile node starts at its first waypoint.
      const auto path = std::find_if(s.mobility.begin(), s.mobility.end(), [&](const auto& m) { return m.node == n.id; });
      mark.at = toScene(path != s.mobility.end() && !path->path.empty() ? path->path.position(0) : n.position);
      include(radio, mark.at);
    }
    layout.nodes.push_back(std::move(mark));
  }
  // Wired rows above the radio nodes, spread over their width, spaced in proportion to it.
  const std::vector<int> hops = hopsFromRadio(s);
  const QRectF radioRect = radio.rect();
  const double width = std::max(radioRect.width(), 20.0);
  const double rowGap = std::max(15.0, width / 4);
  std::map<int, std::vector<sim::NodeId>> rows;
  for (const auto& mark : layout.nodes)
    if (mark.schematic) rows[hops[mark.id]].push_back(mark.id);
  Box bounds = radio;
  for (const auto& [hop, ids] : rows) {
    const double y = radioRect.top() - rowGap * hop;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      // One node: centred; several: from the left edge to the right edge.
      const double share = ids.size() == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(ids.size() - 1);
      const double x = radioRect.left() + radioRect.width() * share;
      layout.nodes[ids[i]].at = QPointF(x, y);
      include(bounds, layout.nodes[ids[i]].at);
    }
  }
  for (const auto& link : s.links)
    layout.links.push_back(ScenarioLayout::LinkMark{QString::fromStdString(link.name), link.a, link.b, link.delay});
  layout.bounds = bounds.rect();
  return layout;
}

std::map<MacAddress, MacAddress> associationsAt(const std::vector<roam::HandoffRecord>& records, std::int64_t timeNs) {
  std::map<MacAddress, MacAddress> out;
  std::map<MacAddress, std::int64_t> when;
  for (const auto& r : records) {
    if (!r.success || r.kind != roam::RecordKind::Handoff || r.endNs > timeNs) continue;
    auto it = when.find(r.sta);
    if (it != when.end() && it->second > r.endNs) continue;
    when[r.sta] = r.endNs;
    out[r.sta] = r.to.bssid;
  }
  return out;
}

std::map<MacAddress, MacAddress> attemptsInProgress(const std::vector<roam::HandoffRecord>& records) {
  std::map<MacAddress, MacAddress> out;
  for (const auto& r : records)
    if (r.kind == roam::RecordKind::Handoff && !r.success && !r.failure) out[r.sta] = r.to.bssid;
  return out;
}

}  // namespace rs::ui
