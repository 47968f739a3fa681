// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Renders a dissected frame for people (an indented tree, like the packet
// details pane and `tshark -V`) and for programs (JSON in the shape of
// `tshark -T json --no-duplicate-keys`: repeated field names become arrays).
// Fields marked secret are masked unless the caller passes showSecrets.
#include <string>

#include <nlohmann/json.hpp>

#include "dissectors/common/dissection.h"

namespace rs {

struct OutputOptions {
  bool showSecrets = false;
};

// "a1b2…(16 bytes hidden)": enough to tell keys apart, not enough to use them.
std::string maskedValue(const Field& field);
// The value as printed: the tshark rendering, or the mask for a hidden secret.
std::string displayValue(const Field& field, const OutputOptions& options);

// One line of the details tree for `field`: its label, or the label's title with the mask for a hidden secret.
std::string fieldLine(const Field& field, const OutputOptions& options);
// The Info column of the packet list (`dissect`'s summary line, the GUI's packet list): the
// dissection's info, flagged when the frame is malformed.
std::string infoColumn(const Dissection& dissection);

std::string formatTreeText(const Dissection& dissection, const OutputOptions& options);
nlohmann::ordered_json layersToJson(const Dissection& dissection, const OutputOptions& options);

}  // namespace rs
