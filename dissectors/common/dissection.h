// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The result of dissecting one frame: protocol layers in order (like tshark's
// "layers" object), the summary columns of the packet list, and the first
// malformed point. A dissector appends its layer and hands the payload on
// through dispatch.h; it never throws on peer-supplied bytes.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dissectors/common/field.h"

namespace rs {

struct Dissection {
  std::vector<Field> layers;  // "radiotap", "wlan", "wlan.mgt", "llc", "eapol", ...
  // Byte sources beyond the frame itself (decrypted payloads). A layer whose
  // `sourceIndex` is n > 0 has offsets into decryptedSources[n - 1].
  std::vector<Bytes> decryptedSources;
  std::vector<std::size_t> layerSource;  // parallel to layers; 0 = the frame

  // Packet-list columns.
  std::string source;
  std::string destination;
  std::string protocol;  // the topmost protocol's short name: "802.11", "EAPOL", "ARP", ...
  std::string info;

  // First malformed point (the tree keeps everything decoded before it).
  bool malformed = false;
  std::size_t malformedOffset = 0;
  std::string malformedReason;

  Field& addLayer(Field layer, std::size_t sourceIndex = 0) {
    layers.push_back(std::move(layer));
    layerSource.push_back(sourceIndex);
    return layers.back();
  }
  // Records a malformed point on `layer` and on the dissection (first one wins).
  void markMalformed(Field& layer, std::string reason, std::size_t offset);

  // "radiotap:wlan:llc:eapol" — the names of the layers, like frame.protocols.
  std::string protocols() const;
  const Field* find(std::string_view fieldName) const;
  std::vector<const Field*> findAll(std::string_view fieldName) const;
  const Field* layer(std::string_view layerName) const;
};

}  // namespace rs
