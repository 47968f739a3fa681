// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The figures of one Mobile IP run that a sweep row reports (`simulate
// --sweep` and the desktop application's sweep): how many registrations the
// mobiles made and how many failed, and per kind of registration — its
// trigger and authentication, "movement/aaa-dynamic", "re-key/skey-rekey" —
// the medians (nearest rank, as the registration report) of the registration
// latency and of each hop figure over the successful ones (docs/latency.md
// "Mobile IP"). An attacker's replayed copies are not the mobiles'
// registrations and are left out.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/analysis/mip/registration_record.h"
#include "core/protocols/mip/mip_network.h"

namespace rs::mip {

struct RegistrationKindFigures {
  std::string kind;                  // "<trigger>/<auth>"
  std::size_t registrations = 0;     // successful ones
  std::int64_t registrationNs = 0;   // median
  std::map<mipreg::Figure, std::int64_t> hopNs;  // medians of the hop figures the registrations had
};

struct MipRunFigures {
  std::size_t registrations = 0;
  std::size_t failed = 0;
  std::vector<RegistrationKindFigures> kinds;  // by kind name
  std::uint64_t events = 0;
};

// The hop figures a sweep row shows, in report order (every figure but registration and movement-to-registered).
std::vector<mipreg::Figure> sweepHopFigures();

MipRunFigures runFigures(const std::vector<mipreg::RegistrationRecord>& records, const MipRunSummary& summary);

}  // namespace rs::mip
