// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/glossary.h"

namespace rs::ui {

std::string_view definitionMeaning(roam::Definition definition) {
  using roam::Definition;
  switch (definition) {
    case Definition::DataToData:
      return "The pause in the station's traffic: from its last data frame through the old access point to its first "
             "data frame through the new one once the handoff has completed (EAPOL and null frames do not count). "
             "This is what an application notices, but it also contains the gaps of sparse traffic and anything "
             "above layer 2 such as ARP resolution. Only for roams, where an earlier association exists.";
    case Definition::AuthToM4:
      return "From the first Authentication frame towards the new access point to message 4 of the 4-way handshake: "
             "the usual signalling time of a WPA2/WPA3 roam, with any EAP exchange inside it. For the seed-000 fast "
             "re-association it ends at message 3 (Group Key Confirm).";
    case Definition::FtAuthToReassocResp:
      return "Fast BSS transition over the air (IEEE 802.11r): from the first FT Authentication frame to the "
             "Reassociation Response. The keys travel in these two exchanges; there is no 4-way handshake.";
    case Definition::FtActionToReassocResp:
      return "Fast BSS transition over the distribution system: from the FT Request action frame sent through the "
             "current access point to the Reassociation Response of the new one.";
    case Definition::ReassocToLastKey:
      return "From the (Re)Association Request to the last EAPOL-Key frame of the handoff (message 4, or group-key "
             "message 2 when a group-key handshake follows before data). It isolates the key management that PMK "
             "caching and opportunistic key caching shorten, and compares methods whose authentication differs. "
             "For the seed-000 fast re-association: message 1 to message 3.";
    case Definition::TotalWithScan:
      return "The whole handoff including discovery: from the first Probe Request of the scan that preceded the "
             "attempt to the frame that completed it. Scanning often dominates a layer-2 handoff.";
    case Definition::RequestToResponse:
      return "The round trip of the successful (Re)Association Request and its Response alone: one request/response "
             "exchange, comparable across every method because all of them have it. The handoff table also lists "
             "every other request/response exchange (authentication, EAP rounds, EAPOL-Key message pairs) with its "
             "own round-trip time. The seed-000 fast re-association has no (Re)Association frames: its message 1 "
             "and message 2 take their place.";
  }
  return "";
}

std::string_view phaseMeaning(roam::PhaseKind phase) {
  using roam::PhaseKind;
  switch (phase) {
    case PhaseKind::Scan:
      return "probe requests and responses of the scan burst before the attempt";
    case PhaseKind::Authentication:
      return "first to last 802.11 Authentication frame (open, SAE or FT)";
    case PhaseKind::FtAction:
      return "FT Request to FT Response action frame (FT over the distribution system)";
    case PhaseKind::Reassociation:
      return "(Re)Association Request to its Response";
    case PhaseKind::Eap:
      return "EAPOL-Start or the first EAP-Request/Identity to EAP-Success or EAP-Failure";
    case PhaseKind::FourWay:
      return "first to last pairwise EAPOL-Key frame, retries included";
    case PhaseKind::GroupKey:
      return "group-key handshake message 1 to message 2";
    case PhaseKind::Seed000Exchange:
      return "seed-000 fast re-association: message 1 (Authenticate PTK request) to message 3 (Group Key Confirm)";
  }
  return "";
}

std::string definitionAnchor(roam::Definition definition) {
  return "def-" + std::string(roam::definitionName(definition));
}

}  // namespace rs::ui
