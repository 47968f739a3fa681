// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compares RoamScope's field trees with tshark's -T fields output for a whole
// capture, field by field and frame by frame.
#include <QStringList>
#include <functional>
#include <string>
#include <vector>

#include "capture/file/capture_frame.h"
#include "dissectors/common/dissection.h"

namespace rs::test {

// How the suite under test turns a frame into a dissection (plain, or with keys).
using DissectFn = std::function<Dissection(const CaptureFrame&)>;

struct FieldMismatch {
  std::size_t frameNumber = 0;  // 1-based, like tshark
  std::string field;
  std::string ours;
  std::string tshark;
};

struct ComparisonResult {
  std::size_t frames = 0;
  std::size_t comparedValues = 0;  // non-empty cells compared
  std::vector<FieldMismatch> mismatches;
  std::string error;  // tshark or file failure
};

// Our rendering of a field in a dissection: every occurrence, joined by ','
// (colons removed from byte strings, as -T fields prints them).
// `dissect` defaults to dissectFrame(linkType, data).
ComparisonResult compareWithTshark(const std::string& file, const std::vector<std::string>& fields,
                                   const QStringList& extraTsharkArgs = {}, const DissectFn& dissect = {});

std::string describe(const ComparisonResult& r, std::size_t maxLines = 25);

}  // namespace rs::test
