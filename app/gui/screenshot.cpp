// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/screenshot.h"

#include <QApplication>
#include <QTableView>
#include <QTimer>
#include <cstdio>

#include "ui/app/capture_document.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_list_model.h"

namespace rs::gui {
namespace {

void selectPacket(ui::MainWindow& window, const QString& select) {
  ui::PacketListModel* model = window.packetModel();
  for (int row = 0; row < model->rowCount(); ++row) {
    const QString info = model->data(model->index(row, ui::PacketListModel::Info)).toString();
    if (info.contains(select)) {
      const int viewRow = window.viewRowOfFrame(row);
      if (viewRow < 0) continue;
      window.packetView()->selectRow(viewRow);
      window.packetView()->scrollTo(window.packetView()->model()->index(viewRow, 0), QAbstractItemView::PositionAtCenter);
      return;
    }
  }
}

void capture(ui::MainWindow& window, const QString& path, const QString& select) {
  selectPacket(window, select);
  // One turn of the event loop so the views lay out the selection before the grab.
  QTimer::singleShot(0, &window, [&window, path] {
    const bool saved = window.grab().save(path, "PNG");
    std::fprintf(saved ? stdout : stderr, "roamscope: %s %s\n", saved ? "saved" : "cannot write",
                 path.toLocal8Bit().constData());
    QApplication::exit(saved ? 0 : 2);
  });
}

}  // namespace

void takeScreenshotWhenFinished(ui::MainWindow& window, const QString& path, const QString& select) {
  if (window.activeSource() == &window.captureDocument()) {
    // Opened captures: once they are read and analysed.
    ui::CaptureDocument& document = window.captureDocument();
    QObject::connect(&document, &ui::CaptureDocument::loadFinished, &window,
                     [&window, path, select] { capture(window, path, select); });
    return;
  }
  ui::EmulationController& controller = window.controller();
  QObject::connect(&controller, &ui::EmulationController::stateChanged, &window,
                   [&window, &controller, path, select](qint64, quint64, bool running) {
                     static bool taken = false;
                     if (running || !controller.isFinished() || taken) return;
                     taken = true;
                     capture(window, path, select);
                   });
  controller.runToEnd();
}

}  // namespace rs::gui
