// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/registration_table_model.h"

#include "core/protocols/mip/mip_network.h"
#include "core/sim/node.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

namespace {

QString ipv4Text(std::uint32_t address) { return QString::fromStdString(sim::formatIpv4Address(address)); }

QString nameText(std::string_view name) { return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())); }

// The figure a latency column shows.
std::optional<mipreg::Figure> figureOf(int column) {
  switch (column) {
    case RegistrationTableModel::Registration: return mipreg::Figure::Registration;
    case RegistrationTableModel::MnToFa: return mipreg::Figure::MnToFa;
    case RegistrationTableModel::FaAaaRoundTrip: return mipreg::Figure::FaAaaRoundTrip;
    case RegistrationTableModel::FaToHa: return mipreg::Figure::FaToHa;
    case RegistrationTableModel::AaaRoundTrip: return mipreg::Figure::AaaRoundTrip;
    case RegistrationTableModel::HomeAgent: return mipreg::Figure::HomeAgentKeys;
    case RegistrationTableModel::HaToMn: return mipreg::Figure::HaToMn;
    default: return std::nullopt;
  }
}

}  // namespace

RegistrationTableModel::RegistrationTableModel(const EmulationController& controller, QObject* parent)
    : QAbstractTableModel(parent), controller_(controller) {
  connect(&controller_, &EmulationController::aboutToClear, this, [this] { beginResetModel(); });
  connect(&controller_, &EmulationController::cleared, this, [this] {
    rows_ = 0;
    endResetModel();
    refresh();
  });
  connect(&controller_, &EmulationController::registrationsChanged, this, &RegistrationTableModel::refresh);
  refresh();
}

void RegistrationTableModel::refresh() {
  // Records are only appended; the open one gets its reply, outcome and figures in place.
  const int now = static_cast<int>(controller_.registrations().size());
  if (now > rows_) {
    beginInsertRows({}, rows_, now - 1);
    rows_ = now;
    endInsertRows();
  }
  if (rows_ > 0) emit dataChanged(index(0, 0), index(rows_ - 1, ColumnCount - 1));
}

const mipreg::RegistrationRecord* RegistrationTableModel::record(int row) const {
  if (row < 0 || row >= rows_) return nullptr;
  return &controller_.registrations()[static_cast<std::size_t>(row)];
}

QString RegistrationTableModel::outcomeText(const mipreg::RegistrationRecord& r) const {
  const mip::MipNetwork* network = controller_.mipNetwork();
  if (network && network->truth().isOpen(r.homeAddress, r.identification)) return tr("in progress");
  if (r.success) return tr("success");
  return r.reason.empty() ? tr("failed") : tr("failed: %1").arg(QString::fromStdString(r.reason));
}

int RegistrationTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int RegistrationTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RegistrationTableModel::data(const QModelIndex& index, int role) const {
  const mipreg::RegistrationRecord* r = index.isValid() ? record(index.row()) : nullptr;
  if (!r) return {};
  const std::optional<mipreg::Figure> figure = figureOf(index.column());
  const auto latency = figure ? r->latencyNs.find(*figure) : r->latencyNs.end();
  if (role == LatencyNsRole)
    return latency == r->latencyNs.end() ? QVariant() : QVariant(static_cast<qlonglong>(latency->second));
  if (role == Qt::TextAlignmentRole && (figure || index.column() == Start || index.column() == Code))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && index.column() == Outcome) return outcomeText(*r);
  if (role != Qt::DisplayRole) return {};
  if (figure)
    return latency == r->latencyNs.end() ? QStringLiteral("–")
                                          : QString::number(static_cast<double>(latency->second) / 1e6, 'f', 3);
  switch (index.column()) {
    case Start: return QString::number(static_cast<double>(r->startNs) / 1e9, 'f', 6);
    case HomeAddress: return ipv4Text(r->homeAddress);
    case CareOf: return ipv4Text(r->careOfAddress);
    // Without a foreign agent the MN registered directly (co-located care-of address, or at home).
    case ViaFa: return r->foreignAgent ? ipv4Text(*r->foreignAgent) : QStringLiteral("–");
    case Trigger: return nameText(mipreg::triggerName(r->trigger));
    case Auth: return nameText(mipreg::authName(r->auth));
    case Outcome: return outcomeText(*r);
    case Code: return r->code ? QString::number(*r->code) : QStringLiteral("–");
    default: return {};
  }
}

QVariant RegistrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  // The figures under the names the report and docs/latency.md use.
  if (const auto figure = figureOf(section)) return tr("%1 (ms)").arg(nameText(mipreg::figureName(*figure)));
  switch (section) {
    case Start: return tr("Start (s)");
    case HomeAddress: return tr("Home address");
    case CareOf: return tr("Care-of");
    case ViaFa: return tr("Via FA");
    case Trigger: return tr("Trigger");
    case Auth: return tr("Auth");
    case Outcome: return tr("Outcome");
    case Code: return tr("Code");
    default: return {};
  }
}

}  // namespace rs::ui
