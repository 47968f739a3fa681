// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/mip/sa_table.h"

namespace rs::mip {

SaTable::SaTable(std::size_t nvramBytes)
    : nvramBudget_(nvramBytes), capacity_(nvramBytes / sizeof(SecurityAssociation)) {}

SaTable::Install SaTable::install(const SecurityAssociation& sa) {
  const bool isStatic = sa.kind == SaKeyKind::Static;
  const Key key{sa.mobileNode, sa.spi};
  if (auto it = rows_.find(key); it != rows_.end()) {
    const bool wasStatic = it->second.kind == SaKeyKind::Static;
    if (isStatic && !wasStatic && staticRows_ >= capacity_) return Install::Full;
    staticRows_ += static_cast<std::size_t>(isStatic) - static_cast<std::size_t>(wasStatic);
    it->second = sa;  // the assignment overwrites every key octet
    return Install::Replaced;
  }
  if (isStatic && staticRows_ >= capacity_) return Install::Full;
  staticRows_ += isStatic;
  rows_.emplace(key, sa);
  return Install::Added;
}

const SecurityAssociation* SaTable::find(std::uint32_t mobileNode, std::uint32_t spi) const {
  const auto it = rows_.find(Key{mobileNode, spi});
  return it == rows_.end() ? nullptr : &it->second;
}

bool SaTable::remove(std::uint32_t mobileNode, std::uint32_t spi) {
  const auto it = rows_.find(Key{mobileNode, spi});
  if (it == rows_.end()) return false;
  erased(it->second);
  rows_.erase(it);  // the row's destructor wipes its key
  return true;
}

std::size_t SaTable::removeSessionKeys(std::uint32_t mobileNode) {
  std::size_t removed = 0;
  for (auto it = rows_.lower_bound(Key{mobileNode, 0}); it != rows_.end() && it->first.first == mobileNode;) {
    if (it->second.kind == SaKeyKind::Static) {
      ++it;
      continue;
    }
    it = rows_.erase(it);
    ++removed;
  }
  return removed;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> SaTable::expire(std::int64_t nowNs) {
  std::vector<Key> removed;
  for (auto it = rows_.begin(); it != rows_.end();) {
    if (it->second.kind != SaKeyKind::Static && it->second.expired(nowNs)) {
      removed.push_back(it->first);
      it = rows_.erase(it);
    } else {
      ++it;
    }
  }
  return removed;
}

void SaTable::extend(std::uint32_t mobileNode, std::int64_t expiresNs) {
  for (auto it = rows_.lower_bound(Key{mobileNode, 0}); it != rows_.end() && it->first.first == mobileNode; ++it)
    if (it->second.kind != SaKeyKind::Static) it->second.expiresNs = expiresNs;
}

void SaTable::noteIdentification(std::uint32_t mobileNode, std::uint64_t identification) {
  for (auto it = rows_.lower_bound(Key{mobileNode, 0}); it != rows_.end() && it->first.first == mobileNode; ++it)
    it->second.lastIdentification = identification;
}

std::vector<const SecurityAssociation*> SaTable::rows() const {
  std::vector<const SecurityAssociation*> out;
  out.reserve(rows_.size());
  for (const auto& [key, sa] : rows_) out.push_back(&sa);
  return out;
}

void SaTable::clear() {
  rows_.clear();
  staticRows_ = 0;
}

}  // namespace rs::mip
