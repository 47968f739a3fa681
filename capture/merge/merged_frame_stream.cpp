// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/merge/merged_frame_stream.h"

#include <algorithm>

#include "dissectors/index/frame_class.h"

namespace rs {

MergedFrameStream::MergedFrameStream(const std::vector<CaptureFile*>& files, std::vector<std::int64_t> clockOffsetsNs,
                                     std::int64_t duplicateWindowNs)
    : files_(files), current_(files.size()), offsets_(std::move(clockOffsetsNs)), window_(duplicateWindowNs) {
  offsets_.resize(files_.size(), 0);
  for (std::size_t i = 0; i < files_.size(); ++i) {
    files_[i]->rewind();
    advance(i);
  }
}

void MergedFrameStream::advance(std::size_t file) {
  if (files_[file]->next(current_[file])) heads_.push(Head{mergedTime(file), file});
}

namespace {

// FNV-1a, 64 bit: a cheap key for finding candidate copies; the bytes are compared after.
std::uint64_t fnv1a(ByteView data) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::uint8_t b : data) h = (h ^ b) * 0x100000001b3ull;
  return h;
}

}  // namespace

bool MergedFrameStream::isDuplicate(std::size_t file, const CaptureFrame& f, std::int64_t timestampNs) {
  if (files_.size() < 2) return false;
  while (!recent_.empty() && timestampNs - recent_.front().timestampNs >= window_) {
    const std::uint64_t hash = recent_.front().hash;
    for (auto [it, end] = byHash_.equal_range(hash); it != end; ++it) {
      if (it->second == evicted_) {
        byHash_.erase(it);
        break;
      }
    }
    recent_.pop_front();
    ++evicted_;
  }
  const ByteView mpdu = locateIeee80211(f.linkType, f.data);
  if (mpdu.empty()) return false;
  const std::uint64_t hash = fnv1a(mpdu);
  for (auto [it, end] = byHash_.equal_range(hash); it != end; ++it) {
    const Recent& r = recent_[it->second - evicted_];
    if (r.file != file && r.mpdu.size() == mpdu.size() && std::equal(mpdu.begin(), mpdu.end(), r.mpdu.begin()))
      return true;
  }
  byHash_.emplace(hash, evicted_ + recent_.size());
  recent_.push_back(Recent{timestampNs, file, hash, mpdu});
  return false;
}

bool MergedFrameStream::next(FrameView& frame) {
  std::size_t file = 0;
  while (true) {
    if (heads_.empty()) return false;
    file = heads_.top().file;
    heads_.pop();
    if (!isDuplicate(file, current_[file], mergedTime(file))) break;
    ++duplicates_;
    advance(file);
  }
  const CaptureFrame& f = current_[file];
  origin_ = MergedOrigin{file, f.index, f.timestampNs};
  frame = FrameView{emitted_++, mergedTime(file), f.linkType,
                    static_cast<std::uint32_t>((file << 16) | (f.interfaceId & 0xffffu)), f.data};
  // The view borrows the file's mapping, not current_[file]: advancing is safe.
  advance(file);
  return true;
}

}  // namespace rs
