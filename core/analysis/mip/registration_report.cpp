// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/mip/registration_report.h"

#include <fmt/format.h>

#include "core/analysis/roam/roam_report.h"
#include "dissectors/common/field.h"

namespace rs::mipreg {
namespace {

std::string address(std::uint32_t a) { return ipv4String(a); }
std::string msText(std::int64_t ns) { return millisecondsText(ns); }
std::string identificationText(std::uint64_t id) { return fmt::format("0x{:016x}", id); }


nlohmann::ordered_json recordJson(const RegistrationRecord& r) {
  nlohmann::ordered_json j;
  j["nai"] = r.nai;
  j["home_address"] = address(r.homeAddress);
  j["home_agent"] = address(r.homeAgent);
  j["care_of_address"] = address(r.careOfAddress);
  j["foreign_agent"] = r.foreignAgent ? nlohmann::ordered_json(address(*r.foreignAgent)) : nlohmann::ordered_json(nullptr);
  j["trigger"] = std::string(triggerName(r.trigger));
  j["auth"] = std::string(authName(r.auth));
  j["identification"] = identificationText(r.identification);
  j["lifetime_s"] = r.lifetime;
  j["outcome"] = r.success ? "success" : "failed";
  j["code"] = r.code ? nlohmann::ordered_json(*r.code) : nlohmann::ordered_json(nullptr);
  j["reason"] = r.reason;
  j["retransmissions"] = r.retransmissions;
  j["start"] = roam::epochString(r.startNs);
  j["end"] = roam::epochString(r.endNs);
  nlohmann::ordered_json steps = nlohmann::ordered_json::object();
  for (const auto& [step, t] : r.steps) steps[std::string(stepName(step))] = roam::epochString(t);
  j["steps"] = std::move(steps);
  nlohmann::ordered_json latency = nlohmann::ordered_json::object();
  for (const auto& [figure, ns] : r.latencyNs) latency[std::string(figureName(figure))] = roam::toMilliseconds(ns);
  j["latency_ms"] = std::move(latency);
  return j;
}

nlohmann::ordered_json statsJson(const roam::LatencyStats& s) {
  return {{"count", s.count},
          {"min", roam::toMilliseconds(s.minNs)},
          {"median", roam::toMilliseconds(s.medianNs)},
          {"p90", roam::toMilliseconds(s.p90Ns)},
          {"p99", roam::toMilliseconds(s.p99Ns)},
          {"max", roam::toMilliseconds(s.maxNs)}};
}

}  // namespace

std::string millisecondsText(std::int64_t ns) { return fmt::format("{:.3f}", roam::toMilliseconds(ns)); }

std::vector<RegistrationSummary> summarize(const std::vector<RegistrationRecord>& records) {
  std::map<std::pair<Trigger, Auth>, std::pair<RegistrationSummary, std::map<Figure, std::vector<std::int64_t>>>> groups;
  for (const RegistrationRecord& r : records) {
    auto& [summary, values] = groups[{r.trigger, r.auth}];
    summary.trigger = r.trigger;
    summary.auth = r.auth;
    ++summary.registrations;
    if (!r.success) continue;
    ++summary.succeeded;
    for (const auto& [figure, ns] : r.latencyNs) values[figure].push_back(ns);
  }
  std::vector<RegistrationSummary> out;
  for (auto& [key, group] : groups) {
    for (auto& [figure, values] : group.second) group.first.latency[figure] = roam::latencyStats(std::move(values));
    out.push_back(std::move(group.first));
  }
  return out;
}

nlohmann::ordered_json registrationReportJson(const std::vector<RegistrationRecord>& records,
                                              const RegistrationReportContext& context) {
  nlohmann::ordered_json j;
  j["format"] = "roamscope-registration-report";
  j["version"] = kRegistrationReportVersion;
  j["inputs"] = context.inputs;
  auto figures = nlohmann::ordered_json::array();
  for (Figure f : kFigures) figures.push_back(std::string(figureName(f)));
  j["figures"] = std::move(figures);
  auto list = nlohmann::ordered_json::array();
  for (const RegistrationRecord& r : records) list.push_back(recordJson(r));
  j["registrations"] = std::move(list);
  auto summary = nlohmann::ordered_json::array();
  for (const RegistrationSummary& s : summarize(records)) {
    nlohmann::ordered_json e;
    e["trigger"] = std::string(triggerName(s.trigger));
    e["auth"] = std::string(authName(s.auth));
    e["registrations"] = s.registrations;
    e["succeeded"] = s.succeeded;
    e["failed"] = s.registrations - s.succeeded;
    nlohmann::ordered_json latency = nlohmann::ordered_json::object();
    for (const auto& [figure, stats] : s.latency) latency[std::string(figureName(figure))] = statsJson(stats);
    e["latency_ms"] = std::move(latency);
    summary.push_back(std::move(e));
  }
  j["summary"] = std::move(summary);
  return j;
}

std::string registrationReportCsv(const std::vector<RegistrationRecord>& records) {
  std::string out = "start,nai,home_address,home_agent,care_of_address,foreign_agent,trigger,auth,identification,"
                    "outcome,code,retransmissions";
  for (Figure f : kFigures) out += fmt::format(",{}_ms", figureName(f));
  out += ",reason\n";
  for (const RegistrationRecord& r : records) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}", roam::epochString(r.startNs), r.nai, address(r.homeAddress),
                       address(r.homeAgent), address(r.careOfAddress), r.foreignAgent ? address(*r.foreignAgent) : "",
                       triggerName(r.trigger), authName(r.auth), identificationText(r.identification),
                       r.success ? "success" : "failed", r.code ? std::to_string(*r.code) : "", r.retransmissions);
    for (Figure f : kFigures) {
      const auto it = r.latencyNs.find(f);
      out += "," + (it == r.latencyNs.end() ? std::string() : msText(it->second));
    }
    // The reason is free text: quote it (RFC 4180) with inner quotes doubled.
    std::string reason;
    for (char c : r.reason) reason += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += fmt::format(",\"{}\"\n", reason);
  }
  return out;
}

