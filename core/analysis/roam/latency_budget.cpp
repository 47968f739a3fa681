// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/latency_budget.h"

#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace rs::roam {
namespace {

// Milliseconds without trailing zeros: 20 → "20", 12.5 → "12.5".
std::string msLabel(std::int64_t ns) {
  std::string s = fmt::format("{:.6f}", static_cast<double>(ns) / 1e6);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

const std::vector<Definition>& budgetDefinitionOrder() {
  // Key-management cost after association first (it compares methods with different authentications,
  // docs/latency.md); FT roams have no key messages, so their own exchange comes next.
  static const std::vector<Definition> order{Definition::ReassocToLastKey, Definition::FtActionToReassocResp,
                                             Definition::FtAuthToReassocResp, Definition::AuthToM4,
                                             Definition::DataToData, Definition::TotalWithScan};
  return order;
}

std::optional<std::vector<std::int64_t>> parseBudgetThresholds(std::string_view text, std::string& error) {
  std::vector<std::int64_t> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    const std::string_view item = text.substr(pos, comma - pos);
    double ms = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), ms);
    if (item.empty() || ec != std::errc() || end != item.data() + item.size() || !std::isfinite(ms) || ms <= 0 ||
        ms > 1e9) {
      error = fmt::format("'{}' is not a positive number of milliseconds", item);
      return std::nullopt;
    }
    const auto ns = static_cast<std::int64_t>(std::llround(ms * 1e6));
    if (!out.empty() && ns <= out.back()) {
      error = fmt::format("thresholds must be strictly ascending ('{}')", item);
      return std::nullopt;
    }
    out.push_back(ns);
    pos = comma + 1;
  }
  return out;
}

namespace {

// The label of one class: "≤T ms" for a threshold, ">T ms" past the last one (classIndex == thresholds).
std::string classLabel(const LatencyBudget& budget, std::size_t classIndex) {
  if (classIndex < budget.thresholdsNs.size()) return fmt::format("≤{} ms", msLabel(budget.thresholdsNs[classIndex]));
  return fmt::format(">{} ms", msLabel(budget.thresholdsNs.back()));
}

}  // namespace

std::vector<std::string> budgetClassLabels(const LatencyBudget& budget) {
  std::vector<std::string> labels;
  if (budget.thresholdsNs.empty()) return labels;
  for (std::size_t i = 0; i <= budget.thresholdsNs.size(); ++i) labels.push_back(classLabel(budget, i));
  return labels;
}

std::optional<BudgetVerdict> classify(const LatencyBudget& budget, const HandoffRecord& record) {
  if (!record.success || budget.thresholdsNs.empty()) return std::nullopt;
  std::optional<Definition> chosen;
  if (budget.definition) {
    if (record.latencyNs.count(*budget.definition)) chosen = budget.definition;
  } else {
    for (Definition d : budgetDefinitionOrder())
      if (record.latencyNs.count(d)) {
        chosen = d;
        break;
      }
  }
  if (!chosen) return std::nullopt;
  BudgetVerdict v;
  v.definition = *chosen;
  v.latencyNs = record.latencyNs.at(*chosen);
  v.classIndex = budget.thresholdsNs.size();
  for (std::size_t i = 0; i < budget.thresholdsNs.size(); ++i)
    if (v.latencyNs <= budget.thresholdsNs[i]) {
      v.classIndex = i;
      break;
    }
  v.label = classLabel(budget, v.classIndex);  // one label, not all of them: this runs for every record
  return v;
}

std::optional<Diagnostic> overBudgetDiagnostic(const LatencyBudget& budget, const BudgetVerdict& v) {
  if (budget.thresholdsNs.empty() || v.classIndex < budget.thresholdsNs.size()) return std::nullopt;
  Diagnostic d;
  d.kind = "over-latency-budget";
  d.message = fmt::format("{} of {} ms is over the {} ms budget", definitionName(v.definition),
                          msLabel(v.latencyNs), msLabel(budget.thresholdsNs.back()));
  d.values = {{"definition", std::string(definitionName(v.definition))},
              {"latency_ms", static_cast<double>(v.latencyNs) / 1e6},
              {"budget_ms", static_cast<double>(budget.thresholdsNs.back()) / 1e6}};
  return d;
}

}  // namespace rs::roam
