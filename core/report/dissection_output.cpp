// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/dissection_output.h"

#include <fmt/format.h>

namespace rs {

std::string maskedValue(const Field& field) {
  const std::size_t n = field.kind == FieldKind::Octets ? field.bytes.size() : field.valueString().size();
  return fmt::format("[hidden: {} bytes; use --show-keys to reveal]", n);
}

std::string displayValue(const Field& field, const OutputOptions& options) {
  if (field.secret && !options.showSecrets) return maskedValue(field);
  return field.valueString();
}

std::string fieldLine(const Field& f, const OutputOptions& options) {
  if (f.secret && !options.showSecrets) {
    // The label embeds the value; rebuild it from the name's last component.
    const auto colon = f.label.find(':');
    const std::string title = colon == std::string::npos ? f.name : f.label.substr(0, colon);
    return title + ": " + maskedValue(f);
  }
  return f.label;
}

std::string infoColumn(const Dissection& d) { return d.malformed ? d.info + " [Malformed Packet]" : d.info; }

namespace {

void appendText(const Field& f, int depth, const OutputOptions& options, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 4, ' ');
  out += fieldLine(f, options);
  out += '\n';
  for (const auto& c : f.children) appendText(c, depth + 1, options, out);
}

// Adds key -> value to obj; a repeated key turns into an array (like
// tshark's --no-duplicate-keys). Field values are strings or objects, never
// arrays, so an array here is always one this function made.
void put(nlohmann::ordered_json& obj, const std::string& key, nlohmann::ordered_json value) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    obj[key] = std::move(value);
    return;
  }
  if (!it->is_array()) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    arr.push_back(std::move(*it));
    *it = std::move(arr);
  }
  it->push_back(std::move(value));
}

nlohmann::ordered_json childrenToJson(const Field& f, const OutputOptions& options);

void addFieldTo(nlohmann::ordered_json& obj, const Field& c, const OutputOptions& options) {
  if (c.name.empty()) {
    // A text-only node: tshark keys it by its label.
    if (c.children.empty())
      put(obj, c.label, "");
    else
      put(obj, c.label, childrenToJson(c, options));
    return;
  }
  if (c.kind == FieldKind::None) {
    put(obj, c.name, c.children.empty() ? nlohmann::ordered_json("") : childrenToJson(c, options));
    return;
  }
  put(obj, c.name, displayValue(c, options));
  if (!c.children.empty()) put(obj, c.name + "_tree", childrenToJson(c, options));
}

nlohmann::ordered_json childrenToJson(const Field& f, const OutputOptions& options) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (const auto& c : f.children) addFieldTo(obj, c, options);
  return obj;
}

}  // namespace

std::string formatTreeText(const Dissection& dissection, const OutputOptions& options) {
  std::string out;
  for (const auto& layer : dissection.layers) appendText(layer, 0, options, out);
  return out;
}

nlohmann::ordered_json layersToJson(const Dissection& dissection, const OutputOptions& options) {
  nlohmann::ordered_json layers = nlohmann::ordered_json::object();
  for (const auto& layer : dissection.layers) put(layers, layer.name, childrenToJson(layer, options));
  return layers;
}

}  // namespace rs
