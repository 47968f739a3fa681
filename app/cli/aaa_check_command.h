// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli aaa-check --server HOST[:PORT] --secret S --user NAI --password P
//                         [--nas-identifier ID] [--timeout MS] [--retries N] [--status-only] [--show-keys]
// One MS-CHAPv2 Access-Request, as seed 001's Home Agent sends it for a
// Mobile Node, against any RADIUS server (FreeRADIUS, RoamScope's embedded
// one): prints Accept/Reject, the MS-CHAP2-Success check, whether the reply
// carried a Message-Authenticator, and the MPPE keys / x'' (masked unless
// --show-keys) with the check that they equal what the Mobile Node derives.
// --status-only sends a Status-Server (RFC 5997) instead. A radtest for
// MS-CHAPv2 (radtest -t mschap sends MS-CHAPv1).
// Exit codes: 0 accepted, 3 rejected (a registration would get code 131) or an
// MS-CHAP2-Success that does not verify with the password,
// 2 no answer or an unusable reply, 1 usage.
#include <CLI/CLI.hpp>
#include <string>

namespace rs::cli {

struct AaaCheckOptions {
  std::string server;
  std::string secret;
  std::string secretFile;
  std::string user;
  std::string password;
  std::string passwordFile;
  std::string nasIdentifier = "roamscope-aaa-check";
  unsigned timeoutMs = 3000;
  unsigned retries = 2;
  bool statusOnly = false;
  bool showKeys = false;
};

CLI::App* addAaaCheckCommand(CLI::App& app, AaaCheckOptions& options);
int runAaaCheck(const AaaCheckOptions& options);

}  // namespace rs::cli
