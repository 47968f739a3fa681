// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/pcap_writer.h"

#include "capture/file/packet_lengths.h"

#include <fmt/format.h>

#include <utility>

#include "capture/file/pcap_records.h"

namespace rs {

namespace {

constexpr std::int64_t kNanosecondsPerSecond = 1000000000;
constexpr std::int64_t kLastRepresentableSecond = 0xFFFFFFFF;

}  // namespace

PcapWriter::CreateResult PcapWriter::create(const std::string& path, std::uint32_t linkType, std::uint32_t snaplen) {
  auto sink = OutputSink::create(path);
  if (auto* error = std::get_if<FileError>(&sink)) return std::move(*error);
  std::unique_ptr<PcapWriter> writer(
      new PcapWriter(std::move(std::get<std::unique_ptr<OutputSink>>(sink)), linkType, snaplen));
  if (writer->error()) return *writer->error();
  return writer;
}

PcapWriter::PcapWriter(std::ostream& out, std::uint32_t linkType, std::uint32_t snaplen)
    : PcapWriter(std::make_unique<OutputSink>(out, "<stream>"), linkType, snaplen) {}

PcapWriter::PcapWriter(std::unique_ptr<OutputSink> sink, std::uint32_t linkType, std::uint32_t snaplen)
    : sink_(std::move(sink)) {
  if (linkType > 0xFFFF) {
    sink_->abort(fmt::format("link type {} does not fit the 16-bit LinkType field", linkType));
    return;
  }
  ByteWriter& w = sink_->buffer();
  w.u32le(kPcapMagicNanoseconds).u16le(2).u16le(4);  // version 2.4
  w.u32le(0).u32le(0);                               // thiszone, sigfigs: always 0
  w.u32le(snaplen).u32le(linkType);
  sink_->commit();
}

PcapWriter::~PcapWriter() { sink_->close(); }

bool PcapWriter::writePacket(std::int64_t timestampNs, ByteView data, std::uint32_t originalLength) {
  if (sink_->failed()) return false;
  const std::int64_t seconds = timestampNs / kNanosecondsPerSecond;
  if (timestampNs < 0 || seconds > kLastRepresentableSecond) {
    return sink_->fail(fmt::format("timestamp {} ns is outside the pcap range (1970 to 2106)", timestampNs));
  }
  const auto checkedLength = checkedOriginalLength(*sink_, data, originalLength);
  if (!checkedLength) return false;
  originalLength = *checkedLength;
  const auto captured = static_cast<std::uint32_t>(data.size());
  ByteWriter& w = sink_->buffer();
  w.u32le(static_cast<std::uint32_t>(seconds));
  w.u32le(static_cast<std::uint32_t>(timestampNs % kNanosecondsPerSecond));
  w.u32le(captured).u32le(originalLength).bytes(data);
  return sink_->commit();
}

bool PcapWriter::flush() { return sink_->flush(); }

bool PcapWriter::close() { return sink_->close(); }

}  // namespace rs
