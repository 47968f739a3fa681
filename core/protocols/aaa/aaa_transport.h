// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the Mobile IP agents' emulation calls to ask their AAA server: submit
// an MS-CHAPv2 Access-Request (the Home Agent, seed 001), a CHAP one (a
// Foreign Agent checking an RFC 3012 MN-AAA authenticator) or a Status-Server
// probe, and get the result once, on the emulation's clock. Two implementations:
//   SimAaaTransport      the embedded server as a node of the emulated network
//                        (UDP over a wired link, timers on the scheduler);
//   ExternalAaaTransport any real RADIUS server over a UDP socket (FreeRADIUS,
//                        or UdpAaaServer), the emulation paused meanwhile.
// The future `simulate --aaa-server HOST:PORT --aaa-secret S` picks the second.
#include <functional>
#include <optional>
#include <string>

#include "core/protocols/aaa/aaa_result.h"
#include "core/protocols/aaa/chap_access_request.h"
#include "core/protocols/aaa/mschap_access_request.h"

namespace rs::aaa {

class AaaTransport {
 public:
  using Completion = std::function<void(const AaaResult&)>;
  virtual ~AaaTransport() = default;

  // `done` runs exactly once, from a scheduler event, with the outcome (also
  // NoAnswer or Failed: never silence). `mobilePassword` only for checks in tools and tests.
  virtual void submitAccessRequest(const MsChapV2Response& response, Completion done,
                                   std::optional<std::string> mobilePassword = std::nullopt) = 0;
  // CHAP-MD5 (RFC 2865 5.3 / 5.40): Accepted carries no key material; same once-only `done`.
  virtual void submitChapAccessRequest(const ChapResponse& response, Completion done) = 0;
  virtual void submitStatusServer(Completion done) = 0;
};

}  // namespace rs::aaa
