// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sa_table_model.h"

#include <algorithm>

#include "core/crypto/secret_bytes.h"
#include "core/protocols/mip/mip_network.h"
#include "core/sim/topology.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

namespace {

QString seconds(std::int64_t ns) { return QString::number(static_cast<double>(ns) / 1e9, 'f', 6); }

QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString algorithmText(const mip::SecurityAssociation& sa) {
  // MD5 is the only algorithm RFC 3344 and the seed define; the mode tells HMAC from prefix+suffix.
  const QString algorithm = sa.algorithm == mip::SaAlgorithm::Md5 ? QStringLiteral("MD5") : QStringLiteral("?");
  return QStringLiteral("%1 / %2").arg(algorithm, text(mip::saModeName(sa.mode)));
}

QString replayText(const mip::SecurityAssociation& sa) {
  if (sa.replay == mip::ReplayProtection::Nonces) return SaTableModel::tr("nonces");
  return SaTableModel::tr("timestamps ±%1 s").arg(sa.replayWindowSeconds);
}

}  // namespace

SaTableModel::SaTableModel(const EmulationController& controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller) {
  refresh();
}

void SaTableModel::setRevealKeys(bool reveal) {
  if (reveal == reveal_) return;
  reveal_ = reveal;
  refresh();
}

void SaTableModel::collect(std::vector<Row>& rows, std::vector<OwnerSummary>& owners) const {
  const mip::MipNetwork* network = controller_.mipNetwork();
  if (!network) return;
  const sim::Topology& topology = network->simulation().topology();
  const auto add = [&](sim::NodeId node, const mip::SaTable& table) {
    const QString owner = QString::fromStdString(topology.node(node).name);
    // Every HA and MN table has the seed's budget (SaTable keeps only the row capacity it gives), the figure
    // `roamscope-cli simulate` prints too.
    owners.push_back({owner, table.size(), table.bytesUsed(), table.capacity(), mip::SaTable::kDefaultNvramBytes});
    for (const mip::SecurityAssociation* sa : table.rows()) {
      const bool isStatic = sa->kind == mip::SaKeyKind::Static;
      rows.push_back(Row{owner, QString::fromStdString(sim::formatIpv4Address(sa->mobileNode)),
                         QString::number(sa->spi), text(mip::saKeyKindName(sa->kind)), algorithmText(*sa),
                         replayText(*sa), seconds(sa->installedNs),
                         // Configured keys have no lifetime; session keys live as long as the binding.
                         isStatic ? tr("never") : seconds(sa->expiresNs),
                         QString::fromStdString(crypto::secretHex(sa->keyView(), reveal_))});
    }
  };
  for (const auto& ha : network->homeAgents()) add(ha->node(), ha->securityAssociations());
  for (const auto& mn : network->mobiles()) add(mn->node(), mn->securityAssociations());
}

void SaTableModel::refresh() {
  std::vector<Row> rows;
  std::vector<OwnerSummary> owners;
  collect(rows, owners);
  owners_ = std::move(owners);
  if (rows == rows_) return;
  if (rows.size() != rows_.size()) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    return;
  }
  rows_ = std::move(rows);
  emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
}

QString SaTableModel::summaryText(const OwnerSummary& s) {
  return tr("%1: %2 SA(s), %3 of %4 bytes of NVRAM (%5 bytes per SA, room for %6)")
      .arg(s.owner)
      .arg(s.rows)
      .arg(s.bytesUsed)
      .arg(s.nvramBytes)
      .arg(sizeof(mip::SecurityAssociation))
      .arg(s.capacityRows);
}

int SaTableModel::rowsOf(const QString& owner) const {
  return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r[Owner] == owner; }));
}

int SaTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

int SaTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SaTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
  if (role == Qt::TextAlignmentRole && (index.column() == Spi || index.column() == Installed || index.column() == Expires))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  return rows_[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(index.column())];
}

QVariant SaTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Owner: return tr("Owner");
    case Mobile: return tr("Mobile (home address)");
    case Spi: return tr("SPI");
    case Kind: return tr("Kind");
    case Algorithm: return tr("Algorithm / mode");
    case ReplayWindow: return tr("Replay window");
    case Installed: return tr("Installed at (s)");
    case Expires: return tr("Expires at (s)");
    case Key: return tr("Key");
    default: return {};
  }
}

}  // namespace rs::ui
