// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The work of opening capture files in the desktop application, off the GUI
// thread: open every file (each unreadable one becomes one error, the others
// are still read), estimate the files' clock offsets from the frames they
// share, merge them by timestamp with duplicates dropped, and run the roam
// analysis over the merged stream — the same steps as `roamscope-cli analyze`.
//
// The frames are handed out in batches while the files are read, so the
// packet list can paint the first rows long before the last one is read. A
// batch's frames borrow their bytes from the files' memory mappings, which are
// immutable and live as long as the job's result; nothing else of a
// CaptureFile is touched outside the job's thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/file/capture_file.h"
#include "capture/merge/clock_offset_estimator.h"
#include "core/analysis/key_ring.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/roam_analyzer.h"
#include "dissectors/common/frame_view.h"

namespace rs::ui {

// One frame of the merged stream as the document keeps it (32 bytes; a million frames cost 32 MB).
struct LoadedFrame {
  std::int64_t timestampNs = 0;
  std::uint32_t capturePoint = 0;  // (file position << 16) | interface id, as MergedFrameStream numbers them
  std::uint32_t linkType = 0;
  ByteView data;
};

struct LoadBatch {
  std::vector<LoadedFrame> frames;
  std::uint64_t bytesRead = 0;  // over every file, for the progress bar
  std::uint64_t bytesTotal = 0;
  // Capture points met so far, named "wlan0" (one file), "roam-ch1.pcapng: wlan0" (several) or the file's
  // name when the interface has none (pcap).
  std::vector<std::pair<std::uint32_t, std::string>> newPoints;
};

// What is left when the job ends (completely or cancelled): the files (their mappings hold the frames'
// bytes), the analysis and what went wrong.
struct LoadResult {
  std::vector<std::unique_ptr<CaptureFile>> files;
  std::unique_ptr<KeyRing> keys;  // the analyzer refers to it
  std::unique_ptr<roam::RoamAnalyzer> analyzer;
  std::vector<roam::HandoffRecord> records;  // by time
  std::vector<std::string> errors;           // one per unreadable or damaged file
  std::vector<std::string> fileNames;         // the opened files' names, in input order
  std::optional<ClockOffsetEstimate> clockOffsets;  // when several files were merged
  std::vector<std::string> clockOffsetLines;  // one per file when several were merged
  std::uint64_t duplicatesDropped = 0;
  std::uint64_t frames = 0;
  bool cancelled = false;
};

struct LoadRequest {
  std::vector<std::string> paths;
  std::unique_ptr<KeyRing> keys;  // may be empty
  // Frames per batch before the job looks at the clock; the first batch is handed out early for a fast first paint.
  std::size_t firstBatchFrames = 2048;
  std::int64_t batchIntervalNs = 40'000'000;
};

class CaptureLoadJob {
 public:
  using BatchHandler = std::function<void(LoadBatch&&)>;

  // `onBatch` runs on the job's thread; the handler moves the batch to wherever it is shown.
  CaptureLoadJob(LoadRequest request, BatchHandler onBatch);

  // Reads everything (or until cancel()); call once, on any thread.
  LoadResult run();
  // Thread-safe: the job stops at the next batch boundary and finishes the analysis of what it read.
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }

 private:
  LoadRequest request_;
  BatchHandler onBatch_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace rs::ui
