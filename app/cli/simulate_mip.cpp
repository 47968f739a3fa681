// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/simulate_mip.h"

#include <fmt/format.h>

#include "app/cli/exit_codes.h"
#include "app/cli/html_report_file.h"
#include "app/cli/simulation_outputs.h"
#include "core/analysis/mip/registration_report.h"
#include "core/protocols/mip/mip_network.h"
#include "core/report/output_file.h"

namespace rs::cli {
namespace {

// The SA tables as the seed's Fig. 4 lists them (keys never printed), and their NVRAM figure.
std::string saTableText(const std::string& owner, const mip::SaTable& table) {
  std::string out = fmt::format(
      "  {}: {} SA(s) of {} bytes: {} bytes of NVRAM (static, room for {} in {}), {} bytes of memory (session keys)\n",
      owner, table.size(), sizeof(mip::SecurityAssociation), table.nvramBytesUsed(), table.capacity(),
      table.nvramBudget(), table.memoryBytesUsed());
  for (const mip::SecurityAssociation* sa : table.rows())
    out += fmt::format("    {:<15} SPI {:<6} {:<7} {}-MD5 key {} octets, replay window {} s\n",
                       sim::formatIpv4Address(sa->mobileNode), sa->spi, mip::saKeyKindName(sa->kind),
                       mip::saModeName(sa->mode), sa->keyLength, sa->replayWindowSeconds);
  return out;
}

}  // namespace

int runMipSimulate(const SimulateOptions& o, const sim::Scenario& scenario) {
  // (simulate_command.cpp has already refused every other extension.)
  if (!o.keysOut.empty()) {
    fmt::print(stderr, "roamscope-cli: --keys-out writes 802.11 keys; a Mobile IP scenario has none\n");
    return kExitUsage;
  }
  mip::MipRunOptions options;
  options.externalAaaServer = o.aaaServer;
  options.aaaSecret = o.aaaSecret;
  auto created = mip::MipNetwork::create(scenario, o.seed, options);
  if (auto* error = std::get_if<std::string>(&created)) {
    fmt::print(stderr, "roamscope-cli: {}\n", *error);
    return kExitInput;
  }
  auto& network = *std::get<std::unique_ptr<mip::MipNetwork>>(created);
  auto outputs = SimulationOutputs::open(
      network.simulation(), o.pcap, o.trace, o.showKeys,
      fmt::format("RoamScope emulation of {} (seed {})", scenario.name.empty() ? o.scenario : scenario.name,
                  network.simulation().seed()));
  if (!outputs) return kExitInput;
  const mip::MipRunSummary summary = network.run();
  if (!outputs->close()) return kExitInput;

  const auto& settings = network.settings();
  fmt::print("Scenario {} (seed {}): {} events, {} of virtual time; Mobile IP, {} keys, AAA {}\n",
             scenario.name.empty() ? o.scenario : scenario.name, network.simulation().seed(), summary.events,
             sim::formatSimTime(summary.endTime), mip::keyModeName(settings.keys),
             settings.keys == mip::KeyMode::Static ? "not used"
             : settings.externalAaaServer.empty()  ? "embedded"
                                                   : settings.externalAaaServer);
  if (auto frames = outputs->framesWritten()) fmt::print("Capture: {} ({} frames)\n", o.pcap, *frames);
  const auto& records = network.truth().records();
  fmt::print("{}", mipreg::registrationReportText(records));
  fmt::print("\nSecurity-association tables at the end of the run:\n");
  for (const auto& ha : network.homeAgents())
    fmt::print("{}", saTableText(network.simulation().topology().node(ha->node()).name, ha->securityAssociations()));
  for (const auto& mn : network.mobiles())
    fmt::print("{}", saTableText(network.simulation().topology().node(mn->node()).name, mn->securityAssociations()));
  if (!o.report.empty()) {
    const mipreg::RegistrationReportContext context{{o.scenario}};
    const std::string text = hasExtension(o.report, ".json")   ? mipreg::registrationReportJson(records, context).dump(2) + "\n"
                             : hasExtension(o.report, ".html") ? registrationHtmlReport(records, context)
                                                               : mipreg::registrationReportCsv(records);
    if (!writeOutputFile(o.report, text)) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the report\n", o.report);
      return kExitInput;
    }
  }
  return kExitOk;
}

}  // namespace rs::cli
