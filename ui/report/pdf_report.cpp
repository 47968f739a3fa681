// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/pdf_report.h"

#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>

namespace rs::ui {
PlotImageFormat printPlotFormat() {
  PlotImageFormat format;
  format.logicalSize = QSize(640, 280);  // 6.7 in at 96 CSS pixels per inch: inside A4's 180 mm text width
  format.scale = 3.0;                    // about 290 dpi on paper
  return format;
}

std::optional<QString> writeHtmlAsPdf(const std::string& html, const QString& path, const QString& title) {
  // QPrinter says nothing when it cannot open its output file: find out first, with a reason.
  {
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
      return QStringLiteral("%1: cannot write the PDF (%2)").arg(path, probe.errorString());
  }
  QTextDocument doc;
  // QTextDocument resolves the data:image/png URIs of the figures itself (Qt 6.4, the minimum version; the
  // PDF test counts the image objects), so the page is printed exactly as written.
  doc.setHtml(QString::fromUtf8(html.data(), static_cast<qsizetype>(html.size())));
  QPrinter printer(QPrinter::HighResolution);
  printer.setOutputFormat(QPrinter::PdfFormat);
  printer.setOutputFileName(path);
  printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                    QPageLayout::Millimeter));
  printer.setDocName(title);
  printer.setCreator(QStringLiteral("RoamScope"));
  doc.print(&printer);
  if (QFileInfo(path).size() == 0) return QStringLiteral("%1: printing the PDF failed").arg(path);
  return std::nullopt;
}

}  // namespace rs::ui
