// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/registration_html_report.h"

#include <fmt/format.h>

#include "core/analysis/roam/roam_report.h"
#include "dissectors/common/field.h"
#include "ui/plots/registration_plots.h"
#include "ui/report/html_document.h"
#include "ui/report/html_writer.h"
#include "ui/report/input_files.h"

namespace rs::ui {
namespace {

using mipreg::Figure;

std::string ms(std::int64_t ns) { return mipreg::millisecondsText(ns); }

void section(HtmlWriter& w, const QString& id, const QString& title) {
  w.start(QStringLiteral("section"), {{QStringLiteral("id"), id}});
  w.element(QStringLiteral("h2"), title);
}

void headerRow(HtmlWriter& w, const std::vector<std::string>& cells) {
  w.start(QStringLiteral("thead"));
  w.start(QStringLiteral("tr"));
  for (const auto& c : cells) w.element(QStringLiteral("th"), std::string_view(c));
  w.end();
  w.end();
}

void row(HtmlWriter& w, const std::vector<std::string>& cells) {
  w.start(QStringLiteral("tr"));
  for (const auto& c : cells) w.element(QStringLiteral("td"), std::string_view(c.empty() ? "–" : c));
  w.end();
}

void figure(HtmlWriter& w, const QString& id, const QByteArray& png, const PlotImageFormat& format,
            const QString& caption) {
  w.start(QStringLiteral("figure"), {{QStringLiteral("id"), id}});
  w.voidElement(QStringLiteral("img"),
                {{QStringLiteral("src"), QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64())},
                 {QStringLiteral("alt"), caption},
                 {QStringLiteral("width"), QString::number(format.logicalSize.width())},
                 {QStringLiteral("height"), QString::number(format.logicalSize.height())}});
  w.element(QStringLiteral("figcaption"), caption);
  w.end();
}

void writeSummary(HtmlWriter& w, const std::vector<mipreg::RegistrationRecord>& records) {
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("summary-table")}});
  headerRow(w, {"trigger", "auth", "registrations", "succeeded", "figure", "count", "min", "median", "p90", "p99", "max"});
  w.start(QStringLiteral("tbody"));
  for (const auto& s : mipreg::summarize(records)) {
    const std::vector<std::string> head{std::string(mipreg::triggerName(s.trigger)), std::string(mipreg::authName(s.auth)),
                                        std::to_string(s.registrations), std::to_string(s.succeeded)};
    if (s.latency.empty()) {
      auto cells = head;
      cells.resize(11);
      row(w, cells);
      continue;
    }
    for (const auto& [f, stats] : s.latency) {
      auto cells = head;
      for (const std::string& c : {std::string(mipreg::figureName(f)), std::to_string(stats.count), ms(stats.minNs),
                                   ms(stats.medianNs), ms(stats.p90Ns), ms(stats.p99Ns), ms(stats.maxNs)})
        cells.push_back(c);
      row(w, cells);
    }
  }
  w.end();
  w.end();
}

void writeRegistrations(HtmlWriter& w, const std::vector<mipreg::RegistrationRecord>& records) {
  std::vector<std::string> head{"#", "start", "NAI", "home", "care-of", "via FA", "trigger", "auth", "outcome", "code"};
  for (Figure f : mipreg::kFigures) head.emplace_back(mipreg::figureName(f));
  head.emplace_back("reason");
  w.start(QStringLiteral("div"), {{QStringLiteral("class"), QStringLiteral("scroll")}});
  w.start(QStringLiteral("table"), {{QStringLiteral("id"), QStringLiteral("registration-table")}});
  headerRow(w, head);
  w.start(QStringLiteral("tbody"));
  std::size_t n = 0;
  for (const auto& r : records) {
    std::vector<std::string> cells{std::to_string(++n), roam::epochString(r.startNs), r.nai, ipv4String(r.homeAddress),
                                   ipv4String(r.careOfAddress), r.foreignAgent ? ipv4String(*r.foreignAgent) : "",
                                   std::string(mipreg::triggerName(r.trigger)), std::string(mipreg::authName(r.auth)),
                                   r.success ? "success" : "failed", r.code ? std::to_string(*r.code) : ""};
    for (Figure f : mipreg::kFigures) {
      const auto it = r.latencyNs.find(f);
      cells.push_back(it == r.latencyNs.end() ? "" : ms(it->second));
    }
    cells.push_back(r.reason);
    row(w, cells);
  }
  w.end();
  w.end();
  w.end();
}

}  // namespace

