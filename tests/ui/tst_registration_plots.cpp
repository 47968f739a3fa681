// SPDX-License-Identifier: GPL-3.0-or-later
// The Mobile IP registration plots (ui/plots/registration_plots.h): a graph
// per authentication with a point per successful registration and a cross per
// failure, a logarithmic latency axis only when failures dwarf the successes,
// a stacked bar per hop that occurs, and a note when there is nothing to draw.
#include <qcustomplot.h>

#include "tests/ui/offscreen_main.h"
#include "ui/plots/registration_plots.h"

using namespace rs;
using namespace rs::ui;
using mipreg::Auth;
using mipreg::Figure;
using mipreg::RegistrationRecord;
using mipreg::Step;

namespace {

RegistrationRecord registration(std::int64_t startMs, Auth auth, bool success, std::int64_t tookMs, bool viaFa = true) {
  RegistrationRecord r;
  r.auth = auth;
  r.success = success;
  r.startNs = startMs * 1'000'000;
  r.endNs = r.startNs + tookMs * 1'000'000;
  r.steps[Step::Request] = r.startNs;
  if (viaFa) {
    r.foreignAgent = 0x0a020001;
    r.steps[Step::RelayedRequest] = r.startNs + 1'000'000;
    r.steps[Step::Reply] = r.endNs - 1'000'000;
    r.steps[Step::RelayedReply] = r.endNs;
  } else {
    r.steps[Step::Reply] = r.endNs;
  }
  r.computeLatency();
  return r;
}

}  // namespace

class TestRegistrationPlots : public QObject {
  Q_OBJECT
 private slots:
  void latencyGraphsPerAuthentication() {
    QCustomPlot plot;
    const std::vector<RegistrationRecord> records{registration(0, Auth::AaaDynamic, true, 18),
                                                  registration(20'000, Auth::SkeyRekey, true, 12),
                                                  registration(35'000, Auth::SkeyPrime, true, 9, false)};
    QCOMPARE(plotRegistrationLatency(plot, records), std::size_t{3});
    QCOMPARE(plot.graphCount(), 3);
    QCOMPARE(plot.graph(0)->name(), QStringLiteral("aaa-dynamic"));
    QCOMPARE(plot.graph(0)->data()->at(0)->value, 18.0);
    QCOMPARE(plot.graph(2)->data()->at(0)->key, 20.0);  // seconds since the first start
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLinear);
  }

  void failuresTurnTheAxisLogarithmicAndBack() {
    QCustomPlot plot;
    std::vector<RegistrationRecord> records{registration(0, Auth::SkeyPrime, true, 9),
                                            registration(5'000, Auth::SkeyPrime, false, 7'000)};
    QCOMPARE(plotRegistrationLatency(plot, records), std::size_t{2});
    QCOMPARE(plot.graph(1)->name(), QStringLiteral("skey-prime failed (time waited)"));
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    records.pop_back();
    plotRegistrationLatency(plot, records);
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLinear);  // the same widget refilled
  }

  void hopBars() {
    QCustomPlot plot;
    const std::vector<RegistrationRecord> records{registration(0, Auth::Static, true, 12),
                                                  registration(1'000, Auth::Static, true, 9, false)};
    // Via the FA: mn-fa, fa-ha and ha-mn; the co-located one has fa-ha only.
    QCOMPARE(plotRegistrationHops(plot, records), std::size_t{3});
    auto* faHa = qobject_cast<QCPBars*>(plot.plottable(1));
    QVERIFY(faHa);
    QCOMPARE(faHa->name(), QStringLiteral("fa-ha"));
    QCOMPARE(faHa->data()->size(), 2);
  }

  void emptyPlotsSaySo() {
    QCustomPlot plot;
    QCOMPARE(plotRegistrationLatency(plot, {}), std::size_t{0});
    QCOMPARE(plot.itemCount(), 1);
    QCOMPARE(plotRegistrationHops(plot, {}), std::size_t{0});
    QCOMPARE(qobject_cast<QCPItemText*>(plot.item(0))->text(), QStringLiteral("no registrations"));
  }
};

RS_OFFSCREEN_TEST_MAIN(TestRegistrationPlots)
#include "tst_registration_plots.moc"
