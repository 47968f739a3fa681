// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compares RoamScope's field trees with tshark's -T fields output for a whole
// capture, field by field and frame by frame.
#include <QStringList>
#include <functional>
#include <optional>
#include <set>
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

// For suites that reach only part of a capture (the layers above the MAC, the
// frames carrying EAPOL): `dissect` returns nullopt for a frame the suite
// cannot dissect, which is then skipped; `selected(tsharkRow, ours)` picks the
// frames to compare (tsharkRow lines up with `fields`). The columns
// "_ws.col.Protocol" and "_ws.col.Info" compare with Dissection::protocol and
// ::info, and only in the frames where `columns(tsharkRow)` says they are ours.
// `frames` counts the frames compared; frames are matched by tshark's frame.number.
using PartialDissectFn = std::function<std::optional<Dissection>(const CaptureFrame&)>;
using FrameSelector = std::function<bool(const std::vector<std::string>& tsharkRow, const Dissection& ours)>;
using ColumnSelector = std::function<bool(const std::vector<std::string>& tsharkRow)>;
ComparisonResult compareSelectedWithTshark(const std::string& file, const std::vector<std::string>& fields,
                                           const QStringList& extraTsharkArgs, const PartialDissectFn& dissect,
                                           const FrameSelector& selected, const ColumnSelector& columns);

// Every occurrence of `field` in `d` rendered the way -T fields prints it:
// values joined by ',', byte strings without colons, an empty byte string as "<MISSING>".
std::string ourFieldValues(const Dissection& d, const std::string& field);

// Names of the valued fields below the layers of `d` named in `layers`, in
// tree order, appended to `out` unless already there.
void collectFieldNames(const Dissection& d, const std::set<std::string>& layers, std::vector<std::string>& out);

}  // namespace rs::test
