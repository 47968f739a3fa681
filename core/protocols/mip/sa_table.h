// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mobility security-association table (the seed's Fig. 4) as an HA or an MN
// keeps it: rows keyed by (mobile node, SPI), removed at lifetime expiry or
// de-registration with their keys wiped. Where the rows live is the seed's
// point: configured (static) keys must survive a reboot, so they sit in NVRAM,
// a fixed budget (the seed: 128 KB holds about 1,500 SAs of about 80 bytes);
// seed-001 session keys (Skey, Skey') are fetched again through the AAA server
// after a reboot, so they live in ordinary memory and need no NVRAM at all.
// Static rows never expire. The replay state of RFC 3344 5.7 is kept per
// mobile across its rows, since a request may use any of them.
#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/protocols/mip/security_association.h"

namespace rs::mip {

class SaTable {
 public:
  // The seed's figure: 128 KB of NVRAM for the table.
  static constexpr std::size_t kDefaultNvramBytes = 128 * 1024;

  explicit SaTable(std::size_t nvramBytes = kDefaultNvramBytes);

  // Static rows the NVRAM budget holds: nvramBytes / sizeof(SecurityAssociation).
  std::size_t capacity() const { return capacity_; }
  std::size_t nvramBudget() const { return nvramBudget_; }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // Bytes the rows take (sizeof(SecurityAssociation) each): all, in NVRAM (static), in memory (session keys).
  std::size_t bytesUsed() const { return rows_.size() * sizeof(SecurityAssociation); }
  std::size_t nvramBytesUsed() const { return staticRows_ * sizeof(SecurityAssociation); }
  std::size_t memoryBytesUsed() const { return bytesUsed() - nvramBytesUsed(); }

  enum class Install : std::uint8_t { Added, Replaced, Full };
  // Adds `sa`, or replaces the row with its (mobile, SPI) and wipes the old key. Full: a static row that
  // does not fit the NVRAM budget any more.
  Install install(const SecurityAssociation& sa);
  const SecurityAssociation* find(std::uint32_t mobileNode, std::uint32_t spi) const;
  // Removes one row (its key wiped); false when there is none.
  bool remove(std::uint32_t mobileNode, std::uint32_t spi);
  // Removes every non-static row of `mobileNode` (de-registration); the count removed.
  std::size_t removeSessionKeys(std::uint32_t mobileNode);
  // Removes every row whose lifetime ended at `nowNs`; the (mobile, SPI) of each, in table order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expire(std::int64_t nowNs);
  // Sets the expiry of every non-static row of `mobileNode` (a registration renewed the binding).
  void extend(std::uint32_t mobileNode, std::int64_t expiresNs);
  // Records an accepted identification for every row of `mobileNode`.
  void noteIdentification(std::uint32_t mobileNode, std::uint64_t identification);

  // Rows in (mobile, SPI) order, for display.
  std::vector<const SecurityAssociation*> rows() const;
  void clear();

 private:
  using Key = std::pair<std::uint32_t, std::uint32_t>;
  void erased(const SecurityAssociation& sa) { staticRows_ -= sa.kind == SaKeyKind::Static; }

  std::size_t nvramBudget_;
  std::size_t capacity_;
  std::size_t staticRows_ = 0;
  std::map<Key, SecurityAssociation> rows_;
};

}  // namespace rs::mip
