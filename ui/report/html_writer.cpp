// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/html_writer.h"

namespace rs::ui {

QString xmlText(const QString& text) {
  QString out = text;
  for (QChar& c : out) {
    const char16_t u = c.unicode();
    // XML 1.0 section 2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    // Surrogate pairs are fine; QString::fromUtf8 never leaves a lone one.
    const bool forbidden = (u < 0x20 && u != 0x09 && u != 0x0a && u != 0x0d) || u == 0xfffe || u == 0xffff;
    if (forbidden) c = QChar(QChar::ReplacementCharacter);
  }
  return out;
}

QString xmlText(std::string_view utf8) {
  return xmlText(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
}

HtmlWriter::HtmlWriter(QByteArray* out) : writer_(out) {
  writer_.setAutoFormatting(true);
  writer_.setAutoFormattingIndent(1);
}

void HtmlWriter::doctype() { writer_.writeDTD(QStringLiteral("<!DOCTYPE html>")); }

void HtmlWriter::start(const QString& tag, Attributes attributes) {
  writer_.writeStartElement(tag);
  for (const auto& [name, value] : attributes) writer_.writeAttribute(name, xmlText(value));
}

void HtmlWriter::end() { writer_.writeEndElement(); }

void HtmlWriter::element(const QString& tag, const QString& text, Attributes attributes) {
  start(tag, attributes);
  // Writing characters (even none) ends the start tag with ">", so end() writes "</tag>".
  writer_.writeCharacters(xmlText(text));
  end();
}

void HtmlWriter::element(const QString& tag, std::string_view text, Attributes attributes) {
  element(tag, xmlText(text), attributes);
}

void HtmlWriter::voidElement(const QString& tag, Attributes attributes) {
  writer_.writeEmptyElement(tag);
  for (const auto& [name, value] : attributes) writer_.writeAttribute(name, xmlText(value));
}

void HtmlWriter::text(const QString& text) { writer_.writeCharacters(xmlText(text)); }

void HtmlWriter::text(std::string_view text) { writer_.writeCharacters(xmlText(text)); }

}  // namespace rs::ui
