// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files RoamScope writes for the user (reports, key files, sweep tables)
// from the CLI and the desktop application: the format chosen by the
// extension, the text written whole.
#include <string>
#include <string_view>

namespace rs {

// True when `path` ends with `extension` (".json").
bool hasExtension(const std::string& path, std::string_view extension);
// Writes `text` to `path` (replacing it); false when the file cannot be written.
bool writeOutputFile(const std::string& path, std::string_view text);

}  // namespace rs
