// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/registration_report_export.h"

#include "core/report/output_file.h"
#include "ui/report/pdf_report.h"
#include "ui/report/registration_html_report.h"

namespace rs::ui {

std::optional<QString> exportRegistrationReport(const std::vector<mipreg::RegistrationRecord>& records,
                                                const mipreg::RegistrationReportContext& context, const QString& path) {
  const std::string file = path.toStdString();
  if (hasExtension(file, ".pdf"))
    return writeHtmlAsPdf(registrationReportHtml(records, context, printPlotFormat()), path,
                          QStringLiteral("RoamScope registration report"));
  // As simulate_mip.cpp writes them, so a report saved here and one written by the CLI compare equal.
  std::string text;
  if (hasExtension(file, ".json")) text = mipreg::registrationReportJson(records, context).dump(2) + "\n";
  else if (hasExtension(file, ".csv")) text = mipreg::registrationReportCsv(records);
  else if (hasExtension(file, ".html")) text = registrationReportHtml(records, context);
  else
    return QStringLiteral("%1: choose a report name ending in .html, .pdf, .json or .csv (the format follows the "
                          "extension)")
        .arg(path);
  if (!writeOutputFile(file, text))
    return QStringLiteral("%1: cannot write the report; check that the folder exists and is writable").arg(path);
  return std::nullopt;
}

}  // namespace rs::ui
