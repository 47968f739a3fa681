// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_figures.h"

#include <fmt/format.h>

#include "ui/report/glossary.h"
#include "ui/report/html_tables.h"

namespace rs::ui {
namespace {

QString q(std::string_view s) { return xmlText(s); }

QString dataUri(const QByteArray& png) {
  return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

// Opens <figure> with its image and <figcaption>; the caller writes the caption's text and closes both.
void startFigure(HtmlWriter& w, const QString& id, const QByteArray& png, const QString& alt,
                 const PlotImageFormat& format) {
  w.start(QStringLiteral("figure"), {{QStringLiteral("id"), id}});
  w.voidElement(QStringLiteral("img"), {{QStringLiteral("src"), dataUri(png)},
                                        {QStringLiteral("alt"), alt},
                                        {QStringLiteral("width"), QString::number(format.logicalSize.width())},
                                        {QStringLiteral("height"), QString::number(format.logicalSize.height())}});
  w.start(QStringLiteral("figcaption"));
}

void definitionLink(HtmlWriter& w, roam::Definition d) {
  w.element(QStringLiteral("a"), roam::definitionName(d),
            {{QStringLiteral("href"), QStringLiteral("#") + q(definitionAnchor(d))}});
}

}  // namespace

std::vector<roam::Definition> plottedDefinitions(const std::vector<roam::HandoffRecord>& records,
                                                 const roam::ReportContext& context) {
  if (context.onlyDefinition) return {*context.onlyDefinition};
  std::vector<roam::Definition> out;
  for (int i = 0; i < roam::kDefinitionCount; ++i) {
    const auto d = static_cast<roam::Definition>(i);
    for (const roam::HandoffRecord& r : records) {
      if (r.success && r.latencyNs.count(d)) {
        out.push_back(d);
        break;
      }
    }
  }
  if (out.empty()) out.push_back(context.budget.definition.value_or(roam::Definition::ReassocToLastKey));
  return out;
}

void writeFigures(HtmlWriter& w, const std::vector<roam::HandoffRecord>& allRecords, const roam::ReportContext& context,
                  const PlotImageFormat& format) {
  // The latency plots show what the statistics count; the phase plot numbers every record as the table does.
  const std::vector<roam::HandoffRecord> records = handoffRecordsOnly(allRecords);
  int number = 0;
  for (roam::Definition d : plottedDefinitions(records, context)) {
    const std::string name(roam::definitionName(d));
    w.element(QStringLiteral("h3"), fmt::format("Latency under {}", name));

    TimelineFill fill;
    const QByteArray timeline = latencyTimelinePng(records, d, format, &fill);
    startFigure(w, q("fig-timeline-" + name), timeline, q(fmt::format("latency per handoff over time, {}", name)),
                format);
    w.text(fmt::format("Figure {}. Latency per handoff over time under ", ++number));
    definitionLink(w, d);
    std::string rest =
        ": one colour per method; dots are successful handoffs at their latency, crosses are failed "
        "attempts at their attempt duration (first to last frame, not a latency).";
    if (!records.empty())
      rest += fmt::format(" Time zero is the first attempt's start, {}.", roam::epochString(fill.originNs));
    if (fill.withoutDefinition > 0)
      rest += fmt::format(" {} successful handoff(s) the definition does not apply to are not drawn.",
                          fill.withoutDefinition);
    w.text(rest);
    w.end();
    w.end();

    startFigure(w, q("fig-cdf-" + name), latencyCdfPng(records, d, format),
                q(fmt::format("cumulative distribution of latency per method, {}", name)), format);
    w.text(fmt::format("Figure {}. Cumulative distribution of the latency under ", ++number));
    definitionLink(w, d);
    w.text(
        " per method, over the successful handoffs: at each latency, the share of the method's handoffs that took "
        "at most that long. The per-method statistics above are read off the same steps (nearest rank).");
    w.end();
    w.end();
  }

  w.element(QStringLiteral("h3"), QStringLiteral("Phases"));
  startFigure(w, QStringLiteral("fig-phases"), phaseBreakdownPng(allRecords, format),
              QStringLiteral("phase breakdown per handoff"), format);
  w.text(fmt::format(
      "Figure {}. Time spent in each phase per record, stacked, numbered as in the handoff table (✗: "
      "failed). A bar is the sum of its phases' durations, not a latency definition: gaps between phases are not "
      "drawn. The phases are described in the ",
      ++number));
  w.element(QStringLiteral("a"), QStringLiteral("glossary"), {{QStringLiteral("href"), QStringLiteral("#glossary")}});
  w.text(".");
  w.end();
  w.end();
}

void writeGlossary(HtmlWriter& w) {
  w.start(QStringLiteral("section"), {{QStringLiteral("id"), QStringLiteral("glossary")}});
  w.element(QStringLiteral("h2"), QStringLiteral("Glossary"));
  w.element(
      QStringLiteral("p"),
      QStringLiteral("Latencies are differences between the capture timestamps of the frames named here; nothing is "
                     "interpolated. A definition that does not apply to a handoff is left out (shown as -), never "
                     "zero, and failed attempts have no latency. Percentiles are nearest-rank: the value at rank "
                     "ceil(p/100 \u00b7 n) of the sorted latencies, so each is the latency of a real handoff."));
  w.element(QStringLiteral("h3"), QStringLiteral("Latency definitions"));
  w.start(QStringLiteral("dl"));
  for (int i = 0; i < roam::kDefinitionCount; ++i) {
    const auto d = static_cast<roam::Definition>(i);
    w.element(QStringLiteral("dt"), roam::definitionName(d), {{QStringLiteral("id"), q(definitionAnchor(d))}});
    w.element(QStringLiteral("dd"), definitionMeaning(d));
  }
  w.end();
  w.element(QStringLiteral("h3"), QStringLiteral("Phases"));
  w.start(QStringLiteral("dl"));
  for (int i = 0; i < roam::kPhaseKindCount; ++i) {
    const auto p = static_cast<roam::PhaseKind>(i);
    w.element(QStringLiteral("dt"), roam::phaseName(p));
    w.element(QStringLiteral("dd"), phaseMeaning(p));
  }
  w.end();
  w.end();
}

}  // namespace rs::ui
