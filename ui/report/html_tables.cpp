// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_tables.h"

#include <fmt/format.h>

#include <QStringList>

#include "core/analysis/roam/exchange_summary.h"
#include "core/version.h"
#include "ui/report/glossary.h"

namespace rs::ui {
namespace {

QString q(std::string_view s) { return xmlText(s); }

void headerRow(HtmlWriter& w, const QStringList& names) {
  w.start(QStringLiteral("thead"));
  w.start(QStringLiteral("tr"));
  for (const QString& n : names) w.element(QStringLiteral("th"), n, {{QStringLiteral("scope"), QStringLiteral("col")}});
  w.end();
  w.end();
}

void cell(HtmlWriter& w, const QString& text) { w.element(QStringLiteral("td"), text); }
void numberCell(HtmlWriter& w, const QString& text) {
  w.element(QStringLiteral("td"), text, {{QStringLiteral("class"), QStringLiteral("num")}});
}

void parameterRow(HtmlWriter& w, const QString& name, const QString& value) {
  w.start(QStringLiteral("tr"));
  w.element(QStringLiteral("th"), name, {{QStringLiteral("scope"), QStringLiteral("row")}});
  cell(w, value);
  w.end();
}

QString endpointText(const roam::Endpoint& e) {
  return q(e.channel ? fmt::format("{} ({})", e.bssid.toString(), *e.channel) : e.bssid.toString());
}

template <typename T>
QString optionalText(const std::optional<T>& v) {
  return v ? q(fmt::format("{}", *v)) : QString();
}

QString failureText(const roam::Failure& f) {
  return q(f.code ? fmt::format("{} ({}): {}", f.stage, *f.code, f.reason) : fmt::format("{}: {}", f.stage, f.reason));
}

QString phasesText(const roam::HandoffRecord& r) {
  std::string out;
  for (const roam::Phase& p : r.phases)
    out += fmt::format("{}{} {:.3f}", out.empty() ? "" : ", ", roam::phaseName(p.kind),
                       roam::toMilliseconds(p.endNs - p.startNs));
  return q(out);
}

// As the text report lists them: "authentication(open) 0.301, reassociation 1.020 (1 retry)".
QString exchangesText(const roam::HandoffRecord& r) {
  std::string out;
  for (const roam::Exchange& x : r.exchanges) {
    out += fmt::format("{}{}{} {:.3f}", out.empty() ? "" : ", ", roam::exchangeKindName(x.kind),
                       x.step.empty() ? "" : fmt::format("({})", x.step), roam::toMilliseconds(x.latencyNs()));
    if (x.retries) out += fmt::format(" ({} {})", x.retries, x.retries == 1 ? "retry" : "retries");
  }
  if (r.exchangesDropped) out += fmt::format(", {} more not kept", r.exchangesDropped);
  return q(out);
}

void statisticsCells(HtmlWriter& w, const roam::LatencyStats& s) {
  numberCell(w, QString::number(s.count));
  for (std::int64_t ns : {s.minNs, s.medianNs, s.p90Ns, s.p99Ns, s.maxNs}) numberCell(w, millisecondsText(ns));
}

QString keyCheckText(const std::optional<bool>& v, const char* good, const char* bad) {
  return v ? QString::fromLatin1(*v ? good : bad) : QStringLiteral("-");
}

void diagnosticsCell(HtmlWriter& w, const std::vector<roam::Diagnostic>& diagnostics) {
  w.start(QStringLiteral("td"));
  w.text(QString());
  for (const roam::Diagnostic& d : diagnostics) {
    w.start(QStringLiteral("div"), {{QStringLiteral("class"), QStringLiteral("diag")}});
    w.element(QStringLiteral("b"), d.kind);
    w.text(": " + d.message);
    w.end();
  }
  w.end();
}

}  // namespace

std::vector<roam::HandoffRecord> handoffRecordsOnly(const std::vector<roam::HandoffRecord>& records) {
  std::vector<roam::HandoffRecord> out;
  for (const roam::HandoffRecord& r : records)
    if (r.kind == roam::RecordKind::Handoff) out.push_back(r);
  return out;
}

std::vector<roam::Definition> reportedDefinitions(const roam::ReportContext& context) {
  if (context.onlyDefinition) return {*context.onlyDefinition};
  std::vector<roam::Definition> all;
  for (int i = 0; i < roam::kDefinitionCount; ++i) all.push_back(static_cast<roam::Definition>(i));
  return all;
}

QString millisecondsText(std::int64_t ns) { return q(fmt::format("{:.3f}", roam::toMilliseconds(ns))); }

void writeParametersTable(HtmlWriter& w, const roam::ReportContext& c, const std::vector<InputFile>& inputs,
                          std::size_t handoffs) {
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("parameters")}});
  w.start(QStringLiteral("tbody"));
  parameterRow(w, QStringLiteral("RoamScope version"), q(versionString()));
  w.start(QStringLiteral("tr"));
  w.element(QStringLiteral("th"), QStringLiteral("inputs"), {{QStringLiteral("scope"), QStringLiteral("row")}});
  w.start(QStringLiteral("td"));
  w.start(QStringLiteral("ul"), {{QStringLiteral("class"), QStringLiteral("inputs")}});
  for (const InputFile& f : inputs) {
    w.start(QStringLiteral("li"));
    w.element(QStringLiteral("code"), f.path);
    w.text(f.sizeBytes ? fmt::format(" ({} bytes)", *f.sizeBytes) : std::string(" (unreadable)"));
    w.end();
  }
  w.end();
  w.end();
  w.end();
  parameterRow(w, QStringLiteral("station filter"), c.station ? q(*c.station) : QStringLiteral("all stations"));
  QStringList defs;
  for (roam::Definition d : reportedDefinitions(c)) defs << q(roam::definitionName(d));
  parameterRow(w, QStringLiteral("latency definitions"),
               defs.join(QStringLiteral(", ")) + (c.onlyDefinition ? QStringLiteral(" (--definition)") : QString()));
  QStringList thresholds;
  for (std::int64_t t : c.budget.thresholdsNs) thresholds << q(fmt::format("{}", roam::toMilliseconds(t)));
  parameterRow(w, QStringLiteral("budget thresholds (ms)"), thresholds.join(QStringLiteral(", ")));
  parameterRow(w, QStringLiteral("budget definition"),
               c.budget.definition ? q(roam::definitionName(*c.budget.definition))
                                   : QStringLiteral("reassoc-to-last-key, else the most specific one that applies"));
  parameterRow(
      w, QStringLiteral("keys given"),
      c.keysGiven ? QStringLiteral("yes (MICs and PMKIDs checked; the keys are not shown)") : QStringLiteral("no"));
  parameterRow(w, QStringLiteral("handoff attempts"), QString::number(handoffs));
  w.end();
  w.end();
}

void writeHandoffTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& c) {
  const auto defs = reportedDefinitions(c);
  QStringList header{QStringLiteral("#"),
                     QStringLiteral("record"),
                     QStringLiteral("start"),
                     QStringLiteral("station"),
                     QStringLiteral("from (ch)"),
                     QStringLiteral("to (ch)"),
                     QStringLiteral("RSSI before (dBm)"),
                     QStringLiteral("RSSI after (dBm)"),
                     QStringLiteral("method"),
                     QStringLiteral("outcome"),
                     QStringLiteral("failure")};
  for (roam::Definition d : defs) header << q(roam::definitionName(d)) + QStringLiteral(" (ms)");
  header << QStringLiteral("phases (ms)") << QStringLiteral("exchanges (ms)") << QStringLiteral("budget");
  if (c.keysGiven) header << QStringLiteral("MICs") << QStringLiteral("PMKID");
  header << QStringLiteral("diagnostics");

  w.start(QStringLiteral("div"), {{QStringLiteral("class"), QStringLiteral("scroll")}});
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("handoffs")}});
  headerRow(w, header);
  w.start(QStringLiteral("tbody"));
  std::size_t n = 0;
  for (const roam::HandoffRecord& r : records) {
    w.start(QStringLiteral("tr"),
            {{QStringLiteral("class"), r.success ? QStringLiteral("ok") : QStringLiteral("failed")}});
    numberCell(w, QString::number(++n));
    cell(w, q(roam::recordKindName(r.kind)));
    cell(w, q(roam::epochString(r.startNs)));
    cell(w, q(r.sta.toString()));
    cell(w, r.from ? endpointText(*r.from) : QStringLiteral("(join)"));
    cell(w, endpointText(r.to));
    numberCell(w, r.from ? optionalText(r.from->signalDbm) : QString());
    numberCell(w, optionalText(r.to.signalDbm));
    cell(w, q(roam::methodName(r.method)));
    cell(w, r.success ? QStringLiteral("success") : QStringLiteral("failed"));
    cell(w, r.failure ? failureText(*r.failure) : QString());
    for (roam::Definition d : defs) {
      auto it = r.latencyNs.find(d);
      numberCell(w, it == r.latencyNs.end() ? QStringLiteral("-") : millisecondsText(it->second));
    }
    cell(w, phasesText(r));
    cell(w, exchangesText(r));
    cell(w, r.budget ? q(r.budget->label) : QStringLiteral("-"));
    if (c.keysGiven) {
      cell(w, keyCheckText(r.micsVerified, "ok", "BAD"));
      cell(w, keyCheckText(r.pmkidValid, "valid", "invalid"));
    }
    diagnosticsCell(w, r.diagnostics);
    w.end();
  }
  w.end();
  w.end();
  w.end();
}

