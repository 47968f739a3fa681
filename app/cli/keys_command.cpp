// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/keys_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "app/cli/capture_inputs.h"
#include "app/cli/exit_codes.h"
#include "core/report/output_file.h"
#include "capture/merge/merged_frame_stream.h"
#include "core/analysis/handshake_tracker.h"
#include "core/analysis/key_inventory.h"
#include "dissectors/index/frame_class.h"

namespace rs::cli {

CLI::App* addKeysCommand(CLI::App& app, KeysOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "keys", "List (and export) the keys derived from captures: PMKs, PTKSAs, GTKSAs; masked unless --show-keys");
  cmd->add_option("FILE", o.files, "capture files (pcap or pcapng); several are merged by timestamp")->required();
  o.keys.addTo(*cmd);
  cmd->add_option("--format", o.format,
                  "text (a list), json, or wireshark (an 80211_keys file for tshark or --keys; needs --show-keys)")
      ->check(CLI::IsMember({"text", "json", "wireshark"}));
  cmd->add_option("--out", o.out, "write to this file instead of standard output");
  return cmd;
}

int runKeys(const KeysOptions& o) {
  if (o.format == "wireshark" && !o.keys.showKeys) {
    fmt::print(stderr,
               "roamscope-cli: keys: --format wireshark writes a key file for import, and masked keys cannot be "
               "imported: add --show-keys (the file then holds keys in clear)\n");
    return kExitUsage;
  }
  KeyRing ring;
  std::string keyError;
  if (!o.keys.buildKeyRing(ring, keyError)) {
    fmt::print(stderr, "roamscope-cli: {}\n", keyError);
    return kExitUsage;
  }
  if (ring.empty()) {
    fmt::print(stderr, "roamscope-cli: keys: no keys given (--psk, --pmk, --msk, --tk or --keys)\n");
    return kExitUsage;
  }
  int code = kExitOk;
  const CaptureInputs inputs = openCaptureInputs(o.files);
  if (inputs.anyUnreadable) code = kExitInput;
  const std::vector<CaptureFile*>& files = inputs.files;

  // Pass 1 derives the keys; pass 2 (the same merge, so the same frame indices) counts what each decrypts.
  HandshakeTracker tracker(ring);
  {
    MergedFrameStream stream(files);
    FrameView frame;
    while (stream.next(frame)) tracker.observe(frame);
  }
  KeyInventory inventory(tracker);
  for (CaptureFile* f : files) f->rewind();
  {
    MergedFrameStream stream(files);
    FrameView frame;
    while (stream.next(frame)) {
      const ByteView mpdu = locateIeee80211(frame.linkType, frame.data);
      if (!mpdu.empty()) inventory.countFrame(mpdu, frame.index);
    }
  }
  for (CaptureFile* f : files)
    if (f->error()) {
      fmt::print(stderr, "roamscope-cli: {}\n", f->error()->toString());
      code = kExitInput;
    }

  const bool reveal = o.keys.showKeys;
  std::string text;
  if (o.format == "json")
    text = inventory.json(reveal).dump(2) + "\n";
  else if (o.format == "wireshark")
    text = inventory.wiresharkKeysFile();
  else
    text = inventory.text(reveal);
  if (o.out.empty()) {
    fmt::print("{}", text);
    std::fflush(stdout);
  } else {
    if (!writeOutputFile(o.out, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the keys\n", o.out);
      return kExitInput;
    }
  }
  const KeyCheckSummary s = tracker.summary();
  fmt::print(stderr, "keys: {} PTKSA(s) verified of {}, {} GTKSA(s), {} PMK(s)\n", inventory.ptksas().size(),
             s.handshakes, inventory.gtksas().size(), inventory.pmks().size());
  if (code == kExitOk && s.micChecked > 0 && s.micValid == 0) code = kExitVerification;
  return code;
}

}  // namespace rs::cli
