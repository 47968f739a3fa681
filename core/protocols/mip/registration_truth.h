// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emulator's own account of every Mobile IP registration, in the record
// type the capture analysis produces (core/analysis/mip/registration_record.h),
// so both can be compared and written by the same report code. A record is
// opened when the MN (or an attacker replaying its request) sends a request
// and is found again by the home address and the identification each agent
// sees in the messages; a retransmission carries a new identification
// (RFC 3344 3.6.3) and moves the record to it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/mip/registration_record.h"
#include "core/sim/sim_time.h"

namespace rs::mip {

class RegistrationTruth {
 public:
  // The MN attached to a link / heard the advertisement that made it register; the next movement record takes them.
  void attached(std::uint32_t homeAddress, sim::SimTime at);
  void advertisement(std::uint32_t homeAddress, sim::SimTime at);
  // Opens a record for the request `record.identification` first sent at `record.startNs`.
  void begin(mipreg::RegistrationRecord record);
  // The request was sent again with a new identification.
  void retransmitted(std::uint32_t homeAddress, std::uint64_t oldIdentification, std::uint64_t newIdentification,
                     sim::SimTime at);
  // A message of the open record (home address, identification) at `at` (the first bit on its link); a step
  // already recorded keeps its first time.
  void step(std::uint32_t homeAddress, std::uint64_t identification, mipreg::Step step, sim::SimTime at);
  // The reply reached the MN's link: closes the record whose identification has the reply's low 32 bits.
  void replied(std::uint32_t homeAddress, std::uint64_t identification, std::uint8_t code, std::string reason,
               sim::SimTime at);
  // The MN gave up (no reply after its retransmissions, or it moved away).
  void gaveUp(std::uint32_t homeAddress, std::uint64_t identification, std::string reason, sim::SimTime at);
  // Closes every record still open (end of the run).
  void finish(sim::SimTime end);
  bool isOpen(std::uint32_t homeAddress, std::uint64_t identification) const;

  const std::vector<mipreg::RegistrationRecord>& records() const { return records_; }

 private:
  using Key = std::pair<std::uint32_t, std::uint64_t>;
  mipreg::RegistrationRecord* open(std::uint32_t homeAddress, std::uint64_t identification);
  void close(const Key& key, sim::SimTime end);

  std::vector<mipreg::RegistrationRecord> records_;
  std::map<Key, std::size_t> open_;  // (home address, identification) -> index into records_
  std::map<std::uint32_t, std::pair<std::optional<sim::SimTime>, std::optional<sim::SimTime>>> movement_;
};

}  // namespace rs::mip
