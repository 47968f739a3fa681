// SPDX-License-Identifier: GPL-3.0-or-later
#include "dissectors/common/dissection.h"

namespace rs {

void Dissection::markMalformed(Field& layer, std::string reason, std::size_t offset) {
  layer.addMalformed(reason, offset);
  if (!malformed) {
    malformed = true;
    malformedOffset = offset;
    malformedReason = std::move(reason);
  }
}

std::string Dissection::protocols() const {
  std::string out;
  for (const auto& l : layers) {
    if (!out.empty()) out += ':';
    out += l.name;
  }
  return out;
}

const Field* Dissection::find(std::string_view fieldName) const {
  for (const auto& l : layers)
    if (const Field* f = l.find(fieldName)) return f;
  return nullptr;
}

std::vector<const Field*> Dissection::findAll(std::string_view fieldName) const {
  std::vector<const Field*> out;
  for (const auto& l : layers) l.findAll(fieldName, out);
  return out;
}

const Field* Dissection::layer(std::string_view layerName) const {
  for (const auto& l : layers)
    if (l.name == layerName) return &l;
  return nullptr;
}

}  // namespace rs
