// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/roam_report.h"

#include <fmt/format.h>

#include <variant>

#include "core/analysis/roam/exchange_summary.h"

namespace rs::roam {
namespace {

std::vector<Definition> reportedDefinitions(const ReportContext& c) {
  if (c.onlyDefinition) return {*c.onlyDefinition};
  std::vector<Definition> all;
  for (int i = 0; i < kDefinitionCount; ++i) all.push_back(static_cast<Definition>(i));
  return all;
}

template <typename T>
nlohmann::ordered_json optionalJson(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json diagnosticJson(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["kind"] = d.kind;
  j["message"] = d.message;
  for (const auto& [key, value] : d.values) std::visit([&, &k = key](const auto& v) { j[k] = v; }, value);
  return j;
}

// Frame numbers in the report count from 1, as tshark's frame.number does for a single file.
std::uint64_t frameNumber(std::uint64_t streamIndex) { return streamIndex + 1; }

nlohmann::ordered_json exchangeJson(const Exchange& x) {
  nlohmann::ordered_json j;
  j["kind"] = std::string(exchangeKindName(x.kind));
  j["step"] = x.step.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x.step);
  j["request"] = epochString(x.request.ns);
  j["response"] = epochString(x.response.ns);
  j["request_frame"] = frameNumber(x.request.frame);
  j["response_frame"] = frameNumber(x.response.frame);
  j["latency_ms"] = toMilliseconds(x.latencyNs());
  j["retries"] = x.retries;
  j["channel"] = optionalJson(x.channel);
  j["status"] = optionalJson(x.status);
  j["identifier"] = optionalJson(x.identifier);
  return j;
}

// The summary describes handoffs; handshake-only records are listed but not counted as handoffs.
std::vector<HandoffRecord> handoffsOnly(const std::vector<HandoffRecord>& records) {
  std::vector<HandoffRecord> out;
  for (const HandoffRecord& r : records)
    if (r.kind == RecordKind::Handoff) out.push_back(r);
  return out;
}

// The CSV's exchange columns: which exchange of a kind each shows.
const Exchange* firstExchange(const HandoffRecord& r, ExchangeKind k) {
  for (const Exchange& x : r.exchanges)
    if (x.kind == k) return &x;
  return nullptr;
}

std::string diagnosticsText(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += fmt::format("{}{}: {}", out.empty() ? "" : " | ", d.kind, d.message);
  return out;
}

nlohmann::ordered_json handoffJson(const HandoffRecord& r, const ReportContext& c) {
  nlohmann::ordered_json j;
  j["record_kind"] = std::string(recordKindName(r.kind));
  j["sta"] = r.sta.toString();
  j["from_bssid"] = r.from ? nlohmann::ordered_json(r.from->bssid.toString()) : nlohmann::ordered_json(nullptr);
  j["to_bssid"] = r.to.bssid.toString();
  j["from_channel"] = r.from ? optionalJson(r.from->channel) : nlohmann::ordered_json(nullptr);
  j["to_channel"] = optionalJson(r.to.channel);
  j["rssi_before_dbm"] = r.from ? optionalJson(r.from->signalDbm) : nlohmann::ordered_json(nullptr);
  j["rssi_after_dbm"] = optionalJson(r.to.signalDbm);
  j["method"] = std::string(methodName(r.method));
  j["outcome"] = r.success ? "success" : "failed";
  if (r.failure) {
    j["failure"] = {{"stage", r.failure->stage}, {"code", optionalJson(r.failure->code)},
                    {"reason", r.failure->reason}};
  }
  j["start"] = epochString(r.startNs);
  j["end"] = epochString(r.endNs);
  auto phases = nlohmann::ordered_json::array();
  for (const Phase& p : r.phases) {
    phases.push_back({{"name", std::string(phaseName(p.kind))},
                      {"start", epochString(p.startNs)},
                      {"end", epochString(p.endNs)},
                      {"duration_ms", toMilliseconds(p.endNs - p.startNs)}});
  }
  j["phases"] = std::move(phases);
  j["scan_channels"] = r.scanChannels;
  auto latency = nlohmann::ordered_json::object();
  for (Definition d : reportedDefinitions(c)) {
    if (auto it = r.latencyNs.find(d); it != r.latencyNs.end())
      latency[std::string(definitionName(d))] = toMilliseconds(it->second);
  }
  j["latency_ms"] = std::move(latency);
  auto exchanges = nlohmann::ordered_json::array();
  for (const Exchange& x : r.exchanges) exchanges.push_back(exchangeJson(x));
  j["exchanges"] = std::move(exchanges);
  j["exchanges_dropped"] = r.exchangesDropped;
  if (c.keysGiven) j["keys"] = {{"mics_verified", optionalJson(r.micsVerified)}, {"pmkid_valid", optionalJson(r.pmkidValid)}};
  j["budget"] = r.budget ? nlohmann::ordered_json{{"class", r.budget->label},
                                                  {"definition", std::string(definitionName(r.budget->definition))},
                                                  {"latency_ms", toMilliseconds(r.budget->latencyNs)}}
                         : nlohmann::ordered_json(nullptr);
  auto diagnostics = nlohmann::ordered_json::array();
  for (const Diagnostic& d : r.diagnostics) diagnostics.push_back(diagnosticJson(d));
  j["diagnostics"] = std::move(diagnostics);
  return j;
}

nlohmann::ordered_json summaryJson(const std::vector<HandoffRecord>& allRecords, const ReportContext& c) {
  const std::vector<HandoffRecord> records = handoffsOnly(allRecords);
  auto out = nlohmann::ordered_json::array();
  for (const MethodSummary& m : summarizeByMethod(records)) {
    nlohmann::ordered_json j;
    j["method"] = std::string(methodName(m.method));
    j["handoffs"] = m.handoffs;
    j["succeeded"] = m.succeeded;
    j["failed"] = m.failed;
    auto latency = nlohmann::ordered_json::object();
    for (Definition d : reportedDefinitions(c)) {
      auto it = m.latency.find(d);
      if (it == m.latency.end()) continue;
      const LatencyStats& s = it->second;
      latency[std::string(definitionName(d))] = {
          {"count", s.count}, {"min", toMilliseconds(s.minNs)}, {"median", toMilliseconds(s.medianNs)},
          {"p90", toMilliseconds(s.p90Ns)}, {"p99", toMilliseconds(s.p99Ns)}, {"max", toMilliseconds(s.maxNs)}};
    }
    j["latency_ms"] = std::move(latency);
    auto exchanges = nlohmann::ordered_json::object();
    for (const auto& [kind, st] : exchangeStats(records, m.method)) {
      const LatencyStats& s = st.latency;
      exchanges[std::string(exchangeKindName(kind))] = {
          {"count", s.count},          {"min", toMilliseconds(s.minNs)}, {"median", toMilliseconds(s.medianNs)},
          {"p90", toMilliseconds(s.p90Ns)}, {"p99", toMilliseconds(s.p99Ns)}, {"max", toMilliseconds(s.maxNs)},
          {"retries", st.retries}};
    }
    j["exchanges_ms"] = std::move(exchanges);
    const auto labels = budgetClassLabels(c.budget);
    const auto counts = budgetClassCounts(records, m.method, c.budget);
    auto classes = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < labels.size(); ++i) classes[labels[i]] = counts[i];
    j["budget_classes"] = std::move(classes);
    out.push_back(std::move(j));
  }
  return out;
}

// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"') q += '"';
    q += ch;
  }
  return q + "\"";
}

