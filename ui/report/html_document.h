// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The frame every RoamScope HTML report shares (the roam report, the sweep
// report): DOCTYPE, head with charset, generator and the inline style sheet
// (light, or dark when the reader's system asks), and the body's end.
#include <QByteArray>
#include <QString>
#include <string>

#include "ui/report/html_writer.h"

namespace rs::ui {

// Writes the DOCTYPE, <html>, the <head> titled `title` and opens <body>.
void startReportDocument(HtmlWriter& w, const QString& title);
// Closes <body> and <html> and returns the document's UTF-8 bytes (DOCTYPE first, one final line break).
std::string finishReportDocument(HtmlWriter& w, QByteArray& out);

}  // namespace rs::ui
