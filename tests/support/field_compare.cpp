// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/field_compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "capture/file/capture_file.h"
#include "dissectors/dispatch.h"
#include "tests/support/tshark_fields.h"

namespace rs::test {
namespace {

void collectValued(const Field& f, std::vector<std::string>& out) {
  if (!f.name.empty() && f.kind != FieldKind::None && std::find(out.begin(), out.end(), f.name) == out.end())
    out.push_back(f.name);
  for (const Field& c : f.children) collectValued(c, out);
}

// What every comparison reads: tshark's table and the capture itself.
struct Sources {
  std::optional<TsharkTable> table;
  std::unique_ptr<CaptureFile> capture;
};

bool openSources(const std::string& file, const std::vector<std::string>& fields, const QStringList& extraTsharkArgs,
                 Sources& out, std::string& error) {
  QString err;
  out.table = runTsharkFields(file, fields, extraTsharkArgs, err);
  if (!out.table) {
    error = err.toStdString();
    return false;
  }
  auto opened = openCapture(file);
  if (auto* e = std::get_if<FileError>(&opened)) {
    error = e->toString();
    return false;
  }
  out.capture = std::move(std::get<std::unique_ptr<CaptureFile>>(opened));
  return true;
}

bool isColumn(const std::string& field) { return field == "_ws.col.Protocol" || field == "_ws.col.Info"; }

}  // namespace

std::string ourFieldValues(const Dissection& d, const std::string& name) {
  std::string out;
  for (const Field* f : d.findAll(name)) {
    if (!out.empty()) out += ',';
    std::string v = f->valueString();
    if (f->kind == FieldKind::Octets) v = withoutColons(v);
    // tshark -T fields prints an empty byte string (a hidden SSID) as "<MISSING>".
    if (f->kind == FieldKind::Octets && f->bytes.empty()) v = "<MISSING>";
    out += v;
  }
  return out;
}

void collectFieldNames(const Dissection& d, const std::set<std::string>& layers, std::vector<std::string>& out) {
  for (const Field& l : d.layers)
    if (layers.count(l.name)) collectValued(l, out);
}

ComparisonResult compareWithTshark(const std::string& file, const std::vector<std::string>& fields,
                                   const QStringList& extraTsharkArgs, const DissectFn& dissect) {
  ComparisonResult r;
  Sources sources;
  if (!openSources(file, fields, extraTsharkArgs, sources, r.error)) return r;
  const auto& table = sources.table;
  auto& capture = *sources.capture;
  CaptureFrame f;
  std::size_t i = 0;
  while (capture.next(f)) {
    const Dissection d = dissect ? dissect(f) : dissectFrame(f.linkType, f.data);
    if (i >= table->rows.size()) {
      r.error = fmt::format("tshark reported {} frames, RoamScope read more", table->rows.size());
      return r;
    }
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const std::string theirs = withoutColons(table->rows[i][k]);
      const std::string ours = withoutColons(ourFieldValues(d, fields[k]));
      if (!theirs.empty()) ++r.comparedValues;
      if (ours != theirs) r.mismatches.push_back({i + 1, fields[k], ours, theirs});
    }
    ++i;
  }
  r.frames = i;
  if (i != table->rows.size())
    r.error = fmt::format("frame count differs: RoamScope {}, tshark {}", i, table->rows.size());
  return r;
}

ComparisonResult compareSelectedWithTshark(const std::string& file, const std::vector<std::string>& fields,
                                           const QStringList& extraTsharkArgs, const PartialDissectFn& dissect,
                                           const FrameSelector& selected, const ColumnSelector& columns) {
  ComparisonResult r;
  std::vector<std::string> withNumber{"frame.number"};
  withNumber.insert(withNumber.end(), fields.begin(), fields.end());
  Sources sources;
  if (!openSources(file, withNumber, extraTsharkArgs, sources, r.error)) return r;
  const auto& table = sources.table;
  auto& capture = *sources.capture;
  for (const auto& fullRow : table->rows) {
    const std::size_t number = std::strtoul(fullRow[0].c_str(), nullptr, 10);
    const auto frame = number == 0 ? std::nullopt : capture.frame(number - 1);
    if (!frame) {
      r.error = fmt::format("tshark frame number '{}' outside the capture", fullRow[0]);
      return r;
    }
    const std::vector<std::string> row(fullRow.begin() + 1, fullRow.end());
    const auto ours = dissect(*frame);
    if (!ours || !selected(row, *ours)) continue;
    ++r.frames;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      std::string mine;
      if (isColumn(fields[k])) {
        if (!columns(row)) continue;
        mine = fields[k] == "_ws.col.Protocol" ? ours->protocol : ours->info;
      } else {
        mine = ourFieldValues(*ours, fields[k]);
      }
      if (!row[k].empty()) ++r.comparedValues;
      if (withoutColons(mine) != withoutColons(row[k])) r.mismatches.push_back({number, fields[k], mine, row[k]});
    }
  }
  return r;
}

std::string describe(const ComparisonResult& r, std::size_t maxLines) {
  std::string out = r.error;
  for (std::size_t i = 0; i < r.mismatches.size() && i < maxLines; ++i) {
    const auto& m = r.mismatches[i];
    out += fmt::format("\n  frame {} {}: RoamScope '{}' tshark '{}'", m.frameNumber, m.field, m.ours, m.tshark);
  }
  if (r.mismatches.size() > maxLines) out += fmt::format("\n  ... {} mismatches in all", r.mismatches.size());
  return out;
}

}  // namespace rs::test