template <typename T>
std::string optionalText(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : std::string();
}

std::string msText(std::int64_t ns) { return fmt::format("{:.3f}", toMilliseconds(ns)); }

}  // namespace

std::vector<std::size_t> budgetClassCounts(const std::vector<HandoffRecord>& records, Method method,
                                           const LatencyBudget& budget) {
  std::vector<std::size_t> counts(budgetClassLabels(budget).size(), 0);
  for (const HandoffRecord& r : records)
    if (r.method == method && r.budget && r.budget->classIndex < counts.size()) ++counts[r.budget->classIndex];
  return counts;
}

std::string epochString(std::int64_t ns) {
  const char* sign = ns < 0 ? "-" : "";
  const std::uint64_t a = ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  return fmt::format("{}{}.{:09}", sign, a / 1'000'000'000u, a % 1'000'000'000u);
}

double toMilliseconds(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

nlohmann::ordered_json reportJson(const std::vector<HandoffRecord>& records, const ReportContext& c) {
  nlohmann::ordered_json j;
  j["format"] = "roamscope-roam-report";
  j["version"] = kReportVersion;
  j["inputs"] = c.inputs;
  j["station"] = optionalJson(c.station);
  auto defs = nlohmann::ordered_json::array();
  for (Definition d : reportedDefinitions(c)) defs.push_back(std::string(definitionName(d)));
  j["definitions"] = std::move(defs);
  auto thresholds = nlohmann::ordered_json::array();
  for (std::int64_t t : c.budget.thresholdsNs) thresholds.push_back(toMilliseconds(t));
  j["budget"] = {{"thresholds_ms", std::move(thresholds)},
                 {"definition", c.budget.definition ? nlohmann::ordered_json(std::string(definitionName(*c.budget.definition)))
                                                    : nlohmann::ordered_json(nullptr)}};
  auto handoffs = nlohmann::ordered_json::array();
  for (const HandoffRecord& r : records) handoffs.push_back(handoffJson(r, c));
  j["handoffs"] = std::move(handoffs);
  j["summary"] = summaryJson(records, c);
  return j;
}

std::string reportCsv(const std::vector<HandoffRecord>& records, const ReportContext& c) {
  const auto defs = reportedDefinitions(c);
  std::string out =
      "sta,from_bssid,to_bssid,from_channel,to_channel,rssi_before_dbm,rssi_after_dbm,method,outcome,"
      "failure_stage,failure_code,failure_reason,start,end";
  for (Definition d : defs) out += fmt::format(",{}_ms", definitionName(d));
  for (int p = 0; p < kPhaseKindCount; ++p) {
    const auto name = phaseName(static_cast<PhaseKind>(p));
    out += fmt::format(",{}_start,{}_end", name, name);
  }
  out += ",record_kind,auth_rtt_ms,ft_action_rtt_ms,reassoc_rtt_ms,m1_m2_rtt_ms,m3_m4_rtt_ms,group_m1_m2_rtt_ms,"
         "eap_exchanges,eap_rtt_sum_ms,exchange_retries,exchanges_dropped";
  // Free text (the diagnostics) last but for the key verdicts, as before the exchange columns existed.
  out += ",budget_class,diagnostics";
  if (c.keysGiven) out += ",mics_verified,pmkid_valid";
  out += "\n";
  for (const HandoffRecord& r : records) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}", r.sta.toString(),
                       r.from ? r.from->bssid.toString() : "", r.to.bssid.toString(),
                       r.from ? optionalText(r.from->channel) : "", optionalText(r.to.channel),
                       r.from ? optionalText(r.from->signalDbm) : "", optionalText(r.to.signalDbm),
                       methodName(r.method), r.success ? "success" : "failed",
                       r.failure ? csvField(r.failure->stage) : "",
                       r.failure ? optionalText(r.failure->code) : "",
                       r.failure ? csvField(r.failure->reason) : "", epochString(r.startNs), epochString(r.endNs));
    for (Definition d : defs) {
      auto it = r.latencyNs.find(d);
      out += "," + (it == r.latencyNs.end() ? std::string() : msText(it->second));
    }
    for (int p = 0; p < kPhaseKindCount; ++p) {
      const Phase* ph = r.phase(static_cast<PhaseKind>(p));
      out += ph ? fmt::format(",{},{}", epochString(ph->startNs), epochString(ph->endNs)) : ",,";
    }
    out += fmt::format(",{}", recordKindName(r.kind));
    auto rtt = [](const Exchange* x) { return x ? "," + msText(x->latencyNs()) : std::string(","); };
    // The first authentication exchange (SAE: Commit, where the AP derives its PWE), the answered
    // (re)association and key exchanges (the last of each, after any restart).
    out += rtt(firstExchange(r, ExchangeKind::Authentication));
    out += rtt(r.lastExchange(ExchangeKind::FtAction));
    out += rtt(r.lastExchange(ExchangeKind::Reassociation));
    out += rtt(r.lastExchange(ExchangeKind::M1M2));
    out += rtt(r.lastExchange(ExchangeKind::M3M4));
    out += rtt(r.lastExchange(ExchangeKind::GroupM1M2));
    std::size_t eapCount = 0;
    std::int64_t eapSum = 0;
    int retries = 0;
    for (const Exchange& x : r.exchanges) {
      retries += x.retries;
      if (x.kind != ExchangeKind::Eap) continue;
      ++eapCount;
      eapSum += x.latencyNs();
    }
    out += fmt::format(",{},{},{},{}", eapCount, eapCount ? msText(eapSum) : "", retries, r.exchangesDropped);
    out += fmt::format(",{},{}", r.budget ? csvField(r.budget->label) : "", csvField(diagnosticsText(r.diagnostics)));
    if (c.keysGiven) out += fmt::format(",{},{}", optionalText(r.micsVerified), optionalText(r.pmkidValid));
    out += "\n";
  }
  return out;
}

