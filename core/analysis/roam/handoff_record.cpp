// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/handoff_record.h"

#include <array>

namespace rs::roam {

std::string_view methodName(Method m) {
  switch (m) {
    case Method::Open: return "open";
    case Method::Psk: return "psk";
    case Method::Full8021X: return "full-802.1x";
    case Method::PmkCache: return "pmk-cache";
    case Method::Okc: return "okc";
    case Method::PreAuthentication: return "pre-authentication";
    case Method::FtOverAir: return "ft-over-air";
    case Method::FtOverDs: return "ft-over-ds";
    case Method::Sae: return "sae";
    case Method::Seed000: return "seed000-fast-reassociation";
  }
  return "unknown";
}

std::string_view phaseName(PhaseKind p) {
  switch (p) {
    case PhaseKind::Scan: return "scan";
    case PhaseKind::Authentication: return "authentication";
    case PhaseKind::FtAction: return "ft-action";
    case PhaseKind::Reassociation: return "reassociation";
    case PhaseKind::Eap: return "eap";
    case PhaseKind::FourWay: return "four-way";
    case PhaseKind::GroupKey: return "group-key";
    case PhaseKind::Seed000Exchange: return "seed000-exchange";
  }
  return "unknown";
}

std::string_view recordKindName(RecordKind k) {
  return k == RecordKind::HandshakeOnly ? "handshake-only" : "handoff";
}

namespace {
constexpr std::array<std::string_view, kDefinitionCount> kDefinitionNames{
    "data-to-data", "auth-to-m4", "ft-auth-to-reassoc-resp", "ft-action-to-reassoc-resp", "reassoc-to-last-key",
    "total-with-scan", "request-to-response"};
}  // namespace

std::string_view definitionName(Definition d) { return kDefinitionNames[static_cast<std::size_t>(d)]; }

std::optional<Definition> definitionFromName(std::string_view name) {
  for (std::size_t i = 0; i < kDefinitionNames.size(); ++i)
    if (kDefinitionNames[i] == name) return static_cast<Definition>(i);
  return std::nullopt;
}

}  // namespace rs::roam
