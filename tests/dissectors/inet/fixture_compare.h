// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only: dissects every frame of a capture the way these suites can (link
// layers they own, or LLC found inside 802.11 data frames) and compares the
// listed fields with tshark's, frame by frame.
#include <functional>
#include <string>
#include <vector>

#include <QStringList>

#include "dissectors/common/dissection.h"

namespace rs::test {

struct FrameComparison {
  std::string error;                    // tshark or file failure
  std::vector<std::string> mismatches;  // "frame 3 eapol.len: ours '95' tshark '96'"
  int framesCompared = 0;
  int fieldsCompared = 0;
};

// Our dissection of frame `bytes` of a capture with `linkType`; false when this
// suite cannot reach the payload (protected 802.11 frame, management frame...).
bool dissectForComparison(std::uint32_t linkType, const Bytes& bytes, Dissection& out);

// Compares `fields` for the frames selected by `selected(tsharkRow, ours)`
// (tsharkRow lines up with `fields`). Columns named "_ws.col.*" compare
// against the Dissection's protocol/info only when `columns(tsharkRow)` says so.
FrameComparison compareWithTshark(
    const std::string& file, const std::vector<std::string>& fields,
    const std::function<bool(const std::vector<std::string>&, const Dissection&)>& selected,
    const std::function<bool(const std::vector<std::string>&)>& columns, const QStringList& extraArgs = {});

}  // namespace rs::test