std::string registrationReportText(const std::vector<RegistrationRecord>& records) {
  std::string out = fmt::format("{:<3} {:>20} {:<15} {:<15} {:<15} {:<14} {:<11} {:<7} {:>4}", "#", "start", "home",
                                "care-of", "via FA", "trigger", "auth", "outcome", "code");
  for (Figure f : kFigures) out += fmt::format(" {:>{}}", figureName(f), figureName(f).size());
  out += "\n";
  std::size_t n = 0;
  for (const RegistrationRecord& r : records) {
    out += fmt::format("{:<3} {:>20} {:<15} {:<15} {:<15} {:<14} {:<11} {:<7} {:>4}", ++n, roam::epochString(r.startNs),
                       address(r.homeAddress), address(r.careOfAddress), r.foreignAgent ? address(*r.foreignAgent) : "-",
                       triggerName(r.trigger), authName(r.auth), r.success ? "success" : "failed",
                       r.code ? std::to_string(*r.code) : "-");
    for (Figure f : kFigures) {
      const auto it = r.latencyNs.find(f);
      out += fmt::format(" {:>{}}", it == r.latencyNs.end() ? "-" : msText(it->second), figureName(f).size());
    }
    out += "\n";
    if (!r.success && !r.reason.empty()) out += fmt::format("    {}\n", r.reason);
    if (r.retransmissions) out += fmt::format("    {} retransmission(s)\n", r.retransmissions);
  }
  out += fmt::format("\n{} registration(s)\n", records.size());
  for (const RegistrationSummary& s : summarize(records)) {
    out += fmt::format("{:<14} {:<11} {} registration(s), {} succeeded", triggerName(s.trigger), authName(s.auth),
                       s.registrations, s.succeeded);
    if (const auto it = s.latency.find(Figure::Registration); it != s.latency.end())
      out += fmt::format("; registration ms: min {} median {} p90 {} max {}", msText(it->second.minNs),
                         msText(it->second.medianNs), msText(it->second.p90Ns), msText(it->second.maxNs));
    out += "\n";
  }
  return out;
}

}  // namespace rs::mipreg
