// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/tshark_fields.h"

#include <QProcess>
#include <QStandardPaths>

namespace rs::test {

std::vector<std::string> TsharkTable::values(std::size_t frame, std::size_t field) const {
  std::vector<std::string> out;
  if (frame >= rows.size() || field >= rows[frame].size()) return out;
  const std::string& cell = rows[frame][field];
  if (cell.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = cell.find(',', start);
    out.push_back(cell.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool tsharkAvailable() { return !QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(); }

std::optional<TsharkTable> runTsharkFields(const std::string& file, const std::vector<std::string>& fields,
                                           const QStringList& extraArgs, QString& error) {
  QStringList args{QStringLiteral("-n"), QStringLiteral("-r"), QString::fromStdString(file)};
  args << extraArgs;
  args << QStringLiteral("-T") << QStringLiteral("fields") << QStringLiteral("-E")
       << QStringLiteral("occurrence=a") << QStringLiteral("-E") << QStringLiteral("aggregator=,");
  for (const auto& f : fields) args << QStringLiteral("-e") << QString::fromStdString(f);

  QProcess proc;
  proc.start(QStringLiteral("tshark"), args);
  if (!proc.waitForFinished(120000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
    error = QStringLiteral("tshark failed on %1: %2")
                .arg(QString::fromStdString(file), QString::fromUtf8(proc.readAllStandardError()));
    return std::nullopt;
  }
  TsharkTable table;
  table.fields = fields;
  QList<QByteArray> lines = proc.readAllStandardOutput().split('\n');
  // One line per frame, even when every field is empty; drop only the piece after the final newline.
  if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
  for (const QByteArray& line : lines) {
    std::vector<std::string> row;
    for (const QByteArray& cell : line.split('\t')) row.push_back(cell.toStdString());
    row.resize(fields.size());
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::optional<QByteArray> runTshark(const QStringList& args, QString& error) {
  QProcess proc;
  proc.start(QStringLiteral("tshark"), args);
  if (!proc.waitForFinished(300000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
    error = QStringLiteral("tshark %1 failed: %2")
                .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(proc.readAllStandardError()));
    return std::nullopt;
  }
  return proc.readAllStandardOutput();
}

const std::set<std::string>& tsharkFieldNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    QString error;
    const auto listing = runTshark({QStringLiteral("-G"), QStringLiteral("fields")}, error);
    if (!listing) return out;
    // Field rows: "F<TAB>description<TAB>abbreviation<TAB>...".
    for (const QByteArray& line : listing->split('\n')) {
      const QList<QByteArray> cols = line.split('\t');
      if (cols.size() > 2 && cols[0] == "F") out.insert(cols[2].toStdString());
    }
    return out;
  }();
  return names;
}

std::string withoutColons(std::string s) {
  std::erase(s, ':');
  return s;
}

}  // namespace rs::test
