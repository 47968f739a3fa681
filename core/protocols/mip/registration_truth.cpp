// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/registration_truth.h"

namespace rs::mip {

using mipreg::RegistrationRecord;
using mipreg::Step;

void RegistrationTruth::attached(std::uint32_t homeAddress, sim::SimTime at) {
  movement_[homeAddress] = {at, std::nullopt};
}

void RegistrationTruth::advertisement(std::uint32_t homeAddress, sim::SimTime at) {
  auto& [attach, heard] = movement_[homeAddress];
  if (!heard) heard = at;
}

void RegistrationTruth::begin(RegistrationRecord record) {
  const Key key{record.homeAddress, record.identification};
  if (open_.count(key)) return;  // the same request again (a replay of an open one): the first record stands
  if (record.trigger == mipreg::Trigger::Movement) {
    if (auto it = movement_.find(record.homeAddress); it != movement_.end()) {
      if (it->second.first) record.steps[Step::Attach] = *it->second.first;
      if (it->second.second) record.steps[Step::Advertisement] = *it->second.second;
      movement_.erase(it);
    }
  }
  record.steps[Step::Request] = record.startNs;
  open_[key] = records_.size();
  records_.push_back(std::move(record));
}

RegistrationRecord* RegistrationTruth::open(std::uint32_t homeAddress, std::uint64_t identification) {
  const auto it = open_.find(Key{homeAddress, identification});
  return it == open_.end() ? nullptr : &records_[it->second];
}

bool RegistrationTruth::isOpen(std::uint32_t homeAddress, std::uint64_t identification) const {
  return open_.count(Key{homeAddress, identification}) > 0;
}

void RegistrationTruth::retransmitted(std::uint32_t homeAddress, std::uint64_t oldIdentification,
                                      std::uint64_t newIdentification, sim::SimTime at) {
  const auto it = open_.find(Key{homeAddress, oldIdentification});
  if (it == open_.end()) return;
  RegistrationRecord& r = records_[it->second];
  r.identification = newIdentification;
  ++r.retransmissions;
  // The figures describe the transmission that was answered: drop what the lost one left.
  for (Step s : {Step::FaAccessRequest, Step::FaAccessReply, Step::RelayedRequest, Step::AccessRequest,
                 Step::AccessReply, Step::Reply, Step::RelayedReply})
    r.steps.erase(s);
  r.steps[Step::Request] = at;
  const std::size_t index = it->second;
  open_.erase(it);
  open_[Key{homeAddress, newIdentification}] = index;
}

void RegistrationTruth::step(std::uint32_t homeAddress, std::uint64_t identification, Step step, sim::SimTime at) {
  // The first sighting counts (a replayed copy relayed again later must not move the step), as in a capture.
  if (RegistrationRecord* r = open(homeAddress, identification)) r->steps.emplace(step, at);
}

void RegistrationTruth::replied(std::uint32_t homeAddress, std::uint64_t identification, std::uint8_t code,
                                std::string reason, sim::SimTime at) {
  // RFC 3344 5.7: a reply's high 32 bits may be the HA's clock (code 133); the low 32 bits are the request's.
  auto it = open_.lower_bound(Key{homeAddress, 0});
  while (it != open_.end() && it->first.first == homeAddress &&
         static_cast<std::uint32_t>(it->first.second) != static_cast<std::uint32_t>(identification))
    ++it;
  if (it == open_.end() || it->first.first != homeAddress) return;
  identification = it->first.second;
  RegistrationRecord* r = &records_[it->second];
  r->code = code;
  r->success = code <= 1;  // RFC 3344 3.4: 0 accepted, 1 accepted without simultaneous bindings
  r->reason = std::move(reason);
  r->steps[Step::ReplyReceived] = at;
  close(Key{homeAddress, identification}, at);
}

void RegistrationTruth::gaveUp(std::uint32_t homeAddress, std::uint64_t identification, std::string reason,
                               sim::SimTime at) {
  RegistrationRecord* r = open(homeAddress, identification);
  if (!r) return;
  r->success = false;
  r->reason = std::move(reason);
  close(Key{homeAddress, identification}, at);
}

void RegistrationTruth::close(const Key& key, sim::SimTime end) {
  const auto it = open_.find(key);
  RegistrationRecord& r = records_[it->second];
  const auto onMnLink = r.foreignAgent ? r.steps.find(Step::RelayedReply) : r.steps.find(Step::Reply);
  r.endNs = r.success && onMnLink != r.steps.end() ? onMnLink->second : end;
  r.computeLatency();
  open_.erase(it);
}

void RegistrationTruth::finish(sim::SimTime end) {
  while (!open_.empty()) {
    const Key key = open_.begin()->first;
    records_[open_.begin()->second].reason = "incomplete: the run ended before a reply";
    close(key, end);
  }
}

}  // namespace rs::mip
