// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_sampling.h"

#include <algorithm>

namespace rs::ui {

std::vector<std::size_t> sampleFrames(const std::vector<std::size_t>& inView, std::size_t budget,
                                      std::optional<std::size_t> keep) {
  if (inView.size() <= budget) return inView;
  if (budget == 0) return {};
  const bool keepInView = keep && std::binary_search(inView.begin(), inView.end(), *keep);
  const std::size_t spread = keepInView ? budget - 1 : budget;
  std::vector<std::size_t> picked;
  picked.reserve(budget);
  // Position j of `spread` evenly spaced picks: floor(j * n / spread), strictly increasing because n > spread.
  for (std::size_t j = 0; j < spread; ++j) picked.push_back(inView[j * inView.size() / spread]);
  if (keepInView && !std::binary_search(picked.begin(), picked.end(), *keep))
    picked.insert(std::lower_bound(picked.begin(), picked.end(), *keep), *keep);
  return picked;
}

}  // namespace rs::ui
