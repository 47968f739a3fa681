// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixture_compare.h"

#include <fmt/format.h>

#include "dissectors/dispatch.h"
#include "frame_source.h"
#include "tshark_runner.h"

namespace rs::test {

bool dissectForComparison(std::uint32_t linkType, const Bytes& bytes, Dissection& out) {
  switch (linkType) {
    case 1:    // Ethernet
    case 113:  // Linux SLL
    case 276:  // Linux SLL2
      out = dissectFrame(linkType, bytes);
      return true;
    default: break;
  }
  const auto msdu = msduOffset(linkType, bytes);
  if (!msdu) return false;
  dissectLlc(PayloadContext{bytes, *msdu, 0}, out);
  return true;
}

FrameComparison compareWithTshark(
    const std::string& file, const std::vector<std::string>& fields,
    const std::function<bool(const std::vector<std::string>&, const Dissection&)>& selected,
    const std::function<bool(const std::vector<std::string>&)>& columns, const QStringList& extraArgs) {
  FrameComparison result;
  const PcapCapture capture = readClassicPcap(file);
  if (!capture.error.empty()) {
    result.error = capture.error;
    return result;
  }
  std::vector<std::string> withNumber{"frame.number"};
  withNumber.insert(withNumber.end(), fields.begin(), fields.end());
  const TsharkTable table = runTsharkFields(file, withNumber, extraArgs);
  if (!table.error.empty()) {
    result.error = table.error;
    return result;
  }
  for (const auto& fullRow : table.rows) {
    const std::size_t number = std::stoul(fullRow[0]);
    if (number == 0 || number > capture.frames.size()) {
      result.error = fmt::format("tshark frame number {} outside the capture", fullRow[0]);
      return result;
    }
    const std::vector<std::string> row(fullRow.begin() + 1, fullRow.end());
    Dissection ours;
    if (!dissectForComparison(capture.linkType, capture.frames[number - 1], ours)) continue;
    if (!selected(row, ours)) continue;
    ++result.framesCompared;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      std::string mine;
      if (fields[i] == "_ws.col.Protocol" || fields[i] == "_ws.col.Info") {
        if (!columns(row)) continue;
        mine = fields[i] == "_ws.col.Protocol" ? ours.protocol : ours.info;
      } else {
        mine = dissectionFieldValues(ours, fields[i]);
      }
      ++result.fieldsCompared;
      if (withoutColons(mine) != withoutColons(row[i]))
        result.mismatches.push_back(
            fmt::format("frame {} {}: ours '{}' tshark '{}'", number, fields[i], mine, row[i]));
    }
  }
  return result;
}

}  // namespace rs::test
