// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/capture_load_job.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <variant>

#include "capture/merge/clock_offset_report.h"
#include "capture/merge/merged_frame_stream.h"

namespace rs::ui {

namespace {

std::int64_t monotonicNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// "wlan0" for a named interface (pcapng if_name), prefixed with the file's name when several files are
// merged; the file's name itself for an unnamed one (a pcap file), with "#id" past the first.
std::string pointName(const CaptureFile& file, std::uint32_t id, const std::string& fileName, bool severalFiles) {
  const auto& interfaces = file.interfaces();
  if (id >= interfaces.size() || interfaces[id].name.empty())
    return id == 0 ? fileName : fmt::format("{}#{}", fileName, id);
  return severalFiles ? fmt::format("{}: {}", fileName, interfaces[id].name) : interfaces[id].name;
}

// How far the files have been read: the start of the last record each one indexed.
std::uint64_t bytesRead(const std::vector<CaptureFile*>& files) {
  std::uint64_t read = 0;
  for (const CaptureFile* f : files)
    read += f->fullyIndexed() || f->error() ? f->fileSize() : (f->frameOffsets().empty() ? 0 : f->frameOffsets().back());
  return read;
}

}  // namespace

CaptureLoadJob::CaptureLoadJob(LoadRequest request, BatchHandler onBatch)
    : request_(std::move(request)), onBatch_(std::move(onBatch)) {}

LoadResult CaptureLoadJob::run() {
  LoadResult result;
  std::vector<CaptureFile*> files;
  std::vector<std::string> names;  // file names for points and clock-offset lines
  for (const std::string& path : request_.paths) {
    auto opened = CaptureFile::open(path);
    if (auto* error = std::get_if<FileError>(&opened)) {
      result.errors.push_back(error->toString());
      continue;
    }
    result.files.push_back(std::get<std::unique_ptr<CaptureFile>>(std::move(opened)));
    files.push_back(result.files.back().get());
    names.push_back(std::filesystem::path(path).filename().string());
  }
  std::uint64_t bytesTotal = 0;
  for (const CaptureFile* f : files) bytesTotal += f->fileSize();

  std::vector<std::int64_t> offsets;
  if (files.size() > 1) {
    // As `analyze` does: each file's clock offset from the frames the files share, removed before merging.
    result.clockOffsets = estimateClockOffsets(files);
    offsets = result.clockOffsets->offsetsNs();
    for (std::size_t i = 0; i < files.size(); ++i)
      result.clockOffsetLines.push_back(clockOffsetLine(*result.clockOffsets, i, names));
  }

  result.fileNames = names;
  result.keys = request_.keys ? std::move(request_.keys) : std::make_unique<KeyRing>();
  result.analyzer = std::make_unique<roam::RoamAnalyzer>(result.keys->empty() ? nullptr : result.keys.get());
  MergedFrameStream stream(files, offsets);

  LoadBatch batch;
  std::vector<bool> named;  // per capture point ((file << 16) | interface: a few bits per file): announced
  auto announce = [&](std::uint32_t point) {
    if (point < named.size() && named[point]) return;
    if (point >= named.size()) named.resize(point + 1, false);
    named[point] = true;
    const std::size_t file = point >> 16;
    batch.newPoints.emplace_back(point, pointName(*files[file], point & 0xffff, names[file], files.size() > 1));
  };
  auto handOut = [&] {
    batch.bytesRead = bytesRead(files);
    batch.bytesTotal = bytesTotal;
    onBatch_(std::move(batch));
    batch = LoadBatch{};
  };

  std::size_t batchLimit = request_.firstBatchFrames;
  std::int64_t lastHandOut = monotonicNs();
  FrameView frame;
  while (stream.next(frame)) {
    result.analyzer->observe(frame);
    announce(frame.capturePoint);
    batch.frames.push_back(LoadedFrame{frame.timestampNs, frame.capturePoint, frame.linkType, frame.data});
    ++result.frames;
    if (batch.frames.size() < batchLimit) continue;
    // Look at the clock only every so many frames; hand out when the interval has passed.
    const std::int64_t now = monotonicNs();
    if (now - lastHandOut >= request_.batchIntervalNs || result.frames == request_.firstBatchFrames) {
      handOut();
      lastHandOut = now;
      if (cancelled_.load(std::memory_order_relaxed)) {
        result.cancelled = true;
        break;
      }
    }
    batchLimit = batch.frames.size() + 4096;
  }
  handOut();
  result.analyzer->finish();
  result.records = result.analyzer->recordsByTime();
  result.duplicatesDropped = stream.duplicatesDropped();
  for (const CaptureFile* f : files)
    if (f->error()) result.errors.push_back(f->error()->toString());
  return result;
}

}  // namespace rs::ui
