// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CSV a sweep writes (`simulate --sweep ... --sweep-out OUT.csv`): a header
// line, then one line per run and method, cells quoted only when they hold a
// comma, a quote or a line break (RFC 4180). The writer is the CLI's; the
// reader is how the desktop application gets the rows back from the
// roamscope-cli child that ran the sweep.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rs::ui {

struct SweepTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as wide as the header
};

std::string sweepCsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

// The table, or what is wrong with the text (an open quote, a row narrower or wider than the header,
// no header), with its line number.
struct SweepCsvError {
  std::size_t line = 0;  // 1-based
  std::string message;
};
std::optional<SweepTable> parseSweepCsv(std::string_view text, SweepCsvError* error = nullptr);

}  // namespace rs::ui
