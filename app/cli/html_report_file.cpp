// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/html_report_file.h"

#include <QApplication>

#include "ui/report/html_report.h"

namespace rs::cli {

std::string htmlReport(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                       const std::vector<std::string>& clockOffsetLines) {
  ui::HtmlReportOptions options;
  options.clockOffsetLines = clockOffsetLines;
  if (QApplication::instance()) return ui::reportHtml(records, context, options);
  // Before the QApplication exists: the platform plugin is chosen in its constructor.
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  int argc = 1;
  char name[] = "roamscope-cli";
  char* argv[] = {name, nullptr};
  QApplication app(argc, argv);
  return ui::reportHtml(records, context, options);
}

}  // namespace rs::cli
