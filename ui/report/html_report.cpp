// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_report.h"

#include <fmt/format.h>

#include "core/version.h"
#include "ui/report/html_figures.h"
#include "ui/report/html_tables.h"
#include "ui/report/html_writer.h"
#include "ui/report/input_files.h"

namespace rs::ui {
namespace {

// Inline and free of quotes, '<', '>' and '&', so the XML writer's escaping leaves it intact for HTML parsers,
// which read <style> as raw text. Light by default, dark when the reader's system asks for it.
constexpr const char* kStyle = R"css(
:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --bg: #ffffff; --muted: #5f6368; --line: #d0d4d9; --head: #f1f3f5; --bad: #b3261e;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e3e3e3; --bg: #17181a; --muted: #a0a4a8; --line: #3a3d41; --head: #222428; --bad: #f2b8b5; }
}
body {
  font-family: system-ui, sans-serif; color: var(--fg); background: var(--bg);
  margin: 2em auto; max-width: 1200px; padding: 0 1em; line-height: 1.4;
}
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid var(--line); padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.failed td { color: var(--bad); }
.scroll { overflow-x: auto; }
ul.inputs { margin: 0; padding-left: 1.2em; }
div.diag { margin: 0.1em 0; }
figure { margin: 1em 0 2em; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #ffffff; }
figcaption { color: var(--muted); font-size: 0.9em; max-width: 880px; }
dt { font-weight: 600; margin-top: 0.6em; }
footer { color: var(--muted); font-size: 0.85em; margin-top: 3em; }
)css";

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
  w.doctype();
  w.start(QStringLiteral("html"), {{QStringLiteral("xmlns"), QStringLiteral("http://www.w3.org/1999/xhtml")},
                                   {QStringLiteral("lang"), QStringLiteral("en")}});
  w.start(QStringLiteral("head"));
  w.voidElement(QStringLiteral("meta"), {{QStringLiteral("charset"), QStringLiteral("utf-8")}});
  w.voidElement(QStringLiteral("meta"),
                {{QStringLiteral("name"), QStringLiteral("generator")},
                 {QStringLiteral("content"), xmlText(fmt::format("RoamScope {}", versionString()))}});
  w.element(QStringLiteral("title"), QStringLiteral("RoamScope roam report"));
  w.element(QStringLiteral("style"), QString::fromLatin1(kStyle));
  w.end();

  w.start(QStringLiteral("body"));
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
  writeHandoffTable(w, records, context);
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
  w.end();  // body
  w.end();  // html
  // Auto-formatting starts the document with a line break before the DOCTYPE; the DOCTYPE must come first.
  if (out.startsWith('\n')) out.remove(0, 1);
  return std::string(out.constData(), static_cast<std::size_t>(out.size())) + "\n";
}

}  // namespace rs::ui
