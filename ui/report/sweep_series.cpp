// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/sweep_series.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

namespace rs::ui {
namespace {

std::optional<double> number(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  return v;
}

std::optional<std::size_t> column(const std::vector<std::string>& header, const char* name) {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

}  // namespace

void addSweepSeries(SweepReport& report, std::size_t axisCount) {
  report.series.clear();
  report.xLabel.clear();
  report.yLabel.clear();
  if (axisCount == 0 || axisCount > report.header.size()) return;
  const auto methodColumn = column(report.header, "method");
  // A WLAN sweep's handoff, or a Mobile IP sweep's registration latency (app/cli/sweep_runner.cpp).
  const auto registrationColumn = column(report.header, "registration_ms");
  const auto handoffColumn = registrationColumn ? registrationColumn : column(report.header, "handoff_ms");
  if (!methodColumn || !handoffColumn) return;
  const std::size_t last = axisCount - 1;
  std::vector<SweepSeries> series;
  std::map<std::string, std::size_t> seriesIndex;
  for (const auto& row : report.rows) {
    if (row.size() != report.header.size() || row[*methodColumn].empty()) continue;
    const auto x = number(row[last]);
    if (!x) return;  // a parameter like the handoff method: the table says it all
    const auto y = number(row[*handoffColumn]);
    if (!y) continue;
    std::string name;
    for (std::size_t i = 0; i < last; ++i) name += row[i] + " → ";
    name += row[*methodColumn];
    auto [it, added] = seriesIndex.emplace(name, series.size());
    if (added) series.push_back(SweepSeries{QString::fromStdString(name), {}, {}});
    series[it->second].x.push_back(*x);
    series[it->second].y.push_back(*y);
  }
  report.xLabel = QString::fromStdString(report.header[last]);
  report.yLabel = registrationColumn ? QStringLiteral("median registration latency (ms)")
                                     : QStringLiteral("median handoff (ms)");
  report.series = std::move(series);
}

}  // namespace rs::ui
