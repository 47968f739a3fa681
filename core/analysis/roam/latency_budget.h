// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The latency budget (docs/diagnostics.md): ascending thresholds, 20/50/150/250 ms
// by default, sort every successful handoff into a class ("≤20 ms" … ">250 ms")
// under one latency definition. Without an explicit definition the class is taken
// from reassoc-to-last-key, or, where that does not apply, from the most specific
// definition that does (budgetDefinitionOrder()).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/roam/handoff_record.h"

namespace rs::roam {

struct LatencyBudget {
  std::vector<std::int64_t> thresholdsNs{20'000'000, 50'000'000, 150'000'000, 250'000'000};  // ascending
  std::optional<Definition> definition;  // nullopt: the first of budgetDefinitionOrder() that applies
};

// reassoc-to-last-key, ft-action-to-reassoc-resp, ft-auth-to-reassoc-resp, auth-to-m4, data-to-data, total-with-scan.
const std::vector<Definition>& budgetDefinitionOrder();

// "20,50,150,250": milliseconds (decimals allowed), strictly ascending, positive. nullopt with `error` otherwise.
std::optional<std::vector<std::int64_t>> parseBudgetThresholds(std::string_view text, std::string& error);

// Labels of the classes: "≤20 ms", "≤50 ms", ..., ">250 ms" (thresholds.size() + 1 of them).
std::vector<std::string> budgetClassLabels(const LatencyBudget& budget);

// The class of a record: nullopt for failed handoffs and when no usable definition applies.
std::optional<BudgetVerdict> classify(const LatencyBudget& budget, const HandoffRecord& record);

// "over-latency-budget" when the verdict is in the last class (above the highest threshold).
std::optional<Diagnostic> overBudgetDiagnostic(const LatencyBudget& budget, const BudgetVerdict& verdict);

}  // namespace rs::roam
