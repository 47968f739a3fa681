// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// roamscope-cli keys FILE... [key options] [--format text|json|wireshark] [--out FILE] [--show-keys]
// Lists the keys the analysis derived from the captures (PMKs, PTKSAs, GTKSAs:
// station, BSSID, AKM, where they came from, how many frames they decrypt),
// masked unless --show-keys; with --show-keys --format wireshark writes a
// Wireshark 80211_keys file ("tk" and "wpa-psk" lines) that tshark's
// uat:80211_keys and RoamScope's --keys both import (docs/keys.md).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/cli/key_options.h"

namespace rs::cli {

struct KeysOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string out;  // empty: standard output
  KeyOptions keys;
};

CLI::App* addKeysCommand(CLI::App& app, KeysOptions& options);
int runKeys(const KeysOptions& options);

}  // namespace rs::cli
