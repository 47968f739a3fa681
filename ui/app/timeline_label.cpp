// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/timeline_label.h"

#include "core/report/dissection_output.h"

namespace rs::ui {

QString timelineLabel(const Dissection& dissection) {
  const QString protocol = QString::fromStdString(dissection.protocol);
  QString text = QString::fromStdString(infoColumn(dissection));
  if (const qsizetype details = text.indexOf(QLatin1String(", SN=")); details > 0) text.truncate(details);
  if (text.isEmpty()) return protocol;
  // "Seed-000 Authenticate PTK request" names SEED000 already: compare without the hyphen.
  const bool named = QString(text).remove(QLatin1Char('-')).contains(protocol, Qt::CaseInsensitive);
  if (named || protocol.isEmpty() || protocol == QLatin1String("802.11")) return text;
  return QStringLiteral("%1 %2").arg(protocol, text);
}

}  // namespace rs::ui
