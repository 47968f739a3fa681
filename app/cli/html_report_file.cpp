// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/html_report_file.h"

#include <QApplication>

#include <functional>

#include "ui/report/html_report.h"
#include "ui/report/registration_html_report.h"
#include "ui/report/sweep_report.h"

namespace rs::cli {

namespace {

// Runs `make` with a QApplication (QCustomPlot draws widgets), made here on the offscreen platform when the
// CLI has none, since it runs without a display.
std::string withApplication(const std::function<std::string()>& make) {
  if (QApplication::instance()) return make();
  // Before the QApplication exists: the platform plugin is chosen in its constructor.
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  int argc = 1;
  char name[] = "roamscope-cli";
  char* argv[] = {name, nullptr};
  QApplication app(argc, argv);
  return make();
}

}  // namespace

std::string htmlReport(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                       const std::vector<std::string>& clockOffsetLines) {
  ui::HtmlReportOptions options;
  options.clockOffsetLines = clockOffsetLines;
  return withApplication([&] { return ui::reportHtml(records, context, options); });
}

std::string registrationHtmlReport(const std::vector<mipreg::RegistrationRecord>& records,
                                   const mipreg::RegistrationReportContext& context) {
  return withApplication([&] { return ui::registrationReportHtml(records, context); });
}

std::string sweepReport(const ui::SweepReport& report) {
  return withApplication([&] { return ui::sweepReportHtml(report); });
}

}  // namespace rs::cli
