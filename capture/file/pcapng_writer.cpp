// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/file/pcapng_writer.h"

#include "capture/file/packet_lengths.h"

#include <fmt/format.h>

#include <limits>
#include <utility>

#include "capture/file/pcapng_blocks.h"
#include "capture/file/pcapng_options.h"

namespace rs {

namespace {

constexpr std::uint16_t kShbUserAppl = 4;
constexpr std::uint16_t kIfName = 2;
constexpr std::uint16_t kIfDescription = 3;
constexpr std::uint16_t kIfTsresol = 9;
constexpr std::uint8_t kNanosecondResolution = 9;  // 10^-9 s
constexpr std::size_t kMaxOptionLength = std::numeric_limits<std::uint16_t>::max();

std::uint32_t padded4(std::size_t n) { return static_cast<std::uint32_t>((n + 3u) & ~std::size_t{3}); }

// Size of one option with its padding (§3.5); 0 for an empty value that is left out.
std::uint32_t optionSize(std::size_t valueLength) { return valueLength == 0 ? 0 : 4 + padded4(valueLength); }

void putOption(ByteWriter& w, std::uint16_t code, ByteView value) {
  if (value.empty()) return;
  w.u16le(code)
      .u16le(static_cast<std::uint16_t>(value.size()))
      .bytes(value)
      .zeros(padded4(value.size()) - value.size());
}

}  // namespace

PcapngWriter::CreateResult PcapngWriter::create(const std::string& path, std::string_view sectionComment) {
  auto sink = OutputSink::create(path);
  if (auto* error = std::get_if<FileError>(&sink)) return std::move(*error);
  std::unique_ptr<PcapngWriter> writer(
      new PcapngWriter(std::move(std::get<std::unique_ptr<OutputSink>>(sink)), sectionComment));
  if (writer->error()) return *writer->error();
  return writer;
}

PcapngWriter::PcapngWriter(std::ostream& out, std::string_view sectionComment)
    : PcapngWriter(std::make_unique<OutputSink>(out, "<stream>"), sectionComment) {}

PcapngWriter::PcapngWriter(std::unique_ptr<OutputSink> sink, std::string_view sectionComment) : sink_(std::move(sink)) {
  writeSectionHeader(sectionComment);
}

PcapngWriter::~PcapngWriter() { sink_->close(); }

void PcapngWriter::writeSectionHeader(std::string_view sectionComment) {
  if (sectionComment.size() > kMaxOptionLength) {
    sink_->abort(fmt::format("section comment of {} bytes is longer than a pcapng option allows ({})",
                             sectionComment.size(), kMaxOptionLength));
    return;
  }
  const std::uint32_t options = optionSize(sectionComment.size()) + optionSize(kPcapngUserApplication.size()) + 4;
  const std::uint32_t length = 28 + options;
  ByteWriter& w = sink_->buffer();
  w.u32le(kPcapngSectionHeaderBlock).u32le(length).u32le(kPcapngByteOrderMagic);
  w.u16le(1).u16le(0);                                 // version 1.0
  w.u64le(std::numeric_limits<std::uint64_t>::max());  // section length -1: not known in advance
  putOption(w, kOptComment, asView(sectionComment));
  putOption(w, kShbUserAppl, asView(kPcapngUserApplication));
  w.u32le(kOptEndOfOpt);
  w.u32le(length);
  sink_->commit();
}

std::optional<std::uint32_t> PcapngWriter::addInterface(std::uint32_t linkType, std::string_view name,
                                                        std::uint32_t snaplen, std::string_view description) {
  if (sink_->failed()) return std::nullopt;
  if (linkType > 0xFFFF) {
    sink_->fail(fmt::format("link type {} does not fit the 16-bit pcapng field", linkType));
    return std::nullopt;
  }
  if (name.size() > kMaxOptionLength || description.size() > kMaxOptionLength) {
    sink_->fail(fmt::format("interface name or description longer than a pcapng option allows ({})", kMaxOptionLength));
    return std::nullopt;
  }
  const std::uint32_t options = optionSize(name.size()) + optionSize(description.size()) + optionSize(1) + 4;
  const std::uint32_t length = 20 + options;
  ByteWriter& w = sink_->buffer();
  w.u32le(kPcapngInterfaceDescriptionBlock).u32le(length);
  w.u16le(static_cast<std::uint16_t>(linkType)).u16le(0).u32le(snaplen);
  putOption(w, kIfName, asView(name));
  putOption(w, kIfDescription, asView(description));
  const std::uint8_t tsresol = kNanosecondResolution;
  putOption(w, kIfTsresol, ByteView(&tsresol, 1));
  w.u32le(kOptEndOfOpt);
  w.u32le(length);
  if (!sink_->commit()) return std::nullopt;
  interfaces_.push_back(linkType);
  return static_cast<std::uint32_t>(interfaces_.size() - 1);
}

bool PcapngWriter::writePacket(std::uint32_t interfaceId, std::int64_t timestampNs, ByteView data,
                               std::string_view comment, std::uint32_t originalLength) {
  if (sink_->failed()) return false;
  if (interfaceId >= interfaces_.size()) {
    return sink_->fail(
        fmt::format("packet for interface {}, but only {} interface(s) were added", interfaceId, interfaces_.size()));
  }
  const auto checkedLength = checkedOriginalLength(*sink_, data, originalLength);
  if (!checkedLength) return false;
  originalLength = *checkedLength;
  const auto captured = static_cast<std::uint32_t>(data.size());
  if (comment.size() > kMaxOptionLength) {
    return sink_->fail(fmt::format("packet comment of {} bytes is longer than a pcapng option allows ({})",
                                   comment.size(), kMaxOptionLength));
  }
  const std::uint32_t options = comment.empty() ? 0 : optionSize(comment.size()) + 4;
  const std::uint32_t length = 32 + padded4(captured) + options;
  // if_tsresol 9: the timestamp is the nanosecond count itself, split into two 32-bit halves.
  const auto units = static_cast<std::uint64_t>(timestampNs);
  ByteWriter& w = sink_->buffer();
  w.u32le(kPcapngEnhancedPacketBlock).u32le(length);
  w.u32le(interfaceId).u32le(static_cast<std::uint32_t>(units >> 32)).u32le(static_cast<std::uint32_t>(units));
  w.u32le(captured).u32le(originalLength);
  w.bytes(data).zeros(padded4(captured) - captured);
  if (!comment.empty()) {
    putOption(w, kOptComment, asView(comment));
    w.u32le(kOptEndOfOpt);
  }
  w.u32le(length);
  return sink_->commit();
}

bool PcapngWriter::flush() { return sink_->flush(); }

bool PcapngWriter::close() { return sink_->close(); }

}  // namespace rs
