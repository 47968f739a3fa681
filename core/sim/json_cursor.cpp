// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/json_cursor.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace rs::sim {
namespace {

// RFC 6901 section 3: '~' is written "~0" and '/' is written "~1" inside a reference token.
std::string escapeToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string joinKeys(std::initializer_list<std::string_view> keys) {
  std::string out;
  for (auto k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

}  // namespace

std::string ConfigError::message() const {
  std::string where = pointer.empty() ? file : fmt::format("{}: {}", file, pointer);
  if (found.empty()) return fmt::format("{}: expected {}", where, expected);
  return fmt::format("{}: expected {}, found {}", where, expected, found);
}

std::variant<nlohmann::json, ConfigError> parseJsonText(std::string_view text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return ConfigError{file, "", "a JSON document", fmt::format("a syntax error at byte {}", e.byte)};
  }
}

std::variant<nlohmann::json, ConfigError> readJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ConfigError{path, "", "a readable file", "none (it cannot be opened)"};
  std::stringstream text;
  text << in.rdbuf();
  return parseJsonText(text.str(), path);
}

std::string integerRange(std::int64_t min, std::int64_t max) {
  if (max == std::numeric_limits<std::int64_t>::max()) return fmt::format("an integer >= {}", min);
  return fmt::format("an integer {}..{}", min, max);
}

std::string numberRange(double min, double max) {
  if (std::isinf(min) && std::isinf(max)) return "a number";
  if (std::isinf(max)) return fmt::format("a number >= {}", min);
  return fmt::format("a number {}..{}", min, max);
}

std::string JsonCursor::describe(const nlohmann::json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_null()) return "null";
  std::string text = v.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

void JsonCursor::fail(std::string expected) const { fail(std::move(expected), describe(*value_)); }

void JsonCursor::fail(std::string expected, std::string found) const {
  throw ConfigException(ConfigError{file_, pointer_, std::move(expected), std::move(found)});
}

void JsonCursor::requireObject(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail("an object");
  for (const auto& [key, value] : value_->items()) {
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known)
      throw ConfigException(ConfigError{file_, pointer_ + "/" + escapeToken(key),
                                        fmt::format("one of the keys {}", joinKeys(allowed)),
                                        fmt::format("the key \"{}\"", key)});
  }
}

bool JsonCursor::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

JsonCursor JsonCursor::at(std::string_view key) const {
  if (!value_->is_object()) fail("an object");
  const auto it = value_->find(key);
  if (it == value_->end())
    throw ConfigException(
        ConfigError{file_, pointer_ + "/" + escapeToken(key), "a value (the key is required)", "nothing"});
  return JsonCursor(*it, file_, pointer_ + "/" + escapeToken(key));
}

std::optional<JsonCursor> JsonCursor::find(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return at(key);
}

std::size_t JsonCursor::arraySize() const {
  if (!value_->is_array()) fail("an array");
  return value_->size();
}

JsonCursor JsonCursor::at(std::size_t index) const {
  return JsonCursor((*value_)[index], file_, fmt::format("{}/{}", pointer_, index));
}

std::int64_t JsonCursor::integer(std::int64_t min, std::int64_t max) const {
  const std::string expected = integerRange(min, max);
  if (value_->is_number_unsigned()) {
    // JSON parsers store every non-negative integer as unsigned, so the lower bound applies here too.
    const auto v = value_->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(max) || (min > 0 && v < static_cast<std::uint64_t>(min))) fail(expected);
    return static_cast<std::int64_t>(v);
  }
  if (!value_->is_number_integer()) fail(expected);
  const auto v = value_->get<std::int64_t>();
  if (v < min || v > max) fail(expected);
  return v;
}

std::uint64_t JsonCursor::unsignedInteger() const {
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  fail("an integer 0..18446744073709551615");
}

double JsonCursor::number(double min, double max) const {
  const std::string expected = numberRange(min, max);
  if (!value_->is_number()) fail(expected);
  const auto v = value_->get<double>();
  // Huge literals (1e400) parse to infinity; no figure of a scenario is infinite.
  if (!std::isfinite(v) || !(v >= min && v <= max)) fail(expected);
  return v;
}

std::string JsonCursor::string() const {
  if (!value_->is_string() || value_->get_ref<const std::string&>().empty()) fail("a non-empty string");
  return value_->get<std::string>();
}

bool JsonCursor::boolean() const {
  if (!value_->is_boolean()) fail("true or false");
  return value_->get<bool>();
}

}  // namespace rs::sim
