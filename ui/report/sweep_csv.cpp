// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/sweep_csv.h"

namespace rs::ui {
namespace {

std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

void appendLine(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(cells[i]);
  out += "\n";
}

std::optional<SweepTable> fail(SweepCsvError* error, std::size_t line, std::string message) {
  if (error) *error = SweepCsvError{line, std::move(message)};
  return std::nullopt;
}

}  // namespace

std::string sweepCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  appendLine(out, header);
  for (const auto& row : rows) appendLine(out, row);
  return out;
}

std::optional<SweepTable> parseSweepCsv(std::string_view text, SweepCsvError* error) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> recordLines;  // where each record starts, for the error
  std::vector<std::string> record;
  std::string cell;
  std::size_t line = 1, recordLine = 1;
  bool quoted = false;
  bool sawAnything = false;  // the current record has a cell or a separator
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      sawAnything = true;
    } else if (c == ',') {
      record.push_back(std::move(cell));
      cell.clear();
      sawAnything = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (sawAnything || !cell.empty()) {
        record.push_back(std::move(cell));
        records.push_back(std::move(record));
        recordLines.push_back(recordLine);
      }
      cell.clear();
      record.clear();
      sawAnything = false;
      recordLine = ++line;
    } else {
      cell += c;
      sawAnything = true;
    }
  }
  if (quoted) return fail(error, recordLine, "a quoted cell is not closed");
  if (sawAnything || !cell.empty()) {
    record.push_back(std::move(cell));
    records.push_back(std::move(record));
    recordLines.push_back(recordLine);
  }
  if (records.empty()) return fail(error, 1, "no header line");
  SweepTable table;
  table.header = std::move(records.front());
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table.header.size())
      return fail(error, recordLines[r],
                  "row has " + std::to_string(records[r].size()) + " cells, the header " +
                      std::to_string(table.header.size()));
    table.rows.push_back(std::move(records[r]));
  }
  return table;
}

}  // namespace rs::ui
