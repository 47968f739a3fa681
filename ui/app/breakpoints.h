// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The breakpoints of an emulated run and their compiled form. Three kinds, as
// DESIGN.md's "Emulation core" names them: a message type (the next event's
// label contains a text), a node (the next event runs at that node) and a key
// event (a trace event that derives, installs or discards a key). Label and
// node breakpoints stop BEFORE the matching event (it stays the next event);
// a key event is only known once its event has run, so key-event breakpoints
// stop right AFTER the event that emitted the trace.
//
// The scheduler asks the predicate before every event of a run, so the
// user's list is compiled once per run (needles in UTF-8, node names resolved
// to ids, key kinds to a bit mask) and matching builds no strings.
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sim/event_descriptor.h"
#include "core/sim/trace.h"

namespace rs::sim {
class Topology;
}

namespace rs::ui {

// What a trace event does to a key, as the WLAN nodes say it (see keyEventKinds()).
enum class KeyEventKind : std::uint8_t { Derivation, Install, Discard };
inline constexpr int kKeyEventKindCount = 3;
QString keyEventKindName(KeyEventKind kind);  // "derivation", "install", "discard"
std::optional<KeyEventKind> keyEventKindFromName(const QString& name);

// Bit (1 << kind) for every key kind the trace event is: a KeyDerivation event is a derivation;
// an event whose text says a key is installed ("TK installed", "installs TK and GTK") is an install;
// an AP deauthenticating a station or forgetting it after its Layer 2 Update (both drop the
// station's PTKSA) and a RADIUS session expiring (its MSK is gone) are discards. 0: no key event.
std::uint8_t keyEventKinds(const sim::TraceEvent& event);

struct Breakpoint {
  enum class Kind : std::uint8_t { Label, Node, KeyEvent };
  Kind kind = Kind::Label;
  QString text;  // Label: part of an event label; Node: the node's name
  KeyEventKind keyKind = KeyEventKind::Derivation;  // KeyEvent only
  bool enabled = true;

  // "label contains \"EAPOL-Key M3\"", "node ap2", "key install".
  QString describe() const;
  bool operator==(const Breakpoint&) const = default;
};

class CompiledBreakpoints {
 public:
  CompiledBreakpoints() = default;
  // The enabled breakpoints of `list`; node names resolve in `topology` (a name it does not know
  // is added to `unknownNodes` and never matches). `extraLabel` (not empty) is one more label
  // breakpoint that is not in the list (the toolbar's quick "run to breakpoint").
  static CompiledBreakpoints compile(const std::vector<Breakpoint>& list, const sim::Topology* topology,
                                     const QString& extraLabel = {}, QStringList* unknownNodes = nullptr);

  bool empty() const { return before_.empty() && keyMask_ == 0; }
  bool hasKeyEvents() const { return keyMask_ != 0; }
  // Index (into the compiled list) of the first breakpoint the next event matches; nullopt: none.
  std::optional<std::size_t> matchBefore(const sim::EventDescriptor& event) const;
  std::optional<std::size_t> matchAfter(const sim::TraceEvent& event) const;
  // What breakpoint `index` is, for the status bar.
  const Breakpoint& at(std::size_t index) const { return sources_[index]; }

 private:
  struct Before {
    bool isNode = false;
    sim::NodeId node = sim::kNoNode;
    std::string needle;  // UTF-8: labels are UTF-8 string_views
    std::size_t source = 0;
  };
  std::vector<Before> before_;
  std::uint8_t keyMask_ = 0;
  std::vector<std::pair<std::uint8_t, std::size_t>> keyBits_;  // kind bit, source index
  std::vector<Breakpoint> sources_;
};

}  // namespace rs::ui
