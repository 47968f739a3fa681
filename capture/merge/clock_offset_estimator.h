// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-file clock offsets for a merge of captures taken by different adapters
// or machines (docs/latency.md, "Merging captures"). Frames heard by two
// capture points (frame_match_keys.h) are timestamped by two clocks; for each
// pair of files the offset is the median of the timestamp differences of their
// common frames — robust against the few frames one capture point delayed
// (queueing, a driver's batching) — with the number of matches and the spread
// (median absolute deviation) saying how much to trust it.
//
// The first file is the reference (offset 0). Every other file gets its offset
// along the chain of pairwise estimates with the most common frames (a maximum
// spanning tree over the match counts), so a file that shares nothing with the
// reference is still placed through a file that shares frames with both. A
// group of files that shares nothing with the reference's group is anchored at
// its first file with "no common frames: offset 0 assumed".
//
// Only the indexing pass over each file is needed (no dissection).
#include <cstdint>
#include <optional>
#include <vector>

#include "capture/file/capture_file.h"

namespace rs {

struct ClockOffsetConfig {
  // Common frames further apart than this are not counted (a hash collision, or
  // the same content sent again much later, cannot then drag the median).
  std::int64_t searchWindowNs = 10'000'000'000;
};

struct ClockOffset {
  // How far the file's clock runs ahead of the reference clock: the merge
  // subtracts it from the file's timestamps.
  std::int64_t offsetNs = 0;
  bool reference = false;              // the first file
  bool assumed = false;                // no common frames with the reference's group: offset 0 assumed
  std::optional<std::size_t> against;  // the file it was estimated against (its own offset included)
  std::size_t matches = 0;             // common frames with `against`
  std::int64_t spreadNs = 0;           // median absolute deviation of those differences
  std::uint64_t frames = 0;            // frames read from the file
};

struct ClockOffsetEstimate {
  std::vector<ClockOffset> files;  // in input order
  std::int64_t elapsedNs = 0;      // wall time the estimation took

  std::vector<std::int64_t> offsetsNs() const;
};

// The pairwise estimate: how far `b`'s clock runs ahead of `a`'s, from the frames both have.
struct PairOffset {
  std::size_t matches = 0;
  std::int64_t medianNs = 0;  // the offset: the median, or the mean of per-sender medians (see the .cpp)
  std::int64_t spreadNs = 0;
};
struct FileMatchKeys;
PairOffset estimatePairOffset(const FileMatchKeys& a, const FileMatchKeys& b, const ClockOffsetConfig& config = {});

// Reads every file once (each is rewound afterwards). Damaged files contribute the frames before the damage.
ClockOffsetEstimate estimateClockOffsets(const std::vector<CaptureFile*>& files, const ClockOffsetConfig& config = {});

}  // namespace rs
