// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet bytes pane: a hex dump (offset, 16 bytes in hex, the same bytes
// as ASCII) whose highlighted bytes follow the selected field of the details
// tree. Highlighting uses extra selections, so the text is laid out once per
// frame and a new field selection only repaints.
#include <QPlainTextEdit>
#include <utility>

#include "dissectors/common/bytes.h"

namespace rs::ui {

class HexView : public QPlainTextEdit {
  Q_OBJECT

 public:
  static constexpr int kBytesPerLine = 16;

  explicit HexView(QWidget* parent = nullptr);

  void setBytes(ByteView bytes);
  // Highlights bytes [offset, offset + length), clipped to the frame; a zero length clears it.
  void highlight(int offset, int length);
  void clearHighlight() { highlight(0, 0); }
  // The highlighted range after clipping: (offset, length).
  std::pair<int, int> highlightedRange() const { return highlighted_; }
  const Bytes& bytes() const { return bytes_; }

 private:
  void addSelection(QList<QTextEdit::ExtraSelection>& out, int line, int firstColumn, int lastColumn) const;

  Bytes bytes_;
  std::pair<int, int> highlighted_{0, 0};
};

}  // namespace rs::ui
