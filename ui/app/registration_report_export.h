// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP registration report as the desktop application writes it
// from a run's ground truth: the same content as `roamscope-cli simulate
// --report` on a Mobile IP scenario. The format comes from the file's
// extension, as for the roam report (report_export.h): JSON, CSV, HTML
// (docs/report-format.md "Registration report") or PDF (the HTML page printed
// through Qt's print support).
#include <QString>
#include <optional>
#include <vector>

#include "core/analysis/mip/registration_report.h"

namespace rs::ui {

// Writes the report on `records` to `path`. nullopt on success, else what went wrong and what to do about
// it, for the status bar; nothing is written for an unknown extension. May run on a worker thread: the
// plots are then drawn on the GUI thread (ui/report/plot_images.h).
std::optional<QString> exportRegistrationReport(const std::vector<mipreg::RegistrationRecord>& records,
                                                const mipreg::RegistrationReportContext& context, const QString& path);

}  // namespace rs::ui
