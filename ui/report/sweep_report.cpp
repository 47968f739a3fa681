// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/sweep_report.h"

#include <fmt/format.h>

#include "ui/report/html_document.h"
#include "ui/report/html_writer.h"

namespace rs::ui {

std::string sweepReportHtml(const SweepReport& report, const PlotImageFormat& format) {
  QByteArray out;
  HtmlWriter w(&out);
  startReportDocument(w, QStringLiteral("RoamScope sweep report"));
  w.element(QStringLiteral("h1"), QStringLiteral("RoamScope sweep report"));
  w.element(QStringLiteral("p"), fmt::format("Scenario {}, {} row(s): one per run and handoff method the run's roams "
                                              "used. Latencies are medians over the successful roams, in milliseconds "
                                              "(docs/latency.md, docs/comparison.md).",
                                              report.scenario, report.rows.size()));
  w.start(QStringLiteral("ul"), {{QStringLiteral("class"), QStringLiteral("inputs")}});
  for (const std::string& axis : report.axes) w.element(QStringLiteral("li"), fmt::format("--sweep {}", axis));
  w.end();

  if (!report.series.empty()) {
    const QByteArray png = renderPlotPng(
        [&](QCustomPlot& plot) { plotSweep(plot, report.series, report.xLabel, report.yLabel); }, format);
    w.start(QStringLiteral("figure"), {{QStringLiteral("id"), QStringLiteral("sweep-plot")}});
    w.voidElement(QStringLiteral("img"),
                  {{QStringLiteral("src"), QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64())},
                   {QStringLiteral("alt"), report.yLabel + QStringLiteral(" against ") + report.xLabel},
                   {QStringLiteral("width"), QString::number(format.logicalSize.width())},
                   {QStringLiteral("height"), QString::number(format.logicalSize.height())}});
    w.element(QStringLiteral("figcaption"), report.yLabel + QStringLiteral(" against ") + report.xLabel +
                                                QStringLiteral(": one line per setting and method used."));
    w.end();
  }

  w.start(QStringLiteral("div"), {{QStringLiteral("class"), QStringLiteral("scroll")}});
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("sweep-table")}});
  w.start(QStringLiteral("thead"));
  w.start(QStringLiteral("tr"));
  for (const std::string& h : report.header) w.element(QStringLiteral("th"), std::string_view(h));
  w.end();
  w.end();
  w.start(QStringLiteral("tbody"));
  for (const auto& row : report.rows) {
    w.start(QStringLiteral("tr"));
    for (const std::string& cell : row) w.element(QStringLiteral("td"), std::string_view(cell.empty() ? "–" : cell));
    w.end();
  }
  w.end();
  w.end();
  w.end();
  w.start(QStringLiteral("footer"));
  w.text("Made by RoamScope (roamscope-cli simulate --sweep).");
  w.end();
  return finishReportDocument(w, out);
}

}  // namespace rs::ui
