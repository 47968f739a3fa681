// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/run_export.h"

#include <algorithm>

#include "capture/sim/pcapng_frame_sink.h"
#include "core/analysis/roam/roam_report.h"
#include "core/analysis/roam/wlan_frame.h"
#include "core/report/output_file.h"
#include "ui/app/emulation_controller.h"
#include "ui/report/html_report.h"

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

std::optional<QString> exportRunReport(const EmulationController& controller, const QString& path) {
  if (!controller.isLoaded()) return QStringLiteral("nothing to export: no scenario is loaded");
  roam::ReportContext context;
  context.inputs = {controller.scenarioPath().toStdString()};
  const auto& records = controller.handoffs();
  std::string text;
  if (path.endsWith(QLatin1String(".json"))) text = roam::reportJson(records, context).dump(2) + "\n";
  else if (path.endsWith(QLatin1String(".csv"))) text = roam::reportCsv(records, context);
  else if (path.endsWith(QLatin1String(".html"))) text = reportHtml(records, context);
  else return QStringLiteral("%1: the report's name must end in .json, .csv or .html").arg(path);
  if (!writeOutputFile(path.toStdString(), text)) return QStringLiteral("%1: cannot write the report").arg(path);
  return std::nullopt;
}

int firstFrameOfHandoff(const EmulationController& controller, const roam::HandoffRecord& record) {
  const auto& frames = controller.frames();
  const auto first = std::lower_bound(frames.begin(), frames.end(), record.startNs,
                                      [](const sim::MemoryFrameSink::Frame& f, std::int64_t t) { return f.time < t; });
  if (first == frames.end()) return -1;
  for (auto it = first; it != frames.end() && it->time == record.startNs; ++it) {
    const FrameView view{static_cast<std::uint64_t>(it - frames.begin()), it->time,
                         static_cast<std::uint32_t>(it->linkType), it->point, ByteView(it->bytes)};
    const auto h = roam::WlanFrame::locate(view).header;
    if (h && h->addressCount >= 2 && h->addr[0] == record.to.bssid && h->addr[1] == record.sta)
      return static_cast<int>(it - frames.begin());
  }
  return static_cast<int>(first - frames.begin());
}

}  // namespace rs::ui