std::string registrationReportHtml(const std::vector<mipreg::RegistrationRecord>& records,
                                   const mipreg::RegistrationReportContext& context, const PlotImageFormat& format) {
  std::size_t failed = 0;
  for (const auto& r : records) failed += r.success ? 0 : 1;
  QByteArray out;
  HtmlWriter w(&out);
  startReportDocument(w, QStringLiteral("RoamScope registration report"));
  w.element(QStringLiteral("h1"), QStringLiteral("RoamScope Mobile IP registration report"));
  w.element(QStringLiteral("p"),
            fmt::format("{} registration(s): {} succeeded, {} failed.", records.size(), records.size() - failed, failed),
            {{QStringLiteral("id"), QStringLiteral("overview")}});

  section(w, QStringLiteral("inputs-section"), QStringLiteral("Inputs"));
  w.start(QStringLiteral("ul"), {{QStringLiteral("class"), QStringLiteral("inputs")}});
  for (const InputFile& f : describeInputs(context.inputs))
    w.element(QStringLiteral("li"), f.sizeBytes ? fmt::format("{} ({} bytes)", f.path, *f.sizeBytes)
                                                : fmt::format("{} (not readable now)", f.path));
  w.end();
  w.end();

  section(w, QStringLiteral("statistics-section"), QStringLiteral("Statistics per trigger and authentication"));
  writeSummary(w, records);
  w.element(QStringLiteral("p"), QStringLiteral("Milliseconds over the successful registrations, nearest-rank "
                                                "percentiles (docs/latency.md, \u201cMobile IP registrations\u201d)."));
  w.end();

  section(w, QStringLiteral("plots-section"), QStringLiteral("Plots"));
  figure(w, QStringLiteral("registration-latency"),
         renderPlotPng([&](QCustomPlot& plot) { plotRegistrationLatency(plot, records); }, format), format,
         QStringLiteral("Registration latency (request \u2192 reply on the mobile's link) over time, one colour per "
                        "authentication; a cross is a failed registration at the time the mobile waited."));
  figure(w, QStringLiteral("registration-hops"),
         renderPlotPng([&](QCustomPlot& plot) { plotRegistrationHops(plot, records); }, format), format,
         QStringLiteral("Where each registration's time went: mn-fa, fa-aaa-round-trip, fa-ha, aaa-round-trip, "
                        "home-agent and ha-mn stacked (with a foreign agent they add up to the registration latency)."));
  w.end();

  section(w, QStringLiteral("registrations-section"), QStringLiteral("Registrations"));
  writeRegistrations(w, records);
  w.end();

  section(w, QStringLiteral("glossary-section"), QStringLiteral("Figures"));
  w.start(QStringLiteral("dl"));
  const std::pair<Figure, const char*> meanings[] = {
      {Figure::Registration, "the Registration Request's first bit to the reply's on the mobile's link"},
      {Figure::MovementToRegistered, "the mobile plugged into the new link to the reply on it (emulation only)"},
      {Figure::MnToFa, "request to the foreign agent's relay (or its RFC 3012 Access-Request): the access link and the FA"},
      {Figure::FaAaaRoundTrip, "the foreign agent's Access-Request (CHAP, RFC 3012) to the AAA server's answer"},
      {Figure::FaToHa, "relay, FA's AAA answer or co-located request to the home agent's Access-Request or reply"},
      {Figure::AaaRoundTrip, "Access-Request to the AAA server's Access-Accept or -Reject"},
      {Figure::HomeAgentKeys, "Access-Accept to the home agent's reply: its derivation of x'', Skey and Skey'"},
      {Figure::HaToMn, "the home agent's reply to the foreign agent's relay toward the mobile"}};
  for (const auto& [f, text] : meanings) {
    w.element(QStringLiteral("dt"), mipreg::figureName(f));
    w.element(QStringLiteral("dd"), text);
  }
  w.end();
  w.end();
  w.start(QStringLiteral("footer"));
  w.text("Made by RoamScope.");
  w.end();
  return finishReportDocument(w, out);
}

}  // namespace rs::ui
