// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/demo_command.h"

#include <fmt/format.h>

#include "app/cli/dissect_command.h"
#include "app/cli/exit_codes.h"
#include "capture/file/pcapng_writer.h"
#include "core/demo/wpa2_demo_session.h"
#include "dissectors/common/link_type.h"

namespace rs::cli {

CLI::App* addDemoCommand(CLI::App& app, DemoOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "demo", "Build the built-in WPA2-PSK session (real frames, real keys), save it as pcapng and dissect it");
  cmd->add_option("--out", o.out, "pcapng file to write");
  cmd->add_option("--seed", o.seed, "seed for nonces and payloads (same seed, same bytes)");
  cmd->add_flag("--show-keys", o.showKeys, "print derived keys in clear");
  cmd->add_flag("-V,--verbose", o.verbose, "print the full field tree of every frame");
  return cmd;
}

int runDemo(const DemoOptions& o) {
  DemoSessionConfig config;
  config.seed = o.seed;
  auto frames = buildWpa2DemoSession(config);
  if (!frames) {
    fmt::print(stderr, "roamscope-cli: demo: {}\n", frames.error().describe());
    return kExitInternal;
  }
  auto created = PcapngWriter::create(o.out, "RoamScope built-in demo: WPA2-PSK association and CCMP traffic");
  if (auto* err = std::get_if<FileError>(&created)) {
    fmt::print(stderr, "roamscope-cli: {}\n", err->toString());
    return kExitInput;
  }
  auto& writer = *std::get<std::unique_ptr<PcapngWriter>>(created);
  const auto iface = writer.addInterface(static_cast<std::uint32_t>(LinkType::Radiotap), "air-ch6");
  bool ok = iface.has_value();
  for (const auto& f : *frames)
    ok = ok && writer.writePacket(*iface, f.timestampNs, f.bytes, f.comment);
  if (!writer.close() || !ok) {
    fmt::print(stderr, "roamscope-cli: {}\n", writer.error() ? writer.error()->toString() : o.out + ": write failed");
    return kExitInput;
  }

  fmt::print("RoamScope demo: {} frames of a WPA2-PSK session written to {}\n", frames->size(), o.out);
  fmt::print("Network '{}', passphrase '{}'. Check it independently with:\n", config.ssid, config.passphrase);
  fmt::print("  tshark -r {} -o wlan.enable_decryption:TRUE -o 'uat:80211_keys:\"wpa-pwd\",\"{}:{}\"'\n\n", o.out,
             config.passphrase, config.ssid);

  DissectOptions dissect;
  dissect.file = o.out;
  dissect.verbose = o.verbose;
  dissect.keys.passphrases = {config.passphrase};
  dissect.keys.ssid = config.ssid;
  dissect.keys.showKeys = o.showKeys;
  return runDissect(dissect);
}

}  // namespace rs::cli
