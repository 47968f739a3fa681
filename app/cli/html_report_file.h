// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `analyze --report OUT.html`: the HTML report draws its plots with QCustomPlot,
// which needs a QApplication. The CLI has none otherwise (it runs without a
// display), so one is made here, only for this, on Qt's offscreen platform
// unless QT_QPA_PLATFORM already names one.
#include <string>
#include <vector>

#include "core/analysis/mip/registration_report.h"
#include "core/analysis/roam/roam_report.h"

namespace rs::ui {
struct SweepReport;
}

namespace rs::cli {

std::string htmlReport(const std::vector<roam::HandoffRecord>& records, const roam::ReportContext& context,
                       const std::vector<std::string>& clockOffsetLines = {});

// `simulate --report OUT.html` of a Mobile IP run and `analyze --registrations OUT.html`: the registration
// report (ui/report/registration_html_report.h).
std::string registrationHtmlReport(const std::vector<mipreg::RegistrationRecord>& records,
                                   const mipreg::RegistrationReportContext& context);

// `simulate --sweep ... --sweep-out OUT.html`: the sweep report (ui/report/sweep_report.h), with the same
// off-screen QApplication.
std::string sweepReport(const ui::SweepReport& report);

}  // namespace rs::cli
