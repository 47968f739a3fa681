// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs tshark -T fields from a test and lines its output up with ours.
#include <set>
#include <string>
#include <vector>

#include <QStringList>

#include "dissectors/common/dissection.h"

namespace rs::test {

struct TsharkRows {
  std::string error;                             // empty on success
  std::vector<std::vector<std::string>> rows;    // one per frame, one column per field
};

bool tsharkAvailable();
// `tshark -r file -T fields -E occurrence=a -E aggregator=, -e f...` plus `extraArgs`.
TsharkRows tsharkFields(const std::string& file, const std::vector<std::string>& fields,
                        const QStringList& extraArgs = {});
// Every field name tshark knows (tshark -G fields), to skip our own additions.
const std::set<std::string>& tsharkFieldNames();

// All occurrences of `field` in `d`, rendered like tshark -T fields: values
// joined with ',', byte strings without colons.
std::string ourFieldValues(const Dissection& d, const std::string& field);
// Names of the valued fields under the given layers of `d`, in tree order, deduplicated into `out`.
void collectFieldNames(const Dissection& d, const std::set<std::string>& layers, std::vector<std::string>& out);

}  // namespace rs::test
