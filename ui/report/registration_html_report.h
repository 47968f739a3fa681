// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP registration report as one self-contained HTML file
// (docs/report-format.md "Registration report", HTML): the inputs, the
// statistics per trigger and authentication, the two registration plots as
// embedded PNGs (latency over time, hop breakdown), one row per registration
// with its hops, and what each figure means. Like the roam report: no
// scripts, no external resources, the same records give the same bytes; the
// plots need a QApplication (QT_QPA_PLATFORM=offscreen is enough).
#include <string>
#include <vector>

#include "core/analysis/mip/registration_report.h"
#include "ui/report/plot_images.h"

namespace rs::ui {

std::string registrationReportHtml(const std::vector<mipreg::RegistrationRecord>& records,
                                   const mipreg::RegistrationReportContext& context,
                                   const PlotImageFormat& format = {});

}  // namespace rs::ui
