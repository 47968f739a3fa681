// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/index/frame_index.h"

namespace rs {

std::vector<IndexedFrame> buildFrameIndex(CaptureFile& file) {
  std::vector<IndexedFrame> index;
  // The file size bounds the frame count (16-byte pcap record headers at least).
  index.reserve(static_cast<std::size_t>(file.fileSize() / 64));
  forEachIndexedFrame(file, [&](const IndexedFrame& e) { index.push_back(e); });
  return index;
}

}  // namespace rs
