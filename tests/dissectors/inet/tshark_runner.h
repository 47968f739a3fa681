// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test-only: runs tshark -T fields (QProcess) and renders our dissection the same way.
#include <string>
#include <vector>

#include <QStringList>

#include "dissectors/common/dissection.h"

namespace rs::test {

struct TsharkTable {
  std::string error;                           // empty on success
  std::vector<std::vector<std::string>> rows;  // one per frame, one column per field
};

// `tshark -r file -T fields -E occurrence=a -E aggregator=, -E separator=/t -e ...`.
TsharkTable runTsharkFields(const std::string& file, const std::vector<std::string>& fields,
                            const QStringList& extraArgs = {});

// Every occurrence of `field` in the layers of `d`, joined with ','.
std::string dissectionFieldValues(const Dissection& d, const std::string& field);

// tshark prints bytes without separators and addresses with them: compare without colons.
std::string withoutColons(std::string s);

}  // namespace rs::test
