// SPDX-License-Identifier: GPL-3.0-or-later
#include "tshark_fields.h"

#include <algorithm>

#include <QProcess>
#include <QStandardPaths>

namespace rs::test {
namespace {

std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

std::string normaliseBytes(std::string v) {
  v.erase(std::remove(v.begin(), v.end(), ':'), v.end());
  return v;
}

void collect(const Field& f, std::vector<std::string>& out) {
  if (!f.name.empty() && f.kind != FieldKind::None && std::find(out.begin(), out.end(), f.name) == out.end())
    out.push_back(f.name);
  for (const Field& c : f.children) collect(c, out);
}

}  // namespace

bool tsharkAvailable() { return !QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(); }

TsharkRows tsharkFields(const std::string& file, const std::vector<std::string>& fields, const QStringList& extraArgs) {
  TsharkRows result;
  QStringList args{QStringLiteral("-r"), QString::fromStdString(file), QStringLiteral("-T"), QStringLiteral("fields"),
                   QStringLiteral("-E"), QStringLiteral("occurrence=a"), QStringLiteral("-E"),
                   QStringLiteral("aggregator=,"), QStringLiteral("-E"), QStringLiteral("separator=/t")};
  args += extraArgs;
  for (const auto& f : fields) args << QStringLiteral("-e") << QString::fromStdString(f);
  QProcess p;
  p.start(QStringLiteral("tshark"), args);
  if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    result.error = "tshark failed: " + p.readAllStandardError().toStdString();
    return result;
  }
  const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
  for (const QByteArray& line : lines) {
    if (line.isEmpty()) continue;
    result.rows.push_back(splitTabs(line.toStdString()));
    result.rows.back().resize(fields.size());
  }
  return result;
}

const std::set<std::string>& tsharkFieldNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    QProcess p;
    p.start(QStringLiteral("tshark"), {QStringLiteral("-G"), QStringLiteral("fields")});
    p.waitForFinished(120000);
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
      const auto cols = splitTabs(line.toStdString());
      if (cols.size() > 2 && cols[0] == "F") out.insert(cols[2]);
    }
    return out;
  }();
  return names;
}

std::string ourFieldValues(const Dissection& d, const std::string& field) {
  std::string out;
  for (const Field* f : d.findAll(field)) {
    if (!out.empty()) out += ',';
    out += f->kind == FieldKind::Octets ? normaliseBytes(f->valueString()) : f->valueString();
  }
  return out;
}

void collectFieldNames(const Dissection& d, const std::set<std::string>& layers, std::vector<std::string>& out) {
  for (const Field& l : d.layers)
    if (layers.count(l.name)) collect(l, out);
}

}  // namespace rs::test
