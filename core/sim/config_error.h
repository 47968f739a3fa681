// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What is wrong with a scenario or profile file, said so a person can fix it:
// the file, the JSON Pointer (RFC 6901) of the key, what was expected and what
// was found. message(): `scenario.json: /media/1/channel: expected an integer
// 1..233, found "six"`.
#include <string>

namespace rs::sim {

struct ConfigError {
  std::string file;     // as given to the loader
  std::string pointer;  // "" for the document itself (e.g. a JSON syntax error)
  std::string expected;
  std::string found;
  std::string message() const;
};

}  // namespace rs::sim
