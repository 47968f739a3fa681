// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_report.h"

#include <fmt/format.h>

#include "core/version.h"
#include "ui/report/html_document.h"
#include "ui/report/html_figures.h"
#include "ui/report/html_tables.h"
#include "ui/report/html_writer.h"
#include "ui/report/input_files.h"

namespace rs::ui {
namespace {


void section(HtmlWriter& w, const QString& id, const QString& title) {
  w.start(QStringLiteral("section"), {{QStringLiteral("id"), id}});
  w.element(QStringLiteral("h2"), title);
}

}  // namespace

std::string reportHtml(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                       const HtmlReportOptions& options) {
  const std::vector<InputFile> inputs = describeInputs(context.inputs);
  const std::vector<roam::HandoffRecord> handoffs = handoffRecordsOnly(records);
  std::size_t failed = 0;
  for (const roam::HandoffRecord& r : handoffs) failed += r.success ? 0 : 1;
  std::string overview =
      fmt::format("{} handoff attempt(s): {} succeeded, {} failed", handoffs.size(), handoffs.size() - failed, failed);
  if (handoffs.size() != records.size())
    overview += fmt::format("; {} EAPOL-Key handshake(s) without a (re)association in the capture",
                            records.size() - handoffs.size());
  overview += ".";

  QByteArray out;
  HtmlWriter w(&out);
  startReportDocument(w, QStringLiteral("RoamScope roam report"));
  w.element(QStringLiteral("h1"), QStringLiteral("RoamScope roam report"));
  w.element(QStringLiteral("p"), overview, {{QStringLiteral("id"), QStringLiteral("overview")}});

  section(w, QStringLiteral("parameters-section"), QStringLiteral("Parameters"));
  writeParametersTable(w, context, inputs, records.size());
  if (!options.clockOffsetLines.empty()) {
    w.element(QStringLiteral("h3"), QStringLiteral("Clock offsets"));
    w.element(QStringLiteral("p"),
              QStringLiteral("The files were merged by timestamp after each file's estimated clock offset was "
                             "removed (docs/latency.md, \u201cMerging captures: clock offsets\u201d)."));
    w.start(QStringLiteral("ul"), {{QStringLiteral("class"), QStringLiteral("inputs")}, {QStringLiteral("id"), QStringLiteral("clock-offsets")}});
    for (const std::string& line : options.clockOffsetLines) w.element(QStringLiteral("li"), std::string_view(line));
    w.end();
  }
  w.end();

  section(w, QStringLiteral("handoffs-section"), QStringLiteral("Handoffs"));
  w.element(QStringLiteral("p"),
            QStringLiteral("One row per record by start time (capture timestamps, seconds since the epoch): a handoff "
                           "attempt, or a handshake-only record for an EAPOL-Key handshake without a (re)association "
                           "in the capture. Latencies in milliseconds under each definition that applies; phases with "
                           "their durations and request/response exchanges with their round-trip times, in "
                           "milliseconds."));
  if (options.handoffTableRows && records.size() > *options.handoffTableRows) {
    const std::size_t listed = *options.handoffTableRows;
    const std::vector<roam::HandoffRecord> first(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(listed));
    writeHandoffTable(w, first, context);
    w.element(QStringLiteral("p"),
              fmt::format("The first {} of {} records are listed; the statistics and plots cover all of them, and "
                          "the HTML, JSON and CSV reports list every record.",
                          listed, records.size()),
              {{QStringLiteral("id"), QStringLiteral("handoffs-truncated")}});
  } else {
    writeHandoffTable(w, records, context);
  }
  w.end();

  section(w, QStringLiteral("statistics-section"), QStringLiteral("Statistics per method"));
  writeMethodTables(w, records, context);
  w.element(QStringLiteral("p"),
            QStringLiteral("Latency statistics in milliseconds over the successful handoffs, nearest-rank percentiles. "
                           "Handshake-only records are not counted."));
  writeExchangeTable(w, records);
  w.element(QStringLiteral("p"),
            QStringLiteral("Request/response round trips in milliseconds over every exchange of the method's handoffs, "
                           "successful or not, and the requests sent again before an answer came."));
  w.element(QStringLiteral("h3"), QStringLiteral("Latency budget classes"));
  w.element(QStringLiteral("p"),
            fmt::format("Successful handoffs per budget class, under {}.",
                        context.budget.definition ? std::string(roam::definitionName(*context.budget.definition))
                                                  : std::string("reassoc-to-last-key, or the most specific definition "
                                                                "that applies to the handoff")));
  writeBudgetTable(w, records, context);
  w.end();

  section(w, QStringLiteral("plots"), QStringLiteral("Plots"));
  writeFigures(w, records, context, options.plotFormat);
  w.end();

  writeGlossary(w);

  w.start(QStringLiteral("footer"));
  w.text(fmt::format("Made by RoamScope {} (roamscope-cli analyze). Report format: docs/report-format.md.",
                     versionString()));
  w.end();
  return finishReportDocument(w, out);
}

}  // namespace rs::ui
