// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A mobility security-association table (the seed's Fig. 4) as an HA or an MN
// keeps it: rows keyed by (mobile node, SPI), a fixed budget of NVRAM bytes
// (the seed: 128 KB holds about 1,500 SAs of about 80 bytes), rows removed at
// lifetime expiry or de-registration with their keys wiped. Static rows
// (RFC 3344's configured keys) never expire. The replay state of RFC 3344 5.7
// is kept per mobile across its rows, since a request may use any of them.
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

  // Rows the budget holds: nvramBytes / sizeof(SecurityAssociation).
  std::size_t capacity() const { return capacity_; }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // NVRAM bytes the rows take: size() * sizeof(SecurityAssociation).
  std::size_t bytesUsed() const { return rows_.size() * sizeof(SecurityAssociation); }

  enum class Install : std::uint8_t { Added, Replaced, Full };
  // Adds `sa`, or replaces the row with its (mobile, SPI) and wipes the old key.
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
  std::size_t capacity_;
  std::map<Key, SecurityAssociation> rows_;
};

}  // namespace rs::mip
