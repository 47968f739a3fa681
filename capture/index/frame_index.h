// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The indexing pass over a capture file: for every frame its file offset,
// timestamp, capture interface and classification (802.11 type/subtype,
// addresses, protocol set) — what the packet list, statistics and roam
// analysis need. Field trees are built later, only for the frames shown.
#include <cstdint>
#include <vector>

#include "capture/file/capture_file.h"
#include "dissectors/index/frame_class.h"

namespace rs {

struct IndexedFrame {
  std::uint64_t fileOffset = 0;
  std::int64_t timestampNs = 0;
  std::uint32_t interfaceId = 0;
  std::uint32_t linkType = 0;
  std::uint32_t originalLength = 0;
  FrameClass cls;
};

// Reads the file from its first frame and calls visit(const IndexedFrame&) for
// each one. Returns false when the file ended in damage (file.error() says where).
template <typename Visitor>
bool forEachIndexedFrame(CaptureFile& file, Visitor&& visit) {
  file.rewind();
  CaptureFrame f;
  IndexedFrame entry;
  while (file.next(f)) {
    entry.fileOffset = f.fileOffset;
    entry.timestampNs = f.timestampNs;
    entry.interfaceId = f.interfaceId;
    entry.linkType = f.linkType;
    entry.originalLength = f.originalLength;
    classifyFrame(f.linkType, f.data, entry.cls);
    visit(static_cast<const IndexedFrame&>(entry));
  }
  return !file.error().has_value();
}

// The whole index in memory (about 80 bytes per frame).
std::vector<IndexedFrame> buildFrameIndex(CaptureFile& file);

}  // namespace rs
