// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Row colours of the packet list by protocol, like Wireshark's colouring
// rules but few and quiet: each hue is blended into the palette's base
// colour, so the rows follow the system's light or dark palette and the
// palette's text colour stays readable on them.
#include <QColor>
#include <QPalette>
#include <QString>

namespace rs::ui {

// The background for a row whose topmost protocol is `protocol` (the Protocol column's text);
// an invalid QColor for protocols left in the base colour.
QColor protocolBackground(const QString& protocol, const QPalette& palette, bool malformed);

}  // namespace rs::ui
