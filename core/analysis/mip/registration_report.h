// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Mobile IP registration report in three forms: JSON (versioned,
// docs/report-format.md "Registration report"), CSV (one row per
// registration) and the plain-text table the CLI prints. All three show the
// same records; the summary groups them by trigger and authentication, with
// nearest-rank statistics per latency figure (as the roam report does).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/mip/registration_record.h"
#include "core/analysis/roam/latency_summary.h"

namespace rs::mipreg {

inline constexpr int kRegistrationReportVersion = 1;

struct RegistrationReportContext {
  std::vector<std::string> inputs;  // scenario or capture files, in command-line order
};

struct RegistrationSummary {
  Trigger trigger = Trigger::Movement;
  Auth auth = Auth::Static;
  std::size_t registrations = 0;
  std::size_t succeeded = 0;
  std::map<Figure, roam::LatencyStats> latency;  // over the successful registrations
};
// One entry per (trigger, auth) that occurs, in enum order.
// A latency in milliseconds with three decimals, as every registration report writes it.
std::string millisecondsText(std::int64_t ns);
std::vector<RegistrationSummary> summarize(const std::vector<RegistrationRecord>& records);

nlohmann::ordered_json registrationReportJson(const std::vector<RegistrationRecord>& records,
                                              const RegistrationReportContext& context);
std::string registrationReportCsv(const std::vector<RegistrationRecord>& records);
std::string registrationReportText(const std::vector<RegistrationRecord>& records);

}  // namespace rs::mipreg
