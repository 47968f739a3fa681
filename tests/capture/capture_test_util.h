// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the capture test suites.
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "capture/file/capture_file.h"
#include "dissectors/common/bytes.h"

namespace rs::test {

inline bool writeBytes(const std::string& path, ByteView data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  return static_cast<bool>(out);
}

inline Bytes readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::unique_ptr<CaptureFile> takeCapture(CaptureFile::OpenResult&& result) {
  if (auto* file = std::get_if<std::unique_ptr<CaptureFile>>(&result)) return std::move(*file);
  return nullptr;
}

inline std::string openError(const CaptureFile::OpenResult& result) {
  if (const auto* error = std::get_if<FileError>(&result)) return error->toString();
  return {};
}

inline bool sameFrame(const CaptureFrame& a, const CaptureFrame& b) {
  return a.index == b.index && a.timestampNs == b.timestampNs && a.interfaceId == b.interfaceId &&
         a.linkType == b.linkType && a.capturedLength == b.capturedLength && a.originalLength == b.originalLength &&
         a.fileOffset == b.fileOffset && a.hasTimestamp == b.hasTimestamp && a.comment == b.comment &&
         std::equal(a.data.begin(), a.data.end(), b.data.begin(), b.data.end());
}

// Every frame of a sequential pass from the start.
inline std::vector<CaptureFrame> readAllFrames(CaptureFile& file) {
  std::vector<CaptureFrame> frames;
  file.rewind();
  CaptureFrame f;
  while (file.next(f)) frames.push_back(f);
  return frames;
}

// "1500000000.123456000" — the way tshark prints frame.time_epoch.
inline std::string epochText(std::int64_t ns) {
  const std::int64_t seconds = ns / 1000000000;
  const std::int64_t fraction = ns % 1000000000;
  std::string frac = std::to_string(fraction);
  return std::to_string(seconds) + "." + std::string(9 - frac.size(), '0') + frac;
}

inline QString tsharkPath() { return QStandardPaths::findExecutable(QStringLiteral("tshark")); }

// Runs tshark -r `file` -T fields with the given fields; one QStringList per frame.
inline std::vector<QStringList> tsharkFields(const QString& file, const QStringList& fields) {
  QStringList args{QStringLiteral("-r"), file,
                   QStringLiteral("-T"), QStringLiteral("fields"),
                   QStringLiteral("-E"), QStringLiteral("separator=/t"),
                   QStringLiteral("-E"), QStringLiteral("occurrence=f")};
  for (const QString& f : fields) args << QStringLiteral("-e") << f;
  QProcess p;
  p.start(tsharkPath(), args);
  std::vector<QStringList> rows;
  if (!p.waitForFinished(120000)) return rows;
  const QString out = QString::fromUtf8(p.readAllStandardOutput());
  for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
    rows.push_back(line.split(QLatin1Char('\t')));
  return rows;
}

}  // namespace rs::test
