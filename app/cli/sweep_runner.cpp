// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/sweep_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <fstream>
#include <sstream>

#include "app/cli/exit_codes.h"
#include "app/cli/html_report_file.h"
#include "core/report/output_file.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/protocols/emulated_network.h"
#include "core/protocols/mip/mip_run_figures.h"
#include "core/protocols/wlan/run_figures.h"
#include "core/protocols/wlan/wlan_network.h"
#include "core/sim/json_cursor.h"
#include "core/sim/scenario.h"
#include "core/sim/scenario_override.h"
#include "ui/report/sweep_csv.h"
#include "ui/report/sweep_report.h"
#include "ui/report/sweep_series.h"

namespace rs::cli {
namespace {

std::string ms(std::optional<std::int64_t> ns) {
  return ns ? fmt::format("{:.3f}", static_cast<double>(*ns) / 1e6) : std::string();
}

// The definitions a comparison reads, in report order.
constexpr roam::Definition kColumns[] = {roam::Definition::AuthToM4, roam::Definition::FtAuthToReassocResp,
                                         roam::Definition::ReassocToLastKey, roam::Definition::RequestToResponse,
                                         roam::Definition::TotalWithScan, roam::Definition::DataToData};

// One row per run and method the run's roams used.
struct Row {
  std::vector<std::string> parameters;
  std::uint64_t seed = 0;
  wlan::RunFigures figures;
  std::optional<wlan::MethodFigures> method;  // none: the run had no successful roam
};

std::vector<std::string> header(const std::vector<sim::SweepAxis>& axes) {
  std::vector<std::string> h;
  for (const auto& a : axes) h.push_back(a.path);
  for (const char* c : {"seed", "roams", "failed", "method", "method_roams", "handoff_ms", "preparation_ms",
                        "preparation_max_ms"})
    h.emplace_back(c);
  for (roam::Definition d : kColumns) h.push_back(std::string(roam::definitionName(d)) + "_ms");
  for (const char* c : {"voice_lost", "voice_offered", "events"}) h.emplace_back(c);
  return h;
}

std::vector<std::string> cells(const Row& r) {
  std::vector<std::string> c = r.parameters;
  c.push_back(std::to_string(r.seed));
  c.push_back(std::to_string(r.figures.roams));
  c.push_back(std::to_string(r.figures.roamsFailed));
  const wlan::MethodFigures* m = r.method ? &*r.method : nullptr;
  c.push_back(m ? m->method : std::string());
  c.push_back(m ? std::to_string(m->roams) : std::string());
  c.push_back(m ? ms(m->handoffNs) : std::string());
  c.push_back(m ? ms(m->preparationNs) : std::string());
  c.push_back(m ? ms(m->preparationMaxNs) : std::string());
  for (roam::Definition d : kColumns) {
    const auto it = m ? m->latencyNs.find(d) : std::map<roam::Definition, std::int64_t>::const_iterator{};
    c.push_back(!m || it == m->latencyNs.end() ? std::string() : ms(it->second));
  }
  c.push_back(std::to_string(r.figures.voiceLost));
  c.push_back(std::to_string(r.figures.voiceOffered));
  c.push_back(std::to_string(r.figures.events));
  return c;
}

std::vector<std::vector<std::string>> cellsOf(const std::vector<Row>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(cells(r));
  return out;
}

std::string asMarkdown(const std::vector<std::string>& head, const std::vector<Row>& rows) {
  std::string out;
  auto line = [&out](const std::vector<std::string>& v) {
    out += "|";
    for (const auto& s : v) out += " " + (s.empty() ? std::string("–") : s) + " |";
    out += "\n";
  };
  line(head);
  out += "|";
  for (std::size_t i = 0; i < head.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : rows) line(cells(r));
  return out;
}

// With two axes, the handoff latency as a grid: a row per value of the first axis and method used,
// a column per value of the second (how each method scales with, say, the AS round trip).
std::string handoffPivot(const std::vector<sim::SweepAxis>& axes, const std::vector<Row>& rows) {
  if (axes.size() != 2) return {};
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& r : rows) {
    if (!r.method) continue;
    const std::pair<std::string, std::string> k{r.parameters[0], r.method->method};
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  std::string out = fmt::format("\nMedian handoff (ms) by {}:\n\n| {} → method used |", axes[1].path, axes[0].path);
  for (const auto& v : axes[1].values) out += " " + v + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < axes[1].values.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& [first, method] : keys) {
    out += fmt::format("| {} → {} |", first, method);
    for (const auto& v : axes[1].values) {
      std::string cell = "–";
      for (const auto& r : rows)
        if (r.method && r.parameters[0] == first && r.method->method == method && r.parameters[1] == v)
          cell = ms(r.method->handoffNs);
      out += " " + cell + " |";
    }
    out += "\n";
  }
  return out;
}

// The sweep report: the table, and the median handoff against the last axis when its values are numbers.
ui::SweepReport reportOf(const SweepRequest& request, const std::vector<sim::SweepAxis>& axes,
                         const std::vector<std::string>& head, const std::vector<Row>& rows) {
  ui::SweepReport report;
  report.scenario = request.scenario;
  report.axes = request.axes;
  report.header = head;
  report.rows = cellsOf(rows);
  ui::addSweepSeries(report, axes.size());
  return report;
}

}  // namespace

