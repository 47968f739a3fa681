// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mobile IP registrations (RFC 3344 3) from a frame stream, in one pass: the
// same records the emulator's ground truth keeps (registration_record.h), so
// a capture, emulated or real, yields the steps and latency figures of
// docs/latency.md "Mobile IP registrations (seed 001)".
//
// A record is opened by the MN's Registration Request (its source is the home
// address, or the co-located care-of address with the D flag) and found again
// by (home address, identification): the FA's relay of the same request,
// the HA's RADIUS Access-Request (by the NAI's user name, for a seed-001
// initial request) and the AAA server's answer (by RADIUS identifier and the
// HA's address and port), likewise the FA's CHAP Access-Request checking an
// RFC 3012 MN-AAA authenticator and its answer, the HA's Registration Reply (by the low 32 bits of
// the identification, RFC 3344 5.7: a 133 reply carries the HA's clock in the
// high 32) and the FA's relay of it — or the FA's own denial — which closes the record. Every step is
// the first sighting of its message, so a frame seen at two capture points
// counts once. A new identification from the MN for the same home address,
// care-of address and HA while the previous one is unanswered is a
// retransmission (RFC 3344 3.6.3): one record, the steps of the last one.
//
// What a capture cannot show is left out: the attach and the reply's arrival
// (so no movement-to-registered figure) and why the MN gave up (an unanswered
// record ends "incomplete: no reply in the capture"). The advertisement step
// of a movement is only there when the MN solicited it (solicited_advertisement.h):
// the periodic advertisements of the new agent on a shared link precede the
// attach, which no capture shows.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/mip/registration_classifier.h"
#include "core/analysis/mip/registration_record.h"
#include "core/analysis/mip/solicited_advertisement.h"
#include "dissectors/common/frame_view.h"

namespace rs::mipreg {

class RegistrationAnalyzer {
 public:
  RegistrationAnalyzer();
  void observe(const FrameView& frame);
  // Closes the records still open: failed, "incomplete: no reply in the capture".
  void finish();
  // By start (first transmission of the request).
  const std::vector<RegistrationRecord>& records() const { return records_; }

 private:
  struct RadiusKey {
    std::uint8_t identifier = 0;
    std::uint32_t client = 0;
    std::uint16_t port = 0;
    bool operator==(const RadiusKey&) const = default;
  };
  struct Tracked {
    RegistrationRecord record;
    Classification classification;
    std::uint32_t mnSource = 0;  // the MN's source address: its home address or co-located care-of
    std::string userName;        // the NAI's user part, as the HA's Access-Request carries it
    std::optional<RadiusKey> radius;    // the HA's Access-Request
    std::optional<RadiusKey> faRadius;  // the FA's (RFC 3012 MN-AAA check)
  };
  using Key = std::pair<std::uint32_t, std::uint64_t>;  // home address, identification

  void onMip(std::int64_t at, std::uint32_t source, std::uint32_t destination, ByteView payload);
  void onRequest(std::int64_t at, std::uint32_t source, std::uint32_t destination, const mip::Message& m);
  void onReply(std::int64_t at, std::uint32_t source, const mip::Message& m);
  void onRadius(std::int64_t at, std::uint32_t source, std::uint32_t destination, std::uint16_t sourcePort,
                std::uint16_t destinationPort, ByteView payload);
  Tracked* retransmittedFrom(std::uint32_t source, const mip::Message& m);
  void close(const Key& key, std::int64_t end);

  std::vector<std::uint16_t> radiusPorts_;
  std::vector<Tracked> tracked_;
  std::map<Key, std::size_t> open_;  // -> index into tracked_
  std::map<std::uint32_t, HomeHistory> history_;
  std::map<std::uint32_t, std::int64_t> lastStart_;  // home address -> start of its latest record
  SolicitedAdvertisements advertisements_;
  std::vector<RegistrationRecord> records_;
};

}  // namespace rs::mipreg
