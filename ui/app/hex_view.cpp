// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/hex_view.h"

#include <QFontDatabase>
#include <QTextBlock>

#include <algorithm>

namespace rs::ui {

namespace {
// Column layout of one line: "0000  00 11 22 ... ff  ................"
constexpr int kHexColumn = 6;                                       // after the offset and two spaces
constexpr int kAsciiColumn = kHexColumn + 3 * HexView::kBytesPerLine + 1;  // after the hex and one more space

QString hexLine(ByteView bytes, std::size_t lineStart) {
  QString line = QStringLiteral("%1  ").arg(lineStart, 4, 16, QLatin1Char('0'));
  QString ascii;
  for (int i = 0; i < HexView::kBytesPerLine; ++i) {
    const std::size_t at = lineStart + static_cast<std::size_t>(i);
    if (at < bytes.size()) {
      line += QStringLiteral("%1 ").arg(bytes[at], 2, 16, QLatin1Char('0'));
      ascii += bytes[at] >= 0x20 && bytes[at] < 0x7f ? QChar(bytes[at]) : QChar('.');
    } else {
      line += QStringLiteral("   ");
    }
  }
  return line + QLatin1Char(' ') + ascii;
}
}  // namespace

HexView::HexView(QWidget* parent) : QPlainTextEdit(parent) {
  setReadOnly(true);
  setLineWrapMode(QPlainTextEdit::NoWrap);
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void HexView::setBytes(ByteView bytes) {
  bytes_.assign(bytes.begin(), bytes.end());
  QStringList lines;
  for (std::size_t start = 0; start < bytes_.size(); start += kBytesPerLine) lines << hexLine(bytes_, start);
  setPlainText(lines.join(QLatin1Char('\n')));
  clearHighlight();
}

void HexView::addSelection(QList<QTextEdit::ExtraSelection>& out, int line, int firstColumn, int lastColumn) const {
  const QTextBlock block = document()->findBlockByNumber(line);
  if (!block.isValid()) return;
  QTextEdit::ExtraSelection selection;
  selection.format.setBackground(palette().color(QPalette::Highlight));
  selection.format.setForeground(palette().color(QPalette::HighlightedText));
  selection.cursor = QTextCursor(block);
  selection.cursor.setPosition(block.position() + firstColumn);
  selection.cursor.setPosition(block.position() + lastColumn, QTextCursor::KeepAnchor);
  out << selection;
}

void HexView::highlight(int offset, int length) {
  const int size = static_cast<int>(bytes_.size());
  const int first = std::clamp(offset, 0, size);
  const int end = std::clamp(offset + std::max(length, 0), first, size);
  highlighted_ = {first, end - first};
  QList<QTextEdit::ExtraSelection> selections;
  // One selection per line in the hex part and one in the ASCII part, so the gaps between
  // lines' offsets and the ASCII column are never coloured.
  for (int at = first; at < end;) {
    const int line = at / kBytesPerLine;
    const int lineEnd = std::min(end, (line + 1) * kBytesPerLine);
    const int a = at % kBytesPerLine, b = (lineEnd - 1) % kBytesPerLine;
    addSelection(selections, line, kHexColumn + 3 * a, kHexColumn + 3 * b + 2);
    addSelection(selections, line, kAsciiColumn + a, kAsciiColumn + b + 1);
    at = lineEnd;
  }
  setExtraSelections(selections);
  if (!selections.isEmpty()) setTextCursor(QTextCursor(selections.front().cursor.block()));
}

}  // namespace rs::ui
