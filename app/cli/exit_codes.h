// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli's exit codes (documented in README.md; scripts rely on them).

namespace rs::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,         // bad option or argument
  kExitInput = 2,         // file missing, unreadable, not a capture, broken header
  kExitVerification = 3,  // keys were given but no handshake MIC verified with them
  kExitInternal = 4,      // a bug: please report it
};

}  // namespace rs::cli
