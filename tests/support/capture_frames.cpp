// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/capture_frames.h"

#include <variant>

#include "capture/file/pcap_writer.h"

namespace rs::test {

LoadedCapture loadCapture(const std::string& path) {
  LoadedCapture out;
  auto opened = openCapture(path);
  if (auto* e = std::get_if<FileError>(&opened)) {
    out.error = e->toString();
    return out;
  }
  out.file = std::move(std::get<std::unique_ptr<CaptureFile>>(opened));
  CaptureFrame f;
  while (out.file->next(f)) out.frames.push_back(f);
  if (out.file->error()) out.error = out.file->error()->toString();
  if (!out.file->interfaces().empty()) out.linkType = out.file->interfaces().front().linkType;
  return out;
}

bool writePcap(const std::string& path, std::uint32_t linkType, const std::vector<Bytes>& frames,
               std::string* error) {
  auto created = PcapWriter::create(path, linkType);
  if (auto* e = std::get_if<FileError>(&created)) {
    if (error) *error = e->toString();
    return false;
  }
  auto& writer = *std::get<std::unique_ptr<PcapWriter>>(created);
  constexpr std::int64_t kSecond = 1'000'000'000;
  std::int64_t stamp = kSecond;
  bool ok = true;
  for (const Bytes& f : frames) {
    ok = writer.writePacket(stamp, f) && ok;
    stamp += kSecond;
  }
  ok = writer.close() && ok;
  if (!ok && error && writer.error()) *error = writer.error()->toString();
  return ok;
}

}  // namespace rs::test
