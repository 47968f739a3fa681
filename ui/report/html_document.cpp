// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_document.h"

#include <fmt/format.h>

#include "core/version.h"

namespace rs::ui {
namespace {

// Inline and free of quotes, '<', '>' and '&', so the XML writer's escaping leaves it intact for HTML parsers,
// which read <style> as raw text. Light by default, dark when the reader's system asks for it.
constexpr const char* kStyle = R"css(
:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --bg: #ffffff; --muted: #5f6368; --line: #d0d4d9; --head: #f1f3f5; --bad: #b3261e;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e3e3e3; --bg: #17181a; --muted: #a0a4a8; --line: #3a3d41; --head: #222428; --bad: #f2b8b5; }
}
body {
  font-family: system-ui, sans-serif; color: var(--fg); background: var(--bg);
  margin: 2em auto; max-width: 1200px; padding: 0 1em; line-height: 1.4;
}
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid var(--line); padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.failed td { color: var(--bad); }
.scroll { overflow-x: auto; }
ul.inputs { margin: 0; padding-left: 1.2em; }
div.diag { margin: 0.1em 0; }
figure { margin: 1em 0 2em; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); background: #ffffff; }
figcaption { color: var(--muted); font-size: 0.9em; max-width: 880px; }
dt { font-weight: 600; margin-top: 0.6em; }
footer { color: var(--muted); font-size: 0.85em; margin-top: 3em; }
)css";

}  // namespace

void startReportDocument(HtmlWriter& w, const QString& title) {
  w.doctype();
  w.start(QStringLiteral("html"), {{QStringLiteral("xmlns"), QStringLiteral("http://www.w3.org/1999/xhtml")},
                                   {QStringLiteral("lang"), QStringLiteral("en")}});
  w.start(QStringLiteral("head"));
  w.voidElement(QStringLiteral("meta"), {{QStringLiteral("charset"), QStringLiteral("utf-8")}});
  w.voidElement(QStringLiteral("meta"),
                {{QStringLiteral("name"), QStringLiteral("generator")},
                 {QStringLiteral("content"), xmlText(fmt::format("RoamScope {}", versionString()))}});
  w.element(QStringLiteral("title"), title);
  w.element(QStringLiteral("style"), QString::fromLatin1(kStyle));
  w.end();
  w.start(QStringLiteral("body"));
}

std::string finishReportDocument(HtmlWriter& w, QByteArray& out) {
  w.end();  // body
  w.end();  // html
  // Auto-formatting starts the document with a line break before the DOCTYPE; the DOCTYPE must come first.
  if (out.startsWith('\n')) out.remove(0, 1);
  return std::string(out.constData(), static_cast<std::size_t>(out.size())) + "\n";
}

}  // namespace rs::ui
