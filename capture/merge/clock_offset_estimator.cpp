// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/merge/clock_offset_estimator.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "capture/merge/frame_match_keys.h"

namespace rs {
namespace {

// The median of `values` (reordered); the mean of the two middle values for an even count.
std::int64_t median(std::vector<std::int64_t>& values) {
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const std::int64_t upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const std::int64_t lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return lower + (upper - lower) / 2;
}

}  // namespace

std::vector<std::int64_t> ClockOffsetEstimate::offsetsNs() const {
  std::vector<std::int64_t> out;
  for (const ClockOffset& o : files) out.push_back(o.offsetNs);
  return out;
}

// Why per sender: a frame captured at two points is seen later at the point further from its sender, so each
// difference is the clock offset plus a one-way delay whose sign depends on the direction. Pings between a
// station and its gateway captured on the station and on the distribution system bias the requests one way
// and the replies the other; the median of all differences lands on whichever direction has more samples.
// The median per sender removes the jitter, and the mean of the senders' medians cancels symmetric delays.
// Frames of one sender (beacons of one AP heard by two adapters) reduce to the plain median.
PairOffset estimatePairOffset(const FileMatchKeys& a, const FileMatchKeys& b, const ClockOffsetConfig& config) {
  std::vector<std::int64_t> differences;
  std::map<std::uint64_t, std::vector<std::int64_t>> bySender;
  // Both key lists are sorted by hash with each hash once: a merge join.
  auto i = a.keys.begin();
  auto j = b.keys.begin();
  while (i != a.keys.end() && j != b.keys.end()) {
    if (i->hash < j->hash) {
      ++i;
    } else if (j->hash < i->hash) {
      ++j;
    } else {
      const std::int64_t d = j->timestampNs - i->timestampNs;
      if (d <= config.searchWindowNs && d >= -config.searchWindowNs) {
        differences.push_back(d);
        bySender[i->sender].push_back(d);
      }
      ++i;
      ++j;
    }
  }
  PairOffset p;
  p.matches = differences.size();
  if (differences.empty()) return p;
  constexpr std::size_t kMinSamplesPerSender = 3;  // fewer: too few for a median of its own
  std::vector<std::int64_t> senderMedians;
  for (auto& [sender, values] : bySender)
    if (values.size() >= kMinSamplesPerSender) senderMedians.push_back(median(values));
  if (senderMedians.size() >= 2) {
    // The mean of the medians, summed as offsets from the first to stay far from overflow.
    std::int64_t sum = 0;
    for (std::int64_t m : senderMedians) sum += m - senderMedians.front();
    p.medianNs = senderMedians.front() + sum / static_cast<std::int64_t>(senderMedians.size());
  } else {
    p.medianNs = median(differences);
  }
  for (std::int64_t& d : differences) d = std::llabs(d - p.medianNs);
  p.spreadNs = median(differences);
  return p;
}

ClockOffsetEstimate estimateClockOffsets(const std::vector<CaptureFile*>& files, const ClockOffsetConfig& config) {
  const auto started = std::chrono::steady_clock::now();
  ClockOffsetEstimate result;
  const std::size_t n = files.size();
  result.files.resize(n);
  std::vector<FileMatchKeys> keys;
  keys.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys.push_back(collectMatchKeys(*files[i]));
    result.files[i].frames = keys.back().frames;
  }
  // pair[i][j]: how far j's clock runs ahead of i's.
  std::vector<std::vector<PairOffset>> pair(n, std::vector<PairOffset>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      pair[i][j] = estimatePairOffset(keys[i], keys[j], config);
      pair[j][i] = pair[i][j];
      pair[j][i].medianNs = -pair[i][j].medianNs;
    }
  }
  // Prim's algorithm on the match counts: each step places the unplaced file with the most common frames with
  // a placed one. When none shares anything, the first unplaced file anchors a new group at offset 0.
  std::vector<bool> placed(n, false);
  for (std::size_t count = 0; count < n; ++count) {
    std::size_t bestFile = n, bestFrom = n, bestMatches = 0;
    for (std::size_t from = 0; from < n; ++from) {
      if (!placed[from]) continue;
      for (std::size_t to = 0; to < n; ++to) {
        if (placed[to] || pair[from][to].matches <= bestMatches) continue;
        bestFile = to;
        bestFrom = from;
        bestMatches = pair[from][to].matches;
      }
    }
    if (bestFile == n) {
      bestFile = static_cast<std::size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
      ClockOffset& o = result.files[bestFile];
      o.reference = bestFile == 0;
      o.assumed = bestFile != 0;
    } else {
      ClockOffset& o = result.files[bestFile];
      o.against = bestFrom;
      o.matches = bestMatches;
      o.spreadNs = pair[bestFrom][bestFile].spreadNs;
      o.offsetNs = result.files[bestFrom].offsetNs + pair[bestFrom][bestFile].medianNs;
    }
    placed[bestFile] = true;
  }
  result.elapsedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace rs
