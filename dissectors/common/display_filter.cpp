// SPDX-License-Identifier: GPL-3.0-or-later
// A recursive-descent parser over a small token stream, and an evaluator that
// walks the field tree once per field the expression names.
#include "dissectors/common/display_filter.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

#include "dissectors/common/mac_address.h"

namespace rs {

enum class Compare : std::uint8_t { Exists, Eq, Ne, Lt, Le, Gt, Ge, Contains };

struct DisplayFilter::Node {
  enum class Kind : std::uint8_t { Or, And, Not, Test } kind = Kind::Test;
  std::shared_ptr<const Node> left, right;  // Or/And: both; Not: left
  std::string field;
  Compare op = Compare::Exists;
  std::string value;  // as written (quotes removed)
};

namespace {

using Node = DisplayFilter::Node;

struct Token {
  enum class Kind : std::uint8_t { Word, String, Op, LParen, RParen, End } kind = Kind::End;
  std::string text;
  std::size_t position = 0;
};

bool wordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' || c == '-';
}

std::variant<std::vector<Token>, FilterError> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::Kind::LParen : Token::Kind::RParen, std::string(1, c), i});
      ++i;
      continue;
    }
    if (c == '"') {
      std::string text;
      std::size_t j = i + 1;
      for (; j < s.size() && s[j] != '"'; ++j) {
        if (s[j] == '\\' && j + 1 < s.size()) ++j;
        text += s[j];
      }
      if (j >= s.size()) return FilterError{i, "unterminated string"};
      out.push_back({Token::Kind::String, text, i});
      i = j + 1;
      continue;
    }
    static constexpr std::string_view kOps[] = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "!"};
    bool matched = false;
    for (std::string_view op : kOps)
      if (s.substr(i, op.size()) == op) {
        out.push_back({Token::Kind::Op, std::string(op), i});
        i += op.size();
        matched = true;
        break;
      }
    if (matched) continue;
    if (!wordChar(c)) return FilterError{i, std::string("unexpected character '") + c + "'"};
    std::size_t j = i;
    while (j < s.size() && wordChar(s[j])) ++j;
    out.push_back({Token::Kind::Word, std::string(s.substr(i, j - i)), i});
    i = j;
  }
  out.push_back({Token::Kind::End, {}, s.size()});
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  std::shared_ptr<const Node> parse() {
    auto root = parseOr();
    if (!error_ && peek().kind != Token::Kind::End) fail(peek().position, "unexpected '" + peek().text + "'");
    return root;
  }
  const std::optional<FilterError>& error() const { return error_; }

 private:
  const Token& peek() const { return t_[i_]; }
  const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool isWord(std::string_view w) const { return peek().kind == Token::Kind::Word && peek().text == w; }
  bool isOp(std::string_view o) const { return peek().kind == Token::Kind::Op && peek().text == o; }
  std::shared_ptr<const Node> fail(std::size_t at, std::string message) {
    if (!error_) error_ = FilterError{at, std::move(message)};
    return nullptr;
  }
  static std::shared_ptr<const Node> binary(Node::Kind k, std::shared_ptr<const Node> a, std::shared_ptr<const Node> b) {
    auto n = std::make_shared<Node>();
    n->kind = k;
    n->left = std::move(a);
    n->right = std::move(b);
    return n;
  }

  std::shared_ptr<const Node> parseOr() {
    auto left = parseAnd();
    while (!error_ && (isOp("||") || isWord("or"))) {
      take();
      left = binary(Node::Kind::Or, left, parseAnd());
    }
    return left;
  }
  std::shared_ptr<const Node> parseAnd() {
    auto left = parseNot();
    while (!error_ && (isOp("&&") || isWord("and"))) {
      take();
      left = binary(Node::Kind::And, left, parseNot());
    }
    return left;
  }
  std::shared_ptr<const Node> parseNot() {
    if (isOp("!") || isWord("not")) {
      take();
      return binary(Node::Kind::Not, parseNot(), nullptr);
    }
    return parsePrimary();
  }
  std::shared_ptr<const Node> parsePrimary() {
    const Token& t = peek();
    if (t.kind == Token::Kind::LParen) {
      take();
      auto inner = parseOr();
      if (error_) return nullptr;
      if (peek().kind != Token::Kind::RParen) return fail(peek().position, "expected ')'");
      take();
      return inner;
    }
    if (t.kind != Token::Kind::Word || !std::isalpha(static_cast<unsigned char>(t.text[0])))
      return fail(t.position, t.kind == Token::Kind::End ? "expected a field name at the end" : "expected a field name");
    auto n = std::make_shared<Node>();
    n->field = take().text;
    static constexpr std::pair<std::string_view, Compare> kCompare[] = {
        {"==", Compare::Eq}, {"eq", Compare::Eq}, {"!=", Compare::Ne}, {"ne", Compare::Ne},
        {"<", Compare::Lt},  {"lt", Compare::Lt}, {"<=", Compare::Le}, {"le", Compare::Le},
        {">", Compare::Gt},  {"gt", Compare::Gt}, {">=", Compare::Ge}, {"ge", Compare::Ge},
        {"contains", Compare::Contains}};
    for (const auto& [word, op] : kCompare) {
      const bool symbol = !std::isalpha(static_cast<unsigned char>(word[0]));
      if (symbol ? isOp(word) : isWord(word)) {
        const std::size_t opAt = take().position;
        const Token& v = peek();
        if (v.kind != Token::Kind::Word && v.kind != Token::Kind::String)
          return fail(v.position, "expected a value after '" + std::string(word) + "' at " + std::to_string(opAt));
        n->op = op;
        n->value = take().text;
        break;
      }
    }
    return n;
  }

  std::vector<Token> t_;
  std::size_t i_ = 0;
  std::optional<FilterError> error_;
};

