// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files one `roamscope-cli simulate` run writes whatever the system (WLAN
// or Mobile IP): every capture point into one pcapng (--pcap) and the
// explanatory trace (--trace), attached to the run's Simulation before it starts.
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/sim/simulation.h"

namespace rs::cli {

class SimulationOutputs {
 public:
  // Opens the files and attaches them to `sim`; nullopt after printing the error.
  static std::unique_ptr<SimulationOutputs> open(sim::Simulation& sim, const std::string& pcapPath,
                                                 const std::string& tracePath, bool showKeys,
                                                 const std::string& captureComment);
  ~SimulationOutputs();
  // Finishes the pcapng; false after printing the error.
  bool close();
  std::optional<std::uint64_t> framesWritten() const;

 private:
  class TraceFile;
  SimulationOutputs() = default;
  std::string pcapPath_;
  std::unique_ptr<PcapngFrameSink> pcap_;
  std::ofstream traceOut_;
  std::unique_ptr<TraceFile> trace_;
};

}  // namespace rs::cli
