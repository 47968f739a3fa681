// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_export.h"

#include <algorithm>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/analysis/roam/wlan_frame.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/frame_source.h"
#include "ui/app/report_export.h"

namespace rs::ui {

std::optional<QString> saveRunCapture(const EmulationController& controller, const QString& path) {
  if (!controller.isLoaded()) return QStringLiteral("nothing to save: no scenario is loaded");
  auto created = PcapngFrameSink::create(path.toStdString(), "RoamScope emulation (saved from the desktop application)");
  if (auto* error = std::get_if<FileError>(&created)) return QString::fromStdString(error->message);
  PcapngFrameSink& sink = *std::get<std::unique_ptr<PcapngFrameSink>>(created);
  for (const auto& point : controller.capturePoints()) sink.declare(point);
  for (const auto& f : controller.frames()) sink.record(sim::CapturedFrame{f.time, f.point, f.linkType, f.bytes});
  if (!sink.close()) return QStringLiteral("%1: writing the capture failed").arg(path);
  return std::nullopt;
}

roam::ReportContext runReportContext(const EmulationController& controller) {
  roam::ReportContext context;
  context.inputs = {controller.scenarioPath().toStdString()};
  return context;
}

mipreg::RegistrationReportContext runRegistrationReportContext(const EmulationController& controller) {
  return mipreg::RegistrationReportContext{{controller.scenarioPath().toStdString()}};
}

int firstFrameOfHandoff(const FrameSource& source, const roam::HandoffRecord& record) {
  // Frames are in time order in both sources: binary search for the first at the record's start.
  std::size_t low = 0, high = source.frameCount();
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (source.frame(mid).timestampNs < record.startNs) low = mid + 1;
    else high = mid;
  }
  if (low == source.frameCount()) return -1;
  for (std::size_t i = low; i < source.frameCount(); ++i) {
    const FrameView view = source.frame(i);
    if (view.timestampNs != record.startNs) break;
    const auto h = roam::WlanFrame::locate(view).header;
    if (h && h->addressCount >= 2 && h->addr[0] == record.to.bssid && h->addr[1] == record.sta)
      return static_cast<int>(i);
  }
  return static_cast<int>(low);
}

}  // namespace rs::ui
