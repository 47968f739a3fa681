// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Agent Advertisement that told a mobile node it had moved, as far as a
// capture can tell: the first advertisement on the link where the node just
// sent an Agent Solicitation (RFC 3344 2.4.1; the emulated MN solicits when
// it attaches). An advertisement the node heard without soliciting cannot be
// told from the periodic ones it ignored before it was attached, so those
// registrations get no advertisement step.
#include <cstdint>
#include <map>
#include <optional>

#include "dissectors/common/bytes.h"

namespace rs::mipreg {

class SolicitedAdvertisements {
 public:
  // An ICMP message from `source` at `capturePoint`.
  void observe(std::int64_t at, std::uint32_t capturePoint, std::uint32_t source, ByteView icmp);
  // The time of the advertisement that answered the last solicitation of `source`, if that solicitation was sent
  // at or after `notBefore`; each answer is taken once.
  std::optional<std::int64_t> take(std::uint32_t source, std::int64_t notBefore);

 private:
  struct Solicitation {
    std::int64_t sent = 0;
    std::uint32_t capturePoint = 0;
    std::optional<std::int64_t> answered;
  };
  std::map<std::uint32_t, Solicitation> bySource_;
};

}  // namespace rs::mipreg
