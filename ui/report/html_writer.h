// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Markup for the HTML report through QXmlStreamWriter, so every element is
// closed and every text and attribute escaped, whatever a capture put in an
// SSID or a reason string. The result is HTML5 in XML syntax: browsers read
// it as HTML, QXmlStreamReader reads it as XML.
#include <QByteArray>
#include <QString>
#include <QXmlStreamWriter>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace rs::ui {

// Text safe for XML 1.0: invalid UTF-8 and the control characters XML forbids
// (everything below U+0020 but tab, line feed and carriage return, and
// U+FFFE/U+FFFF) become U+FFFD. Markup characters stay; the writer escapes them.
QString xmlText(std::string_view utf8);
QString xmlText(const QString& text);

class HtmlWriter {
 public:
  using Attributes = std::initializer_list<std::pair<QString, QString>>;

  explicit HtmlWriter(QByteArray* out);

  void doctype();
  // Opens `tag`; close it with end().
  void start(const QString& tag, Attributes attributes = {});
  void end();
  // <tag>text</tag>; an empty text still gives an explicit end tag, because
  // HTML parsers do not honour "<td/>" on non-void elements.
  void element(const QString& tag, const QString& text, Attributes attributes = {});
  void element(const QString& tag, std::string_view text, Attributes attributes = {});
  void element(const QString& tag, const char* text, Attributes attributes = {}) {
    element(tag, std::string_view(text), attributes);
  }
  // Void elements (img, meta): "<img ... />".
  void voidElement(const QString& tag, Attributes attributes);
  void text(const QString& text);
  void text(std::string_view text);
  void text(const char* utf8) { text(std::string_view(utf8)); }
  bool hasError() const { return writer_.hasError(); }

 private:
  QXmlStreamWriter writer_;
};

}  // namespace rs::ui
