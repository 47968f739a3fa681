// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string_view>

namespace rs {

// "0.1.0" — from project(VERSION) in the top-level CMakeLists.txt.
std::string_view versionString();
// Versions of the libraries RoamScope was built against, for --version and bug reports.
std::string_view buildDescription();

}  // namespace rs
