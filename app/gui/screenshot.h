// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `roamscope --screenshot OUT.png [SCENARIO]`: runs the scenario to its end,
// selects the first packet whose Info contains `select` (by default the
// seed-000 Authenticate PTK response, so the details and bytes panes show the
// protocol the demo is about), saves the window as a PNG and quits. For
// scripts/screenshots.sh and the README; works on the offscreen platform.
#include <QString>

namespace rs::ui {
class MainWindow;
}

namespace rs::gui {

// Arms the screenshot: it is taken when the run has finished (or at once if it already has).
void takeScreenshotWhenFinished(ui::MainWindow& window, const QString& path, const QString& select);

}  // namespace rs::gui
