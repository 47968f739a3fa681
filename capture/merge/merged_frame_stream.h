// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Several capture files read as one frame stream in timestamp order (a k-way
// merge: each file is already in time order, so the next frame is always the
// earliest head). Ties keep command-line order, so the result is deterministic.
//
// Adapters on overlapping channels hear the same transmission: an 802.11 frame
// whose MPDU (radio header and FCS left out) is byte-identical to one from
// *another* file less than `duplicateWindowNs` earlier is the same frame and is
// dropped; the earliest copy stays. Within one file nothing is dropped.
//
// Each file's clock offset (clock_offset_estimator.h) is subtracted from its
// timestamps before merging, so the stream runs on the first file's clock; the
// window then only has to cover the jitter between adapters. origin() keeps the
// frame's own file, position and original timestamp.
#include <cstdint>
#include <deque>
#include <memory>
#include <queue>
#include <unordered_map>
#include <vector>

#include "capture/file/capture_file.h"

namespace rs {

// Where a merged frame came from.
struct MergedOrigin {
  std::size_t file = 0;                // position in the file list
  std::uint64_t fileFrameIndex = 0;    // 0-based frame number inside that file
  std::int64_t originalTimestampNs = 0;  // the file's own timestamp, before its clock offset was removed
};

class MergedFrameStream {
 public:
  // The files must outlive the stream. `clockOffsetsNs[i]` is subtracted from file i's timestamps (missing
  // entries are 0).
  explicit MergedFrameStream(const std::vector<CaptureFile*>& files, std::vector<std::int64_t> clockOffsetsNs = {},
                             std::int64_t duplicateWindowNs = 5'000'000);

  // The next frame of the merge; false when every file is exhausted. The view's
  // index counts frames of the merged stream; its capture point is
  // (file position << 16) | interface id, unique across the files.
  bool next(FrameView& frame);
  // The origin of the frame next() returned last.
  const MergedOrigin& origin() const { return origin_; }
  // Frames dropped as copies of a frame another file already gave.
  std::uint64_t duplicatesDropped() const { return duplicates_; }

 private:
  struct Recent {
    std::int64_t timestampNs = 0;
    std::size_t file = 0;
    std::uint64_t hash = 0;
    ByteView mpdu;  // borrowed from the file's mapping
  };
  bool isDuplicate(std::size_t file, const CaptureFrame& f, std::int64_t timestampNs);
  std::int64_t mergedTime(std::size_t file) const { return current_[file].timestampNs - offsets_[file]; }

  struct Head {
    std::int64_t timestampNs = 0;
    std::size_t file = 0;
    bool operator>(const Head& o) const {
      return timestampNs != o.timestampNs ? timestampNs > o.timestampNs : file > o.file;
    }
  };
  void advance(std::size_t file);

  std::vector<CaptureFile*> files_;
  std::vector<CaptureFrame> current_;
  std::vector<std::int64_t> offsets_;
  MergedOrigin origin_;
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads_;
  std::uint64_t emitted_ = 0;
  std::int64_t window_ = 0;
  std::deque<Recent> recent_;  // 802.11 frames of the last window_, oldest first
  std::unordered_multimap<std::uint64_t, std::size_t> byHash_;  // MPDU hash → absolute position in recent_
  std::size_t evicted_ = 0;                                      // frames popped from recent_ so far
  std::uint64_t duplicates_ = 0;
};

}  // namespace rs
