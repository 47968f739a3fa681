// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/scenario_view.h"

#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>

#include "core/sim/topology.h"
#include "ui/app/emulation_controller.h"

namespace rs::ui {

namespace {

// Marker sizes in pixels: markers and labels ignore the view's scale, lines are cosmetic.
constexpr double kApSize = 14;
constexpr double kWiredSize = 12;
constexpr double kStationSize = 12;
constexpr double kLabelGap = 8;  // between a marker's centre and its label

QPen cosmeticPen(const QColor& color, double width = 1.5, Qt::PenStyle style = Qt::SolidLine) {
  QPen pen(color, width, style);
  pen.setCosmetic(true);
  return pen;
}

QString delayText(sim::SimTime delay) {
  return delay >= 1000000 ? QStringLiteral("%1 ms").arg(static_cast<double>(delay) / 1e6)
                          : QStringLiteral("%1 µs").arg(static_cast<double>(delay) / 1e3);
}

}  // namespace

ScenarioView::ScenarioView(EmulationController& controller, QWidget* parent)
    : QGraphicsView(parent), controller_(controller), scene_(new QGraphicsScene(this)) {
  setObjectName(QStringLiteral("scenarioView"));
  setScene(scene_);
  setRenderHint(QPainter::Antialiasing);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  refreshTimer_.setSingleShot(true);
  refreshTimer_.setInterval(kRefreshMs);
  connect(&refreshTimer_, &QTimer::timeout, this, &ScenarioView::refresh);
  connect(&controller_, &EmulationController::cleared, this, &ScenarioView::rebuild);
  connect(&controller_, &EmulationController::stateChanged, this, [this](qint64, quint64, bool running) {
    // A stopped run is drawn at once (a step must show where it went); a running one at most every kRefreshMs.
    if (!running) {
      refreshTimer_.stop();
      refresh();
    } else if (!refreshTimer_.isActive()) {
      refreshTimer_.start();
    }
  });
  rebuild();
}

QGraphicsSimpleTextItem* ScenarioView::addLabel(const QString& text, const QPointF& at, bool above) {
  auto* label = scene_->addSimpleText(text);
  label->setBrush(palette().color(QPalette::Text));
  label->setFlag(QGraphicsItem::ItemIgnoresTransformations);
  label->setPos(at);
  // Centred under (or over) the point, in pixels: the item's own transform is not scaled by the view.
  const QRectF box = label->boundingRect();
  label->setTransform(QTransform::fromTranslate(-box.width() / 2, above ? -box.height() - kLabelGap : kLabelGap));
  return label;
}

void ScenarioView::rebuild() {
  scene_->clear();
  stations_.clear();
  layout_ = {};
  setBackgroundBrush(palette().color(QPalette::Base));
  const sim::Scenario* scenario = controller_.scenario();
  if (!scenario || !controller_.isLoaded()) return;
  layout_ = layoutScenario(*scenario);
  const QPalette pal = palette();
  const QColor text = pal.color(QPalette::Text);
  const QColor mid = pal.color(QPalette::Mid);

  for (const auto& link : layout_.links) {
    const auto* a = layout_.node(link.a);
    const auto* b = layout_.node(link.b);
    if (!a || !b) continue;
    auto* line = scene_->addLine(QLineF(a->at, b->at), cosmeticPen(mid));
    line->setToolTip(tr("%1: %2 one way").arg(link.name, delayText(link.delay)));
    line->setZValue(0);
    addLabel(delayText(link.delay), (a->at + b->at) / 2, true)->setBrush(mid);
  }
  for (const auto& path : layout_.paths) {
    QPainterPath walk;
    walk.addPolygon(path.waypoints);
    auto* item = scene_->addPath(walk, cosmeticPen(mid, 1, Qt::DashLine));
    item->setZValue(0);
    for (const QPointF& p : path.waypoints) {
      auto* dot = scene_->addEllipse(-3, -3, 6, 6, QPen(Qt::NoPen), mid);
      dot->setFlag(QGraphicsItem::ItemIgnoresTransformations);
      dot->setPos(p);
    }
  }
  for (const auto& node : layout_.nodes) {
    if (node.role == sim::NodeRole::Station) continue;  // drawn as moving markers below
    QAbstractGraphicsShapeItem* marker = nullptr;
    QString caption = node.name;
    if (!node.schematic) {
      marker = scene_->addEllipse(-kApSize / 2, -kApSize / 2, kApSize, kApSize, QPen(text), pal.color(QPalette::Button));
      if (node.channel) caption += tr("\nch %1").arg(*node.channel);
    } else {
      marker = scene_->addRect(-kWiredSize / 2, -kWiredSize / 2, kWiredSize, kWiredSize, QPen(text), pal.color(QPalette::Window));
      caption += QStringLiteral("\n") + QString::fromStdString(std::string(sim::nodeRoleName(node.role)));
    }
    marker->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    marker->setPos(node.at);
    marker->setZValue(2);
    marker->setToolTip(caption);
    addLabel(caption, node.at)->setZValue(3);
  }
  for (const auto& node : layout_.nodes) {
    if (node.role != sim::NodeRole::Station) continue;
    Mobile m;
    m.node = node.id;
    m.association = scene_->addLine(QLineF(), cosmeticPen(pal.color(QPalette::Highlight), 2));
    m.association->setZValue(1);
    m.association->hide();
    m.attempt = scene_->addLine(QLineF(), cosmeticPen(pal.color(QPalette::Highlight), 1.5, Qt::DashLine));
    m.attempt->setZValue(1);
    m.attempt->hide();
    m.marker = scene_->addEllipse(-kStationSize / 2, -kStationSize / 2, kStationSize, kStationSize, QPen(text),
                                  pal.color(QPalette::Highlight));
    m.marker->setFlag(QGraphicsItem::ItemIgnoresTransformations);
    m.marker->setZValue(4);
    m.label = addLabel(node.name, node.at, true);  // above: the APs' labels are below their markers
    m.label->setZValue(5);
    stations_.emplace(node.name, m);
  }
  // Room around the outermost items for their labels, which are centred on them and wider than tall.
  const double size = std::max({layout_.bounds.width(), layout_.bounds.height(), 10.0});
  const double across = size * 0.3;
  const double down = size * 0.15;
  scene_->setSceneRect(layout_.bounds.adjusted(-across, -down, across, down));
  refresh();
  fit();
}

void ScenarioView::refresh() {
  const sim::Topology* topology = controller_.topology();
  const sim::Scenario* scenario = controller_.scenario();
  if (!topology || !scenario) return;
  const sim::SimTime now = controller_.now();
  const auto associations = associationsAt(controller_.handoffs(), now);
  const auto attempts = attemptsInProgress(controller_.handoffs());
  for (auto& [name, m] : stations_) {
    const QPointF at = toScene(topology->positionAt(m.node, now));
    m.marker->setPos(at);
    m.label->setPos(at);
    m.ap.reset();
    const auto it = associations.find(scenario->nodes[m.node].mac);
    const auto* ap = it == associations.end() ? nullptr : layout_.nodeByMac(it->second, *scenario);
    if (ap) {
      m.ap = ap->name;
      m.association->setLine(QLineF(at, ap->at));
      m.association->setToolTip(tr("%1 associated with %2").arg(name, ap->name));
    }
    m.association->setVisible(ap != nullptr);
    m.target.reset();
    const auto a = attempts.find(scenario->nodes[m.node].mac);
    const auto* target = a == attempts.end() ? nullptr : layout_.nodeByMac(a->second, *scenario);
    if (target) {
      m.target = target->name;
      m.attempt->setLine(QLineF(at, target->at));
      m.attempt->setToolTip(tr("%1 joining or roaming to %2").arg(name, target->name));
    }
    m.attempt->setVisible(target != nullptr);
  }
}

std::optional<QPointF> ScenarioView::stationPosition(const QString& station) const {
  const auto it = stations_.find(station);
  if (it == stations_.end()) return std::nullopt;
  return it->second.marker->pos();
}

std::optional<QString> ScenarioView::associatedAp(const QString& station) const {
  const auto it = stations_.find(station);
  return it == stations_.end() ? std::nullopt : it->second.ap;
}

std::optional<QLineF> ScenarioView::associationLine(const QString& station) const {
  const auto it = stations_.find(station);
  if (it == stations_.end() || !it->second.association->isVisible()) return std::nullopt;
  return it->second.association->line();
}

std::optional<QString> ScenarioView::attemptTarget(const QString& station) const {
  const auto it = stations_.find(station);
  return it == stations_.end() ? std::nullopt : it->second.target;
}

void ScenarioView::fit() {
  if (!scene_->sceneRect().isEmpty()) fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
}

void ScenarioView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  fit();
}

void ScenarioView::changeEvent(QEvent* event) {
  QGraphicsView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) rebuild();  // a theme switch recolours every item
}

}  // namespace rs::ui