std::string reportText(const std::vector<HandoffRecord>& records, const ReportContext& c) {
  const auto defs = reportedDefinitions(c);
  std::string out = fmt::format("{:<3} {:>20} {:<17} {:<21} {:<21} {:<11} {:<7}", "#", "start", "station",
                                "from (ch)", "to (ch)", "method", "outcome");
  for (Definition d : defs) out += fmt::format(" {:>{}}", definitionName(d), definitionName(d).size());
  out += fmt::format(" {:<8}", "budget");
  if (c.keysGiven) out += " mics";
  out += "\n";
  std::size_t n = 0;
  for (const HandoffRecord& r : records) {
    auto endpoint = [](const Endpoint& e) {
      return e.channel ? fmt::format("{} ({})", e.bssid.toString(), *e.channel) : e.bssid.toString();
    };
    out += fmt::format("{:<3} {:>20} {:<17} {:<21} {:<21} {:<11} {:<7}", ++n, epochString(r.startNs),
                       r.sta.toString(), r.from ? endpoint(*r.from) : "(join)", endpoint(r.to), methodName(r.method),
                       r.success ? "success" : "failed");
    for (Definition d : defs) {
      auto it = r.latencyNs.find(d);
      out += fmt::format(" {:>{}}", it == r.latencyNs.end() ? "-" : msText(it->second), definitionName(d).size());
    }
    out += fmt::format(" {:<8}", r.budget ? r.budget->label : "-");
    if (c.keysGiven) out += r.micsVerified ? (*r.micsVerified ? " ok" : " BAD") : " -";
    out += "\n";
    if (r.kind == RecordKind::HandshakeOnly) out += "    handshake only: no (re)association of it in the capture\n";
    if (r.failure) out += fmt::format("    failed at {}: {}\n", r.failure->stage, r.failure->reason);
    if (!r.exchanges.empty()) {
      std::string list;
      for (const Exchange& x : r.exchanges) {
        list += fmt::format("{}{}{} {}", list.empty() ? "" : ", ", exchangeKindName(x.kind),
                            x.step.empty() || x.step == exchangeKindName(x.kind) ? "" : fmt::format("({})", x.step), msText(x.latencyNs()));
        if (x.retries) list += fmt::format(" ({} {})", x.retries, x.retries == 1 ? "retry" : "retries");
      }
      if (r.exchangesDropped) list += fmt::format(", {} more not kept", r.exchangesDropped);
      out += fmt::format("    exchanges (ms): {}\n", list);
    }
    for (const Diagnostic& d : r.diagnostics) out += fmt::format("    diagnostic {}: {}\n", d.kind, d.message);
  }
  const std::vector<HandoffRecord> handoffs = handoffsOnly(records);
  out += fmt::format("\n{} handoff(s)", handoffs.size());
  if (handoffs.size() != records.size())
    out += fmt::format(" and {} handshake(s) without a (re)association", records.size() - handoffs.size());
  out += ". Latency in ms per method (nearest-rank percentiles):\n";
  for (const MethodSummary& m : summarizeByMethod(handoffs)) {
    out += fmt::format("{}: {} handoff(s), {} succeeded, {} failed\n", methodName(m.method), m.handoffs, m.succeeded,
                       m.failed);
    for (Definition d : defs) {
      auto it = m.latency.find(d);
      if (it == m.latency.end()) continue;
      const LatencyStats& s = it->second;
      out += fmt::format("  {:<26} n={:<4} min {} median {} p90 {} p99 {} max {}\n", definitionName(d), s.count,
                         msText(s.minNs), msText(s.medianNs), msText(s.p90Ns), msText(s.p99Ns), msText(s.maxNs));
    }
    for (const auto& [kind, st] : exchangeStats(handoffs, m.method)) {
      const LatencyStats& s = st.latency;
      out += fmt::format("  exchange {:<17} n={:<4} min {} median {} p90 {} p99 {} max {} retries {}\n",
                         exchangeKindName(kind), s.count, msText(s.minNs), msText(s.medianNs), msText(s.p90Ns),
                         msText(s.p99Ns), msText(s.maxNs), st.retries);
    }
    const auto labels = budgetClassLabels(c.budget);
    const auto counts = budgetClassCounts(handoffs, m.method, c.budget);
    std::string classes;
    for (std::size_t i = 0; i < labels.size(); ++i) classes += fmt::format("{}{} {}", i ? ", " : "", labels[i], counts[i]);
    out += fmt::format("  budget classes ({}): {}\n",
                       c.budget.definition ? definitionName(*c.budget.definition) : "reassoc-to-last-key or most specific",
                       classes);
  }
  return out;
}

}  // namespace rs::roam
