// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed reads from a parsed JSON document that remember where they are, so a
// wrong value becomes a ConfigError naming the file, the key's JSON Pointer,
// what was expected and what was found. Reads throw ConfigException, which the
// loaders catch at their boundary and return as a ConfigError value.
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/sim/config_error.h"

namespace rs::sim {

class ConfigException : public std::runtime_error {
 public:
  explicit ConfigException(ConfigError e) : std::runtime_error(e.message()), error(std::move(e)) {}
  ConfigError error;
};

class JsonCursor {
 public:
  JsonCursor(const nlohmann::json& value, std::string file, std::string pointer = {})
      : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

  const nlohmann::json& json() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& file() const { return file_; }

  // Object access. `allowed` lists every key the object may have; any other
  // key is reported (a typo would otherwise be silently ignored).
  void requireObject(std::initializer_list<std::string_view> allowed) const;
  bool has(std::string_view key) const;
  JsonCursor at(std::string_view key) const;  // the key must be present
  std::optional<JsonCursor> find(std::string_view key) const;
  // Array access.
  std::size_t arraySize() const;  // the value must be an array
  JsonCursor at(std::size_t index) const;

  std::int64_t integer(std::int64_t min, std::int64_t max) const;
  std::uint64_t unsignedInteger() const;
  double number(double min, double max) const;
  std::string string() const;  // non-empty
  bool boolean() const;

  // Throws the error for this value: "expected <expected>, found <the value>".
  [[noreturn]] void fail(std::string expected) const;
  // Throws with an explicit description of what was found.
  [[noreturn]] void fail(std::string expected, std::string found) const;

  // A short rendering of a JSON value for messages: "\"six\"", "12.5", "an object".
  static std::string describe(const nlohmann::json& value);

 private:
  const nlohmann::json* value_;
  std::string file_;
  std::string pointer_;
};

// One of a fixed set of strings, as its enum value: {"psk", Security::Psk}, ...; anything else fails
// with "one of \"psk\", \"eap-tls\"".
template <class E, std::size_t N>
E readChoice(const JsonCursor& c, const std::pair<std::string_view, E> (&choices)[N]) {
  std::string expected;
  for (const auto& [name, value] : choices) {
    if (c.json().is_string() && c.json().get<std::string>() == name) return value;
    expected += (expected.empty() ? "one of \"" : ", \"") + std::string(name) + "\"";
  }
  c.fail(expected);
}

// Parses `text` (the contents of `file`); a syntax error names its byte offset.
std::variant<nlohmann::json, ConfigError> parseJsonText(std::string_view text, const std::string& file);
// Reads and parses `path`.
std::variant<nlohmann::json, ConfigError> readJsonFile(const std::string& path);

// The common figures of a range check's message: "an integer 1..233", "a number >= 0".
std::string integerRange(std::int64_t min, std::int64_t max);
std::string numberRange(double min, double max);

}  // namespace rs::sim
