// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario view: the run's APs (name, channel), its wired links (AP -
// switch - RADIUS server, with their one-way delays), the station's walk and,
// at the controller's virtual time, where each station is and the AP it is
// associated with (a line to it). Static items are rebuilt when the run is;
// the moving ones follow stateChanged, coalesced by a timer so a fast run
// redraws at most every kRefreshMs. Colours come from the palette.
#include <QGraphicsView>
#include <QLineF>
#include <QTimer>
#include <map>
#include <optional>

#include "ui/app/scenario_geometry.h"

class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace rs::ui {

class EmulationController;

class ScenarioView : public QGraphicsView {
  Q_OBJECT

 public:
  static constexpr int kRefreshMs = 50;

  explicit ScenarioView(EmulationController& controller, QWidget* parent = nullptr);

  // Redraws the moving items now (the timer does it otherwise).
  void refresh();
  const ScenarioLayout& layout() const { return layout_; }
  // For tests: a station's marker (scene coordinates, metres with y down), the AP its association
  // line points at and the line itself; nullopt for an unknown or unassociated station.
  std::optional<QPointF> stationPosition(const QString& station) const;
  std::optional<QString> associatedAp(const QString& station) const;
  std::optional<QLineF> associationLine(const QString& station) const;
  // The AP of the join or roam the station is in the middle of (a dashed line to it).
  std::optional<QString> attemptTarget(const QString& station) const;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Mobile {
    sim::NodeId node = sim::kNoNode;
    QGraphicsEllipseItem* marker = nullptr;
    QGraphicsSimpleTextItem* label = nullptr;
    QGraphicsLineItem* association = nullptr;
    QGraphicsLineItem* attempt = nullptr;
    std::optional<QString> ap;
    std::optional<QString> target;
  };
  void rebuild();
  void fit();
  QGraphicsSimpleTextItem* addLabel(const QString& text, const QPointF& at, bool above = false);

  EmulationController& controller_;
  QGraphicsScene* scene_;
  ScenarioLayout layout_;
  std::map<QString, Mobile> stations_;
  QTimer refreshTimer_;
};

}  // namespace rs::ui