int runSweep(const SweepRequest& request) {
  if (!request.out.empty() && !hasExtension(request.out, ".csv") && !hasExtension(request.out, ".md") &&
      !hasExtension(request.out, ".html")) {
    fmt::print(stderr, "roamscope-cli: --sweep-out: '{}' must end in .csv, .md or .html\n", request.out);
    return kExitUsage;
  }
  std::vector<sim::SweepAxis> axes;
  for (const auto& spec : request.axes) {
    auto axis = sim::parseSweepAxis(spec);
    if (!axis) {
      fmt::print(stderr, "roamscope-cli: {}\n", sim::badSweepAxisMessage(spec));
      return kExitUsage;
    }
    axes.push_back(std::move(*axis));
  }
  auto document = sim::readJsonFile(request.scenario);
  if (auto* error = std::get_if<sim::ConfigError>(&document)) {
    fmt::print(stderr, "roamscope-cli: {}\n", error->message());
    return kExitInput;
  }
  std::size_t runs = 1;
  for (const auto& a : axes) runs *= a.values.size();
  std::vector<Row> rows;
  for (std::size_t n = 0; n < runs; ++n) {
    nlohmann::json doc = std::get<nlohmann::json>(document);
    Row row;
    std::size_t rest = n;
    std::vector<std::size_t> index(axes.size());
    for (std::size_t i = axes.size(); i-- > 0;) {
      index[i] = rest % axes[i].values.size();
      rest /= axes[i].values.size();
    }
    for (std::size_t i = 0; i < axes.size(); ++i) {
      const std::string& value = axes[i].values[index[i]];
      row.parameters.push_back(value);
      if (auto error = sim::applyOverride(doc, {axes[i].path, value}, request.scenario)) {
        fmt::print(stderr, "roamscope-cli: {}\n", sim::badSweepKeyMessage(axes[i].path, *error));
        return kExitUsage;
      }
    }
    auto parsed = sim::parseScenario(doc.dump(), request.scenario);
    if (auto* error = std::get_if<sim::ConfigError>(&parsed)) {
      fmt::print(stderr, "roamscope-cli: {}\n", error->message());
      return kExitInput;
    }
    auto scenario = std::get<sim::Scenario>(std::move(parsed));
    if (request.durationSeconds) scenario.duration = sim::fromSeconds(*request.durationSeconds);
    auto created = protocols::createNetwork(scenario, request.seed);
    if (auto* error = std::get_if<std::string>(&created)) {
      fmt::print(stderr, "roamscope-cli: {}\n", *error);
      return kExitInput;
    }
    auto& network = *std::get<std::unique_ptr<protocols::EmulatedNetwork>>(created);
    network.runToDuration();
    row.seed = network.simulation().seed();
    if (auto* wlanRun = dynamic_cast<wlan::WlanNetwork*>(&network))
      row.figures = wlan::runFigures(wlanRun->truth().records(), wlanRun->summary());
    else if (auto* mipRun = dynamic_cast<mip::MipNetwork*>(&network))
      row.figures = mip::runFigures(mipRun->truth().records(), mipRun->summary());
    std::string label;
    for (std::size_t i = 0; i < axes.size(); ++i) label += fmt::format("{}{}={}", i ? " " : "", axes[i].path, row.parameters[i]);
    // One line per run, "run N/M: ...": the desktop application's sweep reads its progress from it.
    fmt::print(stderr, "run {}/{}: {}: {} roams, {} failed\n", n + 1, runs, label, row.figures.roams,
               row.figures.roamsFailed);
    if (row.figures.methods.empty()) rows.push_back(row);
    for (const auto& m : row.figures.methods) {
      Row perMethod = row;
      perMethod.method = m;
      rows.push_back(std::move(perMethod));
    }
  }
  const auto head = header(axes);
  const std::string pivot = handoffPivot(axes, rows);
  fmt::print("{}{}", asMarkdown(head, rows), pivot);
  if (!request.out.empty()) {
    const std::string text = hasExtension(request.out, ".csv")    ? ui::sweepCsv(head, cellsOf(rows))
                             : hasExtension(request.out, ".html") ? sweepReport(reportOf(request, axes, head, rows))
                                                                  : asMarkdown(head, rows) + pivot;
    if (!writeOutputFile(request.out, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the sweep table\n", request.out);
      return kExitInput;
    }
  }
  return kExitOk;
}

}  // namespace rs::cli