std::optional<std::uint64_t> number(std::string_view v) {
  std::uint64_t out = 0;
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) {
    v.remove_prefix(2);
    base = 16;
  }
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out, base);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return out;
}

std::optional<std::uint32_t> ipv4(std::string_view v) {
  std::uint32_t out = 0;
  int parts = 0;
  while (!v.empty() && parts < 4) {
    const std::size_t dot = v.find('.');
    const auto n = number(v.substr(0, dot));
    if (!n || *n > 255) return std::nullopt;
    out = (out << 8) | static_cast<std::uint32_t>(*n);
    ++parts;
    v = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
  }
  return parts == 4 && v.empty() ? std::optional(out) : std::nullopt;
}

template <class T>
bool ordered(Compare op, T a, T b) {
  switch (op) {
    case Compare::Eq: return a == b;
    case Compare::Ne: return a != b;
    case Compare::Lt: return a < b;
    case Compare::Le: return a <= b;
    case Compare::Gt: return a > b;
    case Compare::Ge: return a >= b;
    default: return false;
  }
}

// One occurrence against the value; `op` is never Ne here (handled as "no occurrence equals").
bool holds(const Field& f, Compare op, const std::string& value) {
  switch (f.kind) {
    case FieldKind::Unsigned:
      if (auto n = number(value)) return ordered(op, f.u, *n);
      return op == Compare::Contains && f.valueString().find(value) != std::string::npos;
    case FieldKind::Signed: {
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && end == value.data() + value.size()) return ordered(op, f.i, n);
      return false;
    }
    case FieldKind::Ipv4:
      if (auto a = ipv4(value)) return ordered(op, static_cast<std::uint32_t>(f.u), *a);
      return false;
    case FieldKind::Octets:
    case FieldKind::Ipv6: {
      Bytes want;
      if (!parseHex(value, want)) return false;
      if (op == Compare::Contains)
        return std::search(f.bytes.begin(), f.bytes.end(), want.begin(), want.end()) != f.bytes.end();
      return ordered(op, f.bytes, want);
    }
    case FieldKind::Text:
      if (op == Compare::Contains) return f.text.find(value) != std::string::npos;
      return ordered(op, f.text, value);
    case FieldKind::None:
      return false;
  }
  return false;
}

void collect(const std::vector<Field>& layers, const std::string& name, std::vector<const Field*>& out) {
  for (const Field& layer : layers) layer.findAll(name, out);
}

bool evaluate(const Node& n, const Dissection& d) {
  switch (n.kind) {
    case Node::Kind::Or: return evaluate(*n.left, d) || evaluate(*n.right, d);
    case Node::Kind::And: return evaluate(*n.left, d) && evaluate(*n.right, d);
    case Node::Kind::Not: return !evaluate(*n.left, d);
    case Node::Kind::Test: break;
  }
  std::vector<const Field*> found;
  collect(d.layers, n.field, found);
  if (n.op == Compare::Exists) return !found.empty();
  if (n.op == Compare::Ne) {
    if (found.empty()) return false;
    for (const Field* f : found)
      if (holds(*f, Compare::Eq, n.value)) return false;
    return true;
  }
  for (const Field* f : found)
    if (holds(*f, n.op, n.value)) return true;
  return false;
}

}  // namespace

std::variant<DisplayFilter, FilterError> DisplayFilter::compile(std::string_view text) {
  DisplayFilter filter;
  filter.text_ = std::string(text);
  auto tokens = tokenize(text);
  if (auto* error = std::get_if<FilterError>(&tokens)) return *error;
  auto& list = std::get<std::vector<Token>>(tokens);
  if (list.size() == 1) return filter;  // only End: the empty filter
  Parser parser(std::move(list));
  auto root = parser.parse();
  if (parser.error()) return *parser.error();
  filter.root_ = std::move(root);
  return filter;
}

bool DisplayFilter::matches(const Dissection& dissection) const { return !root_ || evaluate(*root_, dissection); }

}  // namespace rs
