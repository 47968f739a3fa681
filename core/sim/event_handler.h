// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The action of one scheduled event, stored inside the event's slot. Callables
// up to kInlineSize bytes (a lambda capturing a few pointers, ids, figures and a
// shared_ptr to a frame) are constructed in place: no heap allocation and no
// virtual call per event, one indirect call through a function pointer.
// Larger callables are moved to the heap once, transparently.
// Slots never move (the scheduler keeps them in fixed chunks), so the handler
// needs no move operation and a callable's address stays valid while it runs.
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace rs::sim {

class EventHandler {
 public:
  static constexpr std::size_t kInlineSize = 64;

  EventHandler() = default;
  EventHandler(const EventHandler&) = delete;
  EventHandler& operator=(const EventHandler&) = delete;
  ~EventHandler() { reset(); }

  template <class F>
  void emplace(F&& f) {
    using Fn = std::decay_t<F>;
    static_assert(std::is_invocable_r_v<void, Fn&>, "an event handler is called with no arguments");
    reset();
    if constexpr (sizeof(Fn) <= kInlineSize && alignof(Fn) <= alignof(std::max_align_t)) {
      ::new (static_cast<void*>(storage_)) Fn(std::forward<F>(f));
      invoke_ = [](void* p) { (*static_cast<Fn*>(p))(); };
      if constexpr (std::is_trivially_destructible_v<Fn>)
        destroy_ = nullptr;
      else
        destroy_ = [](void* p) { static_cast<Fn*>(p)->~Fn(); };
    } else {
      Fn* onHeap = new Fn(std::forward<F>(f));
      ::new (static_cast<void*>(storage_)) Fn*(onHeap);
      invoke_ = [](void* p) { (**static_cast<Fn**>(p))(); };
      destroy_ = [](void* p) { delete *static_cast<Fn**>(p); };
    }
  }

  bool empty() const { return invoke_ == nullptr; }
  void operator()() { invoke_(storage_); }

  void reset() {
    if (destroy_) destroy_(storage_);
    invoke_ = nullptr;
    destroy_ = nullptr;
  }

 private:
  alignas(std::max_align_t) unsigned char storage_[kInlineSize];
  void (*invoke_)(void*) = nullptr;
  void (*destroy_)(void*) = nullptr;
};

}  // namespace rs::sim
