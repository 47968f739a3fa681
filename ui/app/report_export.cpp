// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/report_export.h"

#include "capture/merge/clock_offset_report.h"
#include "core/report/output_file.h"
#include "ui/report/html_report.h"
#include "ui/report/pdf_report.h"

namespace rs::ui {
namespace {

enum class ReportFormat { Json, Csv, Html, Pdf };

std::optional<ReportFormat> formatOf(const std::string& path) {
  if (hasExtension(path, ".json")) return ReportFormat::Json;
  if (hasExtension(path, ".csv")) return ReportFormat::Csv;
  if (hasExtension(path, ".html")) return ReportFormat::Html;
  if (hasExtension(path, ".pdf")) return ReportFormat::Pdf;
  return std::nullopt;
}

// Records the PDF's per-handoff table lists (about 25 pages of A4).
constexpr std::size_t kPdfHandoffRows = 500;

std::string reportJsonText(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                           const ReportExtras& extras) {
  nlohmann::ordered_json json = roam::reportJson(records, context);
  if (extras.clocks) {
    const ReportClocks& clocks = *extras.clocks;
    json = withClockOffsets(json, clocks.estimate ? &*clocks.estimate : nullptr, clocks.names);
  }
  return json.dump(2) + "\n";
}

std::string reportHtmlText(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                           const ReportExtras& extras, const PlotImageFormat& plotFormat,
                           std::optional<std::size_t> handoffTableRows = std::nullopt) {
  HtmlReportOptions options;
  options.plotFormat = plotFormat;
  options.handoffTableRows = handoffTableRows;
  if (extras.clocks && extras.clocks->estimate) {
    const ReportClocks& clocks = *extras.clocks;
    for (std::size_t i = 0; i < clocks.estimate->files.size(); ++i)
      options.clockOffsetLines.push_back(clockOffsetLine(*clocks.estimate, i, clocks.names));
  }
  return reportHtml(records, context, options);
}

}  // namespace

QString reportFileFilter() {
  return QStringLiteral("HTML (*.html);;PDF (*.pdf);;JSON (*.json);;CSV (*.csv)");
}

std::optional<QString> exportRoamReport(const std::vector<roam::HandoffRecord>& records,
                                        const roam::ReportContext& context, const QString& path,
                                        const ReportExtras& extras) {
  const std::string file = path.toStdString();
  const auto format = formatOf(file);
  if (!format)
    return QStringLiteral("%1: choose a report name ending in .html, .pdf, .json or .csv (the format follows the "
                          "extension)")
        .arg(path);
  if (*format == ReportFormat::Pdf)
    return writeHtmlAsPdf(reportHtmlText(records, context, extras, printPlotFormat(), kPdfHandoffRows), path,
                          QStringLiteral("RoamScope roam report"));
  const std::string text = *format == ReportFormat::Json ? reportJsonText(records, context, extras)
                           : *format == ReportFormat::Csv ? roam::reportCsv(records, context)
                                                          : reportHtmlText(records, context, extras, {});
  if (!writeOutputFile(file, text))
    return QStringLiteral("%1: cannot write the report; check that the folder exists and is writable").arg(path);
  return std::nullopt;
}

}  // namespace rs::ui
