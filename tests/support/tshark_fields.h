// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs tshark, the independent oracle, and returns its per-frame field values
// (`-T fields -E occurrence=a -E aggregator=,`). Suites that compare with
// tshark QFAIL when it is missing: the test command installs it, so a missing
// tshark is a broken set-up, not a reason to skip.
#include <QString>
#include <QStringList>
#include <QByteArray>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rs::test {

struct TsharkTable {
  std::vector<std::string> fields;              // as requested
  std::vector<std::vector<std::string>> rows;   // rows[frame][field], "" when absent
  // All occurrences of one field in one frame, in tshark's order.
  std::vector<std::string> values(std::size_t frame, std::size_t field) const;
};

bool tsharkAvailable();
// extraArgs: e.g. {"-o", "wlan.enable_decryption:TRUE", "-d", "udp.port==11812,radius"}.
// Returns nullopt and sets `error` when tshark fails.
std::optional<TsharkTable> runTsharkFields(const std::string& file, const std::vector<std::string>& fields,
                                           const QStringList& extraArgs, QString& error);

// Runs `tshark <args>` as given and returns its standard output, for what
// -T fields cannot express (-x hex dumps of decrypted data, -T json). nullopt
// and `error` set when tshark does not start or exits with an error.
std::optional<QByteArray> runTshark(const QStringList& args, QString& error);

// Every field name tshark knows (`tshark -G fields`), read once per process;
// suites that derive their field list from RoamScope's tree skip the
// roamscope.* additions with it.
const std::set<std::string>& tsharkFieldNames();

// tshark -T fields prints byte strings without separators; RoamScope's tree uses
// colons like -T json. Comparisons strip ':' from both sides of byte values.
std::string withoutColons(std::string s);

}  // namespace rs::test

// Fails the current test function when tshark is not installed.
#define RS_REQUIRE_TSHARK()                                                                     \
  do {                                                                                          \
    if (!rs::test::tsharkAvailable())                                                           \
      QFAIL("tshark is not installed: run scripts/install-deps.sh --test (the test command does)"); \
  } while (0)
