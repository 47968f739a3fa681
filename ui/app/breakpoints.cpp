// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/breakpoints.h"

#include <QObject>
#include <array>
#include <string_view>

#include "core/sim/topology.h"

namespace rs::ui {

namespace {

constexpr std::uint8_t bit(KeyEventKind kind) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind)); }

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

QString keyEventKindName(KeyEventKind kind) {
  switch (kind) {
    case KeyEventKind::Derivation: return QStringLiteral("derivation");
    case KeyEventKind::Install: return QStringLiteral("install");
    case KeyEventKind::Discard: return QStringLiteral("discard");
  }
  return {};
}

std::optional<KeyEventKind> keyEventKindFromName(const QString& name) {
  for (int i = 0; i < kKeyEventKindCount; ++i)
    if (keyEventKindName(static_cast<KeyEventKind>(i)) == name) return static_cast<KeyEventKind>(i);
  return std::nullopt;
}

std::uint8_t keyEventKinds(const sim::TraceEvent& event) {
  std::uint8_t kinds = 0;
  if (event.kind == sim::TraceKind::KeyDerivation) kinds |= bit(KeyEventKind::Derivation);
  // The nodes state installs and discards in their trace text (core/protocols/wlan): these are the
  // phrases they use. Only the kinds that carry them are searched, so Info/Frame events cost nothing.
  const std::string_view text = event.text;
  switch (event.kind) {
    case sim::TraceKind::KeyDerivation:
    case sim::TraceKind::StateChange:
      if (contains(text, "installed") || contains(text, "installs")) kinds |= bit(KeyEventKind::Install);
      if (contains(text, "associated elsewhere") || contains(text, "expired")) kinds |= bit(KeyEventKind::Discard);
      break;
    case sim::TraceKind::Error:
      if (contains(text, "deauthenticates")) kinds |= bit(KeyEventKind::Discard);
      break;
    default: break;
  }
  return kinds;
}

QString Breakpoint::describe() const {
  switch (kind) {
    case Kind::Label: return QObject::tr("label contains \"%1\"").arg(text);
    case Kind::Node: return QObject::tr("node %1").arg(text);
    case Kind::KeyEvent: return QObject::tr("key %1").arg(keyEventKindName(keyKind));
  }
  return {};
}

CompiledBreakpoints CompiledBreakpoints::compile(const std::vector<Breakpoint>& list, const sim::Topology* topology,
                                                 const QString& extraLabel, QStringList* unknownNodes) {
  CompiledBreakpoints c;
  auto add = [&](const Breakpoint& b) {
    const std::size_t source = c.sources_.size();
    c.sources_.push_back(b);
    switch (b.kind) {
      case Breakpoint::Kind::Label:
        if (!b.text.isEmpty()) c.before_.push_back(Before{false, sim::kNoNode, b.text.toStdString(), source});
        break;
      case Breakpoint::Kind::Node: {
        const auto id = topology ? topology->find(b.text.toStdString()) : std::nullopt;
        if (id)
          c.before_.push_back(Before{true, *id, {}, source});
        else if (unknownNodes)
          unknownNodes->push_back(b.text);
        break;
      }
      case Breakpoint::Kind::KeyEvent:
        c.keyMask_ |= bit(b.keyKind);
        c.keyBits_.emplace_back(bit(b.keyKind), source);
        break;
    }
  };
  for (const Breakpoint& b : list)
    if (b.enabled) add(b);
  if (!extraLabel.isEmpty()) add(Breakpoint{Breakpoint::Kind::Label, extraLabel});
  return c;
}

std::optional<std::size_t> CompiledBreakpoints::matchBefore(const sim::EventDescriptor& event) const {
  for (const Before& b : before_) {
    if (b.isNode ? event.node == b.node : contains(event.label, b.needle)) return b.source;
  }
  return std::nullopt;
}

std::optional<std::size_t> CompiledBreakpoints::matchAfter(const sim::TraceEvent& event) const {
  if (keyMask_ == 0) return std::nullopt;
  const std::uint8_t kinds = keyEventKinds(event) & keyMask_;
  if (kinds == 0) return std::nullopt;
  for (const auto& [b, source] : keyBits_)
    if (kinds & b) return source;
  return std::nullopt;
}

}  // namespace rs::ui
