// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #2 acceptance 4: frames per second of the indexing pass (file offset,
// timestamp, interface, 802.11 type/subtype, addresses, protocol class for
// every frame) over a capture of at least 1,000,000 frames made by repeating
// the fixtures' frames, beside plain libpcap reading and
// `tshark -r FILE -T fields -e frame.number -e wlan.fc.type_subtype`.
//
//   bench_indexing [FRAMES] [--no-tshark]
//
// Prints the figures; the numbers go into docs/performance.md by hand.
#include <fmt/format.h>
#include <pcap/pcap.h>
#include <sched.h>

#include <QProcess>
#include <QTemporaryDir>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "capture/file/capture_file.h"
#include "capture/file/pcap_writer.h"
#include "capture/index/frame_index.h"
#include "tests/support/fixtures.h"

using namespace rs;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Frames of the 802.11 (link type 105) fixtures, in file order.
std::vector<Bytes> fixtureFrames() {
  std::vector<Bytes> frames;
  for (const char* rel : {"captures/wpa2-psk-linksys.cap", "captures/wpa-psk-linksys.cap", "captures/wpa.cap",
                          "captures/wpa2.eapol.cap", "captures/capture_wds-01.cap"}) {
    if (!test::fixtureExists(rel)) continue;
    auto opened = openCapture(test::fixturePath(rel));
    if (!std::holds_alternative<std::unique_ptr<CaptureFile>>(opened)) continue;
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    CaptureFrame f;
    while (file.next(f))
      if (f.linkType == 105) frames.push_back(toBytes(f.data));
  }
  return frames;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t target = 1'000'000;
  bool runTshark = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-tshark") == 0)
      runTshark = false;
    else
      target = std::stoul(argv[i]);
  }
  // One core, as the target is stated.
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one);

  const auto frames = fixtureFrames();
  if (frames.empty()) {
    fmt::print(stderr, "bench_indexing: no fixtures in {}\n", ROAMSCOPE_FIXTURES_DIR);
    return 0;
  }
  QTemporaryDir dir;
  const std::string path = dir.filePath("bench.pcap").toStdString();
  {
    auto created = PcapWriter::create(path, 105);
    auto& writer = *std::get<std::unique_ptr<PcapWriter>>(created);
    std::int64_t ts = 1'700'000'000'000'000'000;
    for (std::size_t i = 0; i < target; ++i) writer.writePacket(ts += 1000, frames[i % frames.size()]);
    writer.close();
  }
  fmt::print("capture: {} frames (fixture frames repeated), file {}\n", target, path);

  // RoamScope indexing pass (best of 3, the file in the page cache).
  double best = 1e9;
  std::uint64_t checksum = 0;
  for (int run = 0; run < 3; ++run) {
    auto opened = openCapture(path);
    auto& file = *std::get<std::unique_ptr<CaptureFile>>(opened);
    const auto t0 = Clock::now();
    std::size_t n = 0;
    forEachIndexedFrame(file, [&](const IndexedFrame& e) {
      checksum += e.cls.typeSubtype + e.cls.protocols + e.cls.addresses[kAddrTa] + e.fileOffset;
      ++n;
    });
    const auto t1 = Clock::now();
    best = std::min(best, seconds(t0, t1));
    if (n != target) fmt::print(stderr, "indexed {} frames, expected {}\n", n, target);
  }
  fmt::print("roamscope indexing pass: {:.3f} s, {:.2f} M frames/s (checksum {:x})\n", best, static_cast<double>(target) / best / 1e6,
             checksum);

  // Plain libpcap reading, the floor of what any reader can do.
  {
    char err[PCAP_ERRBUF_SIZE];
    double bestPcap = 1e9;
    for (int run = 0; run < 3; ++run) {
      pcap_t* p = pcap_open_offline(path.c_str(), err);
      if (!p) break;
      pcap_pkthdr* h;
      const u_char* data;
      std::size_t n = 0;
      const auto t0 = Clock::now();
      while (pcap_next_ex(p, &h, &data) == 1) {
        checksum += data[0];
        ++n;
      }
      bestPcap = std::min(bestPcap, seconds(t0, Clock::now()));
      pcap_close(p);
    }
    fmt::print("libpcap pcap_next_ex loop: {:.3f} s, {:.2f} M frames/s\n", bestPcap, static_cast<double>(target) / bestPcap / 1e6);
  }

  if (runTshark) {
    QProcess tshark;
    tshark.setStandardOutputFile(QProcess::nullDevice());
    const auto t0 = Clock::now();
    tshark.start("taskset", {"-c", "0", "tshark", "-n", "-r", QString::fromStdString(path), "-T", "fields", "-e",
                             "frame.number", "-e", "wlan.fc.type_subtype"});
    tshark.waitForFinished(-1);
    const double t = seconds(t0, Clock::now());
    fmt::print("tshark -T fields -e frame.number -e wlan.fc.type_subtype: {:.3f} s, {:.0f} frames/s\n", t,
               static_cast<double>(target) / t);
    fmt::print("RoamScope / tshark: {:.0f}x\n", t / best);
  }
  return 0;
}
