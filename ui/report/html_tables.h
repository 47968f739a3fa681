// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's tables: the parameters it was made with, one row per record
// (the columns of the text and CSV reports), per-method counts, latency and
// request/response exchange statistics (latency_summary.h, exchange_summary.h)
// and the latency budget classes. The figures
// are the JSON report's, formatted as the text report formats them.
#include <vector>

#include "core/analysis/roam/roam_report.h"
#include "ui/report/html_writer.h"
#include "ui/report/input_files.h"

namespace rs::ui {

// The definitions the report shows: the --definition one, else all in report order.
std::vector<roam::Definition> reportedDefinitions(const roam::ReportContext& context);
// The records the statistics, budget classes and latency plots describe: the
// handoffs, without the handshake-only records (as the JSON summary does).
std::vector<roam::HandoffRecord> handoffRecordsOnly(const std::vector<roam::HandoffRecord>& records);
// Milliseconds with three decimals ("31.112"), as the text report prints them.
QString millisecondsText(std::int64_t ns);

void writeParametersTable(HtmlWriter& w, const roam::ReportContext& context, const std::vector<InputFile>& inputs,
                          std::size_t handoffs);
void writeHandoffTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records,
                       const roam::ReportContext& context);
void writeMethodTables(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records,
                       const roam::ReportContext& context);
// Per method and exchange kind: round-trip statistics over every exchange of the method's handoffs, and retries.
void writeExchangeTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records);
void writeBudgetTable(HtmlWriter& w, const std::vector<roam::HandoffRecord>& records,
                      const roam::ReportContext& context);

}  // namespace rs::ui
