// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's glossary: what each latency definition and phase measures, in
// a sentence or two (docs/latency.md has the full rules). Plot captions link
// to these entries by their anchors.
#include <string>
#include <string_view>

#include "core/analysis/roam/handoff_record.h"

namespace rs::ui {

std::string_view definitionMeaning(roam::Definition definition);
std::string_view phaseMeaning(roam::PhaseKind phase);
// "def-auth-to-m4": the id of the definition's glossary entry.
std::string definitionAnchor(roam::Definition definition);

}  // namespace rs::ui
