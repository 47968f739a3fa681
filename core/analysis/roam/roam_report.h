// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The roam report in its three forms: JSON (versioned, docs/report-format.md),
// CSV (one row per handoff, for spreadsheets) and the plain-text table the CLI
// prints. All three show the same records and the same figures.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/latency_budget.h"
#include "core/analysis/roam/latency_summary.h"

namespace rs::roam {

inline constexpr int kReportVersion = 1;

struct ReportContext {
  std::vector<std::string> inputs;         // the files analysed, in command-line order
  std::optional<std::string> station;      // --sta, when given
  std::optional<Definition> onlyDefinition;  // --definition, when given
  bool keysGiven = false;
  LatencyBudget budget;  // the budget the records were classified with (labels, definition)
};

// Per budget class (budgetClassLabels order), how many successful handoffs of `method` fall in it.
std::vector<std::size_t> budgetClassCounts(const std::vector<HandoffRecord>& records, Method method,
                                           const LatencyBudget& budget);

// "1795328168.341650000": seconds since the epoch with nanoseconds, as tshark's frame.time_epoch.
std::string epochString(std::int64_t ns);
// Milliseconds with nanosecond resolution as a number (31.112 for 31 112 000 ns).
double toMilliseconds(std::int64_t ns);

nlohmann::ordered_json reportJson(const std::vector<HandoffRecord>& records, const ReportContext& context);
std::string reportCsv(const std::vector<HandoffRecord>& records, const ReportContext& context);
// The per-handoff table followed by the per-method statistics.
std::string reportText(const std::vector<HandoffRecord>& records, const ReportContext& context);

}  // namespace rs::roam
