// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/field_compare.h"

#include <fmt/format.h>

#include "capture/file/capture_file.h"
#include "dissectors/dispatch.h"
#include "tests/support/tshark_fields.h"

namespace rs::test {
namespace {

std::string ourValues(const Dissection& d, const std::string& name) {
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

}  // namespace

ComparisonResult compareWithTshark(const std::string& file, const std::vector<std::string>& fields,
                                   const QStringList& extraTsharkArgs, const DissectFn& dissect) {
  ComparisonResult r;
  QString err;
  auto table = runTsharkFields(file, fields, extraTsharkArgs, err);
  if (!table) {
    r.error = err.toStdString();
    return r;
  }
  auto opened = openCapture(file);
  if (auto* e = std::get_if<FileError>(&opened)) {
    r.error = e->toString();
    return r;
  }
  auto& capture = *std::get<std::unique_ptr<CaptureFile>>(opened);
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
      const std::string ours = withoutColons(ourValues(d, fields[k]));
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
