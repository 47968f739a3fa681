// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/decode_as_option.h"

#include "dissectors/inet/udp.h"

namespace rs::cli {

void addDecodeAsOption(CLI::App& command, std::vector<std::string>& specs) {
  command
      .add_option("--decode-as", specs,
                  "decode a UDP port as a protocol, Wireshark's syntax: udp.port==11812,radius; repeatable")
      ->type_name("udp.port==PORT,PROTO");
}

bool applyDecodeAs(const std::vector<std::string>& specs, std::string& error) {
  for (const auto& spec : specs)
    if (!inet::applyUdpDecodeAs(spec, error)) return false;
  return true;
}

}  // namespace rs::cli
