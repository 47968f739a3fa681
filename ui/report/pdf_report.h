// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A RoamScope HTML report as PDF, through Qt's print support: the same page
// (tables, figures, glossary) laid out by QTextDocument and printed by
// QPrinter on A4. QTextDocument reads only part of CSS, so the PDF is
// plainer than a browser's rendering; the content is the same.
#include <QString>
#include <optional>
#include <string>

#include "ui/report/plot_images.h"

namespace rs::ui {

// The plot size for an HTML report meant for print: QTextDocument draws an image at its width/height
// attributes (CSS max-width does not shrink it), and 880 CSS pixels are wider than A4 between its margins,
// so the figures are drawn narrower and at print resolution.
PlotImageFormat printPlotFormat();

// Prints `html` (UTF-8; the plots embedded as data:image/png URIs, as reportHtml writes them) to a PDF at
// `path`. nullopt on success, else what went wrong, for the status bar.
std::optional<QString> writeHtmlAsPdf(const std::string& html, const QString& path, const QString& title);

}  // namespace rs::ui
