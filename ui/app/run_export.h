// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the desktop application saves from an emulated run: the capture as
// pcapng (one interface per capture point, as `roamscope-cli simulate --pcap`)
// and the ground-truth report (the registration report for a Mobile IP run) in JSON, CSV, HTML or PDF by the file's
// extension (the same content as `simulate --report`; report_export.h writes it).
#include <QString>
#include <optional>

#include "core/analysis/mip/registration_report.h"
#include "core/analysis/roam/handoff_record.h"
#include "core/analysis/roam/roam_report.h"

namespace rs::ui {

class EmulationController;
class FrameSource;

// nullopt on success, else what went wrong, for the status bar.
std::optional<QString> saveRunCapture(const EmulationController& controller, const QString& path);
// The report context of a run's ground truth (as `simulate --report`): the scenario is its input.
roam::ReportContext runReportContext(const EmulationController& controller);
// The same for a Mobile IP run's registration report.
mipreg::RegistrationReportContext runRegistrationReportContext(const EmulationController& controller);

// The packet-list row of the frame that opened `record`: the station's frame to the target BSSID at the
// record's start (another frame may start in the same nanosecond elsewhere, e.g. the seed-000 station's
// last EAPOL-Key through its old AP); the first frame at or after the start when none matches; -1 when none.
int firstFrameOfHandoff(const FrameSource& source, const roam::HandoffRecord& record);

}  // namespace rs::ui
