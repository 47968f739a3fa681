// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which frames of the visible window become timeline items when there are
// more than the item cap allows: evenly spread over the window (every k-th
// frame) so a zoomed-out view still shows where traffic is dense, plus the
// selected frame, so its highlight never disappears by sampling.
#include <cstddef>
#include <optional>
#include <vector>

namespace rs::ui {

// `inView` in stream order; the result is in stream order, at most `budget` long, every frame when they fit.
std::vector<std::size_t> sampleFrames(const std::vector<std::size_t>& inView, std::size_t budget,
                                      std::optional<std::size_t> keep);

}  // namespace rs::ui