void writeMethodTables(HtmlWriter& w, const std::vector<roam::HandoffRecord>& allRecords,
                       const roam::ReportContext& c) {
  const std::vector<roam::HandoffRecord> records = handoffRecordsOnly(allRecords);
  const auto summaries = roam::summarizeByMethod(records);
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("methods")}});
  headerRow(
      w, {QStringLiteral("method"), QStringLiteral("handoffs"), QStringLiteral("succeeded"), QStringLiteral("failed")});
  w.start(QStringLiteral("tbody"));
  for (const roam::MethodSummary& m : summaries) {
    w.start(QStringLiteral("tr"));
    cell(w, q(roam::methodName(m.method)));
    numberCell(w, QString::number(m.handoffs));
    numberCell(w, QString::number(m.succeeded));
    numberCell(w, QString::number(m.failed));
    w.end();
  }
  w.end();
  w.end();

  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("statistics")}});
  headerRow(w, {QStringLiteral("method"), QStringLiteral("definition"), QStringLiteral("n"), QStringLiteral("min"),
                QStringLiteral("median"), QStringLiteral("p90"), QStringLiteral("p99"), QStringLiteral("max")});
  w.start(QStringLiteral("tbody"));
  for (const roam::MethodSummary& m : summaries) {
    for (roam::Definition d : reportedDefinitions(c)) {
      auto it = m.latency.find(d);
      if (it == m.latency.end()) continue;
      const roam::LatencyStats& s = it->second;
      w.start(QStringLiteral("tr"));
      cell(w, q(roam::methodName(m.method)));
      w.start(QStringLiteral("td"));
      w.element(QStringLiteral("a"), roam::definitionName(d),
                {{QStringLiteral("href"), QStringLiteral("#") + q(definitionAnchor(d))}});
      w.end();
      statisticsCells(w, s);
      w.end();
    }
  }
  w.end();
  w.end();
}

void writeExchangeTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& allRecords) {
  const std::vector<roam::HandoffRecord> records = handoffRecordsOnly(allRecords);
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("exchanges")}});
  headerRow(w, {QStringLiteral("method"), QStringLiteral("exchange"), QStringLiteral("n"), QStringLiteral("min"),
                QStringLiteral("median"), QStringLiteral("p90"), QStringLiteral("p99"), QStringLiteral("max"),
                QStringLiteral("retries")});
  w.start(QStringLiteral("tbody"));
  for (const roam::MethodSummary& m : roam::summarizeByMethod(records)) {
    for (const auto& [kind, st] : roam::exchangeStats(records, m.method)) {
      w.start(QStringLiteral("tr"));
      cell(w, q(roam::methodName(m.method)));
      cell(w, q(roam::exchangeKindName(kind)));
      statisticsCells(w, st.latency);
      numberCell(w, QString::number(st.retries));
      w.end();
    }
  }
  w.end();
  w.end();
}

void writeBudgetTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& allRecords, const roam::ReportContext& c) {
  const std::vector<roam::HandoffRecord> records = handoffRecordsOnly(allRecords);
  const auto labels = roam::budgetClassLabels(c.budget);
  QStringList header{QStringLiteral("method")};
  for (const std::string& l : labels) header << q(l);
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("budget")}});
  headerRow(w, header);
  w.start(QStringLiteral("tbody"));
  for (const roam::MethodSummary& m : roam::summarizeByMethod(records)) {
    const auto counts = roam::budgetClassCounts(records, m.method, c.budget);
    w.start(QStringLiteral("tr"));
    cell(w, q(roam::methodName(m.method)));
    for (std::size_t count : counts) numberCell(w, QString::number(count));
    w.end();
  }
  w.end();
  w.end();
}

}  // namespace rs::ui
