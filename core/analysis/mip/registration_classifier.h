// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Why a Registration Request was sent and which security association signed
// it, read from the request and from what the capture showed earlier of the
// same home address. A capture cannot see the SA table, so the seed-001
// extensions decide where they can (NT-Response: the initial AAA request;
// Skey' without NT-Response: a re-key) and the rest is inferred from the
// accepted registrations before it (docs/latency.md "From a capture").
#include <cstdint>
#include <map>
#include <optional>

#include "core/analysis/mip/registration_record.h"
#include "dissectors/mip/mip.h"

namespace rs::mipreg {

// What the accepted registrations of one home address left behind.
struct HomeHistory {
  std::optional<std::uint64_t> lastAcceptedIdentification;
  std::map<std::uint32_t, std::uint32_t> careOfByHomeAgent;  // HA -> care-of of its last accepted registration
  std::optional<std::uint32_t> skeyPrimeSpi;                  // installed by the last aaa-dynamic / re-key
};

struct Classification {
  Trigger trigger = Trigger::Movement;
  Auth auth = Auth::Static;
  std::optional<std::uint32_t> skeyPrimeSpi;  // the Skey' extension's SPI, if the request carries one
};

Classification classifyRequest(const mip::Message& request, const HomeHistory& history);

// A reply accepted the registration `r` (classified as `c`): what the next requests are compared with.
void rememberAccepted(HomeHistory& history, const RegistrationRecord& r, const Classification& c);

}  // namespace rs::mipreg
