// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/pdf_report.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QUrl>

namespace rs::ui {
namespace {

// Replaces each embedded PNG by a short resource name registered with `doc`. Registering the images
// ourselves does not depend on how a Qt version resolves data: URLs, and keeps megabyte-long URLs out of
// the layout's image lookups.
QString registerEmbeddedImages(const QString& html, QTextDocument& doc) {
  static const QRegularExpression dataImage(QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
  QString out;
  out.reserve(html.size());
  qsizetype copied = 0;
  int number = 0;
  for (auto it = dataImage.globalMatch(html); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    out += QStringView(html).mid(copied, m.capturedStart() - copied);
    copied = m.capturedEnd();
    const QImage image = QImage::fromData(QByteArray::fromBase64(m.captured(1).toLatin1()), "PNG");
    const QString name = QStringLiteral("roamscope-figure-%1.png").arg(++number);
    doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
    out += QStringLiteral("src=\"%1\"").arg(name);
  }
  out += QStringView(html).mid(copied);
  return out;
}

}  // namespace

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
  doc.setHtml(registerEmbeddedImages(QString::fromUtf8(html.data(), static_cast<qsizetype>(html.size())), doc));
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
