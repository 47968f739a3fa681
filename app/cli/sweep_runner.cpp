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

// One row per run and method (WLAN) or kind of registration (Mobile IP) the run used.
struct Row {
  std::vector<std::string> parameters;
  std::string method;                     // empty: the run had nothing successful to show
  std::optional<std::int64_t> medianNs;   // the method's median handoff or registration latency
  std::vector<std::string> figures;       // the columns after the parameters
};

// The columns after the parameters: a WLAN run's roams, or a Mobile IP run's registrations with their hops.
std::vector<std::string> figureColumns(bool mobileIp) {
  std::vector<std::string> h;
  if (mobileIp) {
    for (const char* c : {"seed", "registrations", "failed", "method", "method_registrations", "registration_ms"})
      h.emplace_back(c);
    for (mipreg::Figure f : mip::sweepHopFigures()) h.push_back(std::string(mipreg::figureName(f)) + "_ms");
    h.emplace_back("events");
    return h;
  }
  for (const char* c : {"seed", "roams", "failed", "method", "method_roams", "handoff_ms", "preparation_ms",
                        "preparation_max_ms"})
    h.emplace_back(c);
  for (roam::Definition d : kColumns) h.push_back(std::string(roam::definitionName(d)) + "_ms");
  for (const char* c : {"voice_lost", "voice_offered", "events"}) h.emplace_back(c);
  return h;
}

std::vector<std::string> header(const std::vector<sim::SweepAxis>& axes, bool mobileIp) {
  std::vector<std::string> h;
  for (const auto& a : axes) h.push_back(a.path);
  for (auto& c : figureColumns(mobileIp)) h.push_back(std::move(c));
  return h;
}

// A WLAN run's rows: one per method its successful roams used (one row without a method when there was none).
std::vector<Row> wlanRows(const Row& run, std::uint64_t seed, const wlan::RunFigures& f) {
  std::vector<Row> rows;
  auto row = [&](const wlan::MethodFigures* m) {
    Row r = run;
    r.figures = {std::to_string(seed), std::to_string(f.roams), std::to_string(f.roamsFailed)};
    r.figures.push_back(m ? m->method : std::string());
    r.figures.push_back(m ? std::to_string(m->roams) : std::string());
    r.figures.push_back(m ? ms(m->handoffNs) : std::string());
    r.figures.push_back(m ? ms(m->preparationNs) : std::string());
    r.figures.push_back(m ? ms(m->preparationMaxNs) : std::string());
    for (roam::Definition d : kColumns) {
      const auto it = m ? m->latencyNs.find(d) : std::map<roam::Definition, std::int64_t>::const_iterator{};
      r.figures.push_back(!m || it == m->latencyNs.end() ? std::string() : ms(it->second));
    }
    r.figures.push_back(std::to_string(f.voiceLost));
    r.figures.push_back(std::to_string(f.voiceOffered));
    r.figures.push_back(std::to_string(f.events));
    if (m) {
      r.method = m->method;
      r.medianNs = m->handoffNs;
    }
    rows.push_back(std::move(r));
  };
  if (f.methods.empty()) row(nullptr);
  for (const auto& m : f.methods) row(&m);
  return rows;
}

// A Mobile IP run's rows: one per kind of successful registration (one row without a kind when there was none).
std::vector<Row> mipRows(const Row& run, std::uint64_t seed, const mip::MipRunFigures& f) {
  std::vector<Row> rows;
  auto row = [&](const mip::RegistrationKindFigures* k) {
    Row r = run;
    r.figures = {std::to_string(seed), std::to_string(f.registrations), std::to_string(f.failed)};
    r.figures.push_back(k ? k->kind : std::string());
    r.figures.push_back(k ? std::to_string(k->registrations) : std::string());
    r.figures.push_back(k ? ms(k->registrationNs) : std::string());
    for (mipreg::Figure hop : mip::sweepHopFigures()) {
      const auto it = k ? k->hopNs.find(hop) : std::map<mipreg::Figure, std::int64_t>::const_iterator{};
      r.figures.push_back(!k || it == k->hopNs.end() ? std::string() : ms(it->second));
    }
    r.figures.push_back(std::to_string(f.events));
    if (k) {
      r.method = k->kind;
      r.medianNs = k->registrationNs;
    }
    rows.push_back(std::move(r));
  };
  if (f.kinds.empty()) row(nullptr);
  for (const auto& k : f.kinds) row(&k);
  return rows;
}

std::vector<std::string> cells(const Row& r) {
  std::vector<std::string> c = r.parameters;
  c.insert(c.end(), r.figures.begin(), r.figures.end());
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

// With two axes, the handoff (or registration) latency as a grid: a row per value of the first axis and method
// used, a column per value of the second (how each method scales with, say, the AS round trip).
std::string handoffPivot(const std::vector<sim::SweepAxis>& axes, const std::vector<Row>& rows, bool mobileIp) {
  if (axes.size() != 2) return {};
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& r : rows) {
    if (r.method.empty()) continue;
    const std::pair<std::string, std::string> k{r.parameters[0], r.method};
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  std::string out = fmt::format("\nMedian {} (ms) by {}:\n\n| {} → {} |", mobileIp ? "registration" : "handoff",
                                axes[1].path, axes[0].path, mobileIp ? "registration" : "method used");
  for (const auto& v : axes[1].values) out += " " + v + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < axes[1].values.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& [first, method] : keys) {
    out += fmt::format("| {} → {} |", first, method);
    for (const auto& v : axes[1].values) {
      std::string cell = "–";
      for (const auto& r : rows)
        if (r.method == method && r.parameters[0] == first && r.parameters[1] == v) cell = ms(r.medianNs);
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
  bool mobileIp = false;  // a Mobile IP scenario: registration columns (all runs of one sweep share the scenario's system)
  for (std::size_t n = 0; n < runs; ++n) {
    nlohmann::json doc = std::get<nlohmann::json>(document);
    for (const auto& o : request.fixed)
      if (auto error = sim::applyOverride(doc, o, request.scenario)) {
        fmt::print(stderr, "roamscope-cli: {}\n", sim::badOverrideKeyMessage(o.path, *error));
        return kExitUsage;
      }
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
    const std::uint64_t seed = network.simulation().seed();
    std::string label;
    for (std::size_t i = 0; i < axes.size(); ++i) label += fmt::format("{}{}={}", i ? " " : "", axes[i].path, row.parameters[i]);
    // One line per run, "run N/M: ...": the desktop application's sweep reads its progress from it.
    std::vector<Row> runRows;
    if (auto* mipRun = dynamic_cast<mip::MipNetwork*>(&network)) {
      mobileIp = true;
      const auto figures = mip::runFigures(mipRun->truth().records(), mipRun->summary());
      fmt::print(stderr, "run {}/{}: {}: {} registrations, {} failed\n", n + 1, runs, label, figures.registrations,
                 figures.failed);
      runRows = mipRows(row, seed, figures);
    } else if (auto* wlanRun = dynamic_cast<wlan::WlanNetwork*>(&network)) {
      const auto figures = wlan::runFigures(wlanRun->truth().records(), wlanRun->summary());
      fmt::print(stderr, "run {}/{}: {}: {} roams, {} failed\n", n + 1, runs, label, figures.roams, figures.roamsFailed);
      runRows = wlanRows(row, seed, figures);
    }
    for (auto& r : runRows) rows.push_back(std::move(r));
  }
  const auto head = header(axes, mobileIp);
  const std::string pivot = handoffPivot(axes, rows, mobileIp);
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
