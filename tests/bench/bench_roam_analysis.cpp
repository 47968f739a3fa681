// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #3 acceptance 4: frames per second of the roam analysis
// (rs::roam::RoamAnalyzer fed from a CaptureFile, as `roamscope-cli analyze`
// does) over a capture of at least 1,000,000 frames holding at least 10,000
// roams: several stations roaming round several APs with a scan (probe
// requests/responses), open authentication, reassociation and the 4-way
// handshake, data frames between roams, and every AP's beacons.
//
//   bench_roam_analysis [FRAMES] [ROAMS]
//
// Prints the figures; the numbers go into docs/performance.md by hand.
#include <fmt/format.h>
#include <malloc.h>
#include <sched.h>
#include <sys/resource.h>

#include <QTemporaryDir>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "capture/file/capture_file.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "tests/bench/roam_capture_builder.h"

using namespace rs;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double maxRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::size_t heapInUse() { return mallinfo2().uordblks; }

}  // namespace

int main(int argc, char** argv) {
  std::size_t frames = 1'000'000;
  std::size_t roams = 10'000;
  if (argc > 1) frames = std::stoul(argv[1]);
  if (argc > 2) roams = std::stoul(argv[2]);
  // One core, as the target is stated: the one `taskset -c N` chose (so the run can keep off a core another
  // build uses), else core 0.
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) != 1) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    sched_setaffinity(0, sizeof one, &one);
  }

  QTemporaryDir dir;
  const std::string path = dir.filePath("roams.pcapng").toStdString();
  const bench::RoamCapturePlan plan = bench::makeRoamCapturePlan(frames, roams);
  const auto b0 = Clock::now();
  const std::size_t built = bench::buildRoamCapture(path, dir.filePath("scene.pcapng").toStdString(), plan);
  if (built == 0) return 0;
  fmt::print("capture: {} frames, {} stations, {} APs, {} roams (+{} first joins), {} data frames per roam; "
             "built in {:.1f} s\n",
             built, bench::kRoamCaptureStations, bench::kRoamCaptureAps, roams, bench::kRoamCaptureStations, plan.dataPerCycle, seconds(b0, Clock::now()));

  const double rssBefore = maxRssMiB();
  double best = 1e9;
  std::size_t found = 0;
  std::size_t records = 0;
  std::size_t analyzerGrowth = 0;
  for (int run = 0; run < 3; ++run) {
    auto opened = openCapture(path);
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    const std::size_t heap0 = heapInUse();
    const auto t0 = Clock::now();
    roam::RoamAnalyzer analyzer;
    CaptureFrame f;
    std::size_t n = 0;
    while (file.next(f)) {
      analyzer.observe(toFrameView(f));
      ++n;
    }
    analyzer.finish();
    const auto t1 = Clock::now();
    best = std::min(best, seconds(t0, t1));
    const std::size_t heap1 = heapInUse();
    analyzerGrowth = std::max(analyzerGrowth, heap1 - std::min(heap1, heap0));
    if (n != built) fmt::print("WARNING: analysed {} frames, wrote {}\n", n, built);
    records = analyzer.records().size();
    found = static_cast<std::size_t>(std::count_if(analyzer.records().begin(), analyzer.records().end(),
                                                   [](const roam::HandoffRecord& r) { return r.from && r.success; }));
  }
  const double rssAfter = maxRssMiB();
  // The same pass without the analysis: what reading the frames alone costs, so the analysis' own share is known.
  double readOnly = 1e9;
  for (int run = 0; run < 3; ++run) {
    auto opened = openCapture(path);
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    const auto t0 = Clock::now();
    CaptureFrame f;
    std::uint64_t sum = 0;
    while (file.next(f)) sum += toFrameView(f).data.size();
    readOnly = std::min(readOnly, seconds(t0, Clock::now()));
    if (sum == 0) fmt::print("WARNING: no frame read\n");
  }
  fmt::print("roam analysis (best of 3): {:.3f} s, {:.2f} M frames/s\n", best, static_cast<double>(built) / best / 1e6);
  fmt::print("reading the frames alone (best of 3): {:.3f} s; the analysis' own share: {:.3f} s\n", readOnly,
             best - readOnly);
  fmt::print("roams found: {} successful roams, {} records in all (built: {} roams + {} joins)\n", found, records,
             roams, bench::kRoamCaptureStations);
  if (found != roams || records != roams + bench::kRoamCaptureStations)
    fmt::print("WARNING: the analysis found {} roams / {} records, the capture holds {} roams / {} records\n", found,
               records, roams, roams + bench::kRoamCaptureStations);
  fmt::print("peak RSS: {:.1f} MiB before the analysis, {:.1f} MiB after (the file is memory-mapped: its pages "
             "count)\n",
             rssBefore, rssAfter);
  fmt::print("analyzer heap growth: {:.2f} MiB ({} records held)\n", static_cast<double>(analyzerGrowth) / 1048576.0,
             records);
  return 0;
}
