// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/simulation_outputs.h"

#include <fmt/format.h>

namespace rs::cli {

// Writes each trace event as one line: time, node, kind, text (and a derivation's values).
class SimulationOutputs::TraceFile : public sim::TraceSink {
 public:
  TraceFile(std::ofstream& out, const sim::Topology& topology, bool reveal)
      : out_(out), topology_(topology), reveal_(reveal) {}
  void onTrace(const sim::TraceEvent& e) override {
    const std::string node = e.node == sim::kNoNode ? "-" : topology_.node(e.node).name;
    out_ << fmt::format("{:>16} {:<8} {:<14} {}\n", sim::formatSimTime(e.time), node, sim::traceKindName(e.kind),
                        e.text);
    if (!e.derivation) return;
    out_ << fmt::format("{:>41} {}\n", "", e.derivation->name);
    for (const auto& v : e.derivation->inputs) out_ << fmt::format("{:>41} in  {} = {}\n", "", v.label, sim::displayValue(v, reveal_));
    for (const auto& v : e.derivation->outputs) out_ << fmt::format("{:>41} out {} = {}\n", "", v.label, sim::displayValue(v, reveal_));
  }

 private:
  std::ofstream& out_;
  const sim::Topology& topology_;
  bool reveal_;
};

SimulationOutputs::~SimulationOutputs() = default;

std::unique_ptr<SimulationOutputs> SimulationOutputs::open(sim::Simulation& sim, const std::string& pcapPath,
                                                           const std::string& tracePath, bool showKeys,
                                                           const std::string& captureComment) {
  std::unique_ptr<SimulationOutputs> out(new SimulationOutputs);
  out->pcapPath_ = pcapPath;
  if (!pcapPath.empty()) {
    auto sink = PcapngFrameSink::create(pcapPath, captureComment);
    if (auto* error = std::get_if<FileError>(&sink)) {
      fmt::print(stderr, "roamscope-cli: {}: {}\n", pcapPath, error->message);
      return nullptr;
    }
    out->pcap_ = std::get<std::unique_ptr<PcapngFrameSink>>(std::move(sink));
    sim.setFrameSink(out->pcap_.get());
  }
  if (!tracePath.empty()) {
    out->traceOut_.open(tracePath, std::ios::trunc);
    if (!out->traceOut_) {
      fmt::print(stderr, "roamscope-cli: {}: cannot write the trace\n", tracePath);
      return nullptr;
    }
    out->trace_ = std::make_unique<TraceFile>(out->traceOut_, sim.topology(), showKeys);
    sim.addTraceSink(out->trace_.get());
  }
  return out;
}

bool SimulationOutputs::close() {
  if (pcap_ && !pcap_->close()) {
    fmt::print(stderr, "roamscope-cli: {}: writing the capture failed\n", pcapPath_);
    return false;
  }
  return true;
}

std::optional<std::uint64_t> SimulationOutputs::framesWritten() const {
  return pcap_ ? std::optional<std::uint64_t>(pcap_->framesWritten()) : std::nullopt;
}

}  // namespace rs::cli
