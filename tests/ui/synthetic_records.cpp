// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/synthetic_records.h"

namespace rs::test {

using roam::Definition;
using roam::Method;
using roam::PhaseKind;

roam::HandoffRecord makeRecord(Method method, bool success, std::int64_t startNs,
                               std::map<Definition, std::int64_t> latencyNs,
                               std::vector<std::pair<PhaseKind, std::int64_t>> phaseDurationsNs) {
  roam::HandoffRecord r;
  r.sta = *MacAddress::parse("02:bb:00:00:00:01");
  r.from = roam::Endpoint{*MacAddress::parse("02:aa:00:00:00:01"), 1, -72};
  r.to = roam::Endpoint{*MacAddress::parse("02:aa:00:00:00:02"), 6, -48};
  r.method = method;
  r.success = success;
  r.startNs = startNs;
  std::int64_t t = startNs;
  for (const auto& [kind, duration] : phaseDurationsNs) {
    r.phases.push_back({kind, t, t + duration});
    t += duration + msNs(1);  // a gap between phases: the bars must not include it
  }
  r.endNs = t;
  r.latencyNs = std::move(latencyNs);
  if (!success) r.failure = roam::Failure{"four-way", 15, "Reason 15: 4-way handshake timeout; M4 missing"};
  return r;
}

std::vector<roam::HandoffRecord> mixedRecords() {
  const auto s = [](double seconds) { return kRecordsBaseNs + static_cast<std::int64_t>(seconds * 1e9); };
  std::vector<roam::HandoffRecord> out;
  auto first = makeRecord(
      Method::Psk, true, s(0.5), {{Definition::AuthToM4, msNs(38)}, {Definition::ReassocToLastKey, msNs(20)}},
      {{PhaseKind::Authentication, msNs(1)}, {PhaseKind::Reassociation, msNs(2)}, {PhaseKind::FourWay, msNs(30)}});
  first.from.reset();  // a first join: no data-to-data
  out.push_back(first);
  out.push_back(makeRecord(
      Method::Psk, true, s(2),
      {{Definition::DataToData, msNs(900)}, {Definition::AuthToM4, msNs(40)}, {Definition::ReassocToLastKey, msNs(22)}},
      {{PhaseKind::Scan, msNs(80)},
       {PhaseKind::Authentication, msNs(1)},
       {PhaseKind::Reassociation, msNs(2)},
       {PhaseKind::FourWay, msNs(32)}}));
  out.push_back(makeRecord(Method::FtOverAir, true, s(4), {{Definition::FtAuthToReassocResp, msNs(15)}},
                           {{PhaseKind::Authentication, msNs(5)}, {PhaseKind::Reassociation, msNs(8)}}));
  out.push_back(makeRecord(
      Method::Psk, false, s(6), {},
      {{PhaseKind::Authentication, msNs(1)}, {PhaseKind::Reassociation, msNs(2)}, {PhaseKind::FourWay, msNs(4000)}}));
  out.push_back(makeRecord(
      Method::Psk, true, s(9),
      {{Definition::DataToData, msNs(950)}, {Definition::AuthToM4, msNs(60)}, {Definition::ReassocToLastKey, msNs(41)}},
      {{PhaseKind::Authentication, msNs(1)},
       {PhaseKind::Reassociation, msNs(2)},
       {PhaseKind::FourWay, msNs(50)},
       {PhaseKind::GroupKey, msNs(3)}}));
  out.push_back(makeRecord(Method::FtOverAir, true, s(11), {{Definition::FtAuthToReassocResp, msNs(25)}},
                           {{PhaseKind::Authentication, msNs(9)}, {PhaseKind::Reassociation, msNs(12)}}));
  auto eap = makeRecord(Method::Full8021X, true, s(13),
                        {{Definition::AuthToM4, msNs(150)}, {Definition::ReassocToLastKey, msNs(140)}},
                        {{PhaseKind::Authentication, msNs(1)},
                         {PhaseKind::Reassociation, msNs(2)},
                         {PhaseKind::Eap, msNs(110)},
                         {PhaseKind::FourWay, msNs(28)}});
  eap.diagnostics.push_back({"over-latency-budget", "140.000 ms over the 250 ms budget", {{"latency_ms", 140.0}}});
  out.push_back(eap);
  out.push_back(makeRecord(
      Method::Psk, true, s(15),
      {{Definition::DataToData, msNs(990)}, {Definition::AuthToM4, msNs(60)}, {Definition::ReassocToLastKey, msNs(40)}},
      {{PhaseKind::Authentication, msNs(1)}, {PhaseKind::Reassociation, msNs(2)}, {PhaseKind::FourWay, msNs(52)}}));
  return out;
}

}  // namespace rs::test
