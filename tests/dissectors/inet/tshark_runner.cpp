// SPDX-License-Identifier: GPL-3.0-or-later
#include "tshark_runner.h"

#include <QProcess>
#include <QString>

namespace rs::test {

TsharkTable runTsharkFields(const std::string& file, const std::vector<std::string>& fields,
                            const QStringList& extraArgs) {
  TsharkTable out;
  QStringList args{"-n", "-r", QString::fromStdString(file), "-T", "fields", "-E", "occurrence=a",
                   "-E", "aggregator=,", "-E", "separator=/t"};
  for (const auto& f : fields) args << "-e" << QString::fromStdString(f);
  args << extraArgs;
  QProcess p;
  p.start("tshark", args);
  if (!p.waitForStarted(10000)) {
    out.error = "tshark is not installed or cannot start (install the Debian package 'tshark')";
    return out;
  }
  if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    out.error = "tshark failed: " + QString::fromLocal8Bit(p.readAllStandardError()).toStdString();
    return out;
  }
  const QString text = QString::fromUtf8(p.readAllStandardOutput());
  for (const QString& line : text.split('\n')) {
    if (line.isEmpty()) continue;
    std::vector<std::string> row;
    for (const QString& cell : line.split('\t')) row.push_back(cell.toStdString());
    row.resize(fields.size());
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string dissectionFieldValues(const Dissection& d, const std::string& field) {
  std::string s;
  for (const Field* f : d.findAll(field)) {
    if (!s.empty()) s += ',';
    s += f->valueString();
  }
  return s;
}

std::string withoutColons(std::string s) {
  std::erase(s, ':');
  return s;
}

}  // namespace rs::test
