// SPDX-License-Identifier: GPL-3.0-or-later
// The Scenario dock's parameter editor on a Mobile IP scenario, offscreen:
// the mip-dynamic preset offers the Mobile IP parameters (key mode, timers,
// resends, every link's delay) and none of the WLAN ones, as does the sweep
// dialog's key list; a value the settings reader rejects shows its error,
// naming the key, under the field and Apply refuses; static keys and a shorter lifetime rebuild the run, whose
// registrations are then all static.
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/mip/registration_record.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/main_window.h"
#include "ui/app/parameter_editor.h"
#include "ui/app/sweep_controller.h"
#include "ui/app/sweep_dialog.h"
#include "ui/app/sweep_request.h"

using rs::ui::EmulationController;
using rs::ui::MainWindow;
using rs::ui::ParameterEditor;

namespace {

const QString kMipScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/mip-dynamic.json");
constexpr int kRunTimeoutMs = 120000;

}  // namespace

class TestMipParameterEditor : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_mip_parameter_editor")));
  }

  // The Mobile IP parameters with the preset's values; the WLAN ones are not offered.
  void offersTheMobileIpParameters() {
    MainWindow w;
    QVERIFY(w.openScenario(kMipScenario));
    const ParameterEditor& editor = *w.parameterEditor();
    const QStringList keys = editor.keys();
    for (const char* key : {"key_mode", "lifetime_s", "reregister_before_s", "rekey_interval_s",
                            "advertisement_interval_ms", "response_timeout_ms", "retries", "link_delay_us.core-ha1",
                            "link_delay_us.core-fa1", "link_delay_us.subnet-a", "duration_s", "seed"})
      QVERIFY2(keys.contains(QLatin1String(key)), key);
    for (const char* key : {"handoff", "security", "threshold_dbm", "speed_mps"})
      QVERIFY2(!keys.contains(QLatin1String(key)), key);
    QCOMPARE(editor.value(QStringLiteral("key_mode")), QStringLiteral("dynamic"));
    QCOMPARE(editor.value(QStringLiteral("lifetime_s")), QStringLiteral("30"));
    QCOMPARE(editor.value(QStringLiteral("reregister_before_s")), QStringLiteral("5"));
    QCOMPARE(editor.value(QStringLiteral("rekey_interval_s")), QStringLiteral("20"));
    QCOMPARE(editor.value(QStringLiteral("advertisement_interval_ms")), QStringLiteral("1000"));  // the default
    QCOMPARE(editor.value(QStringLiteral("retries")), QStringLiteral("2"));
    QCOMPARE(editor.value(QStringLiteral("link_delay_us.core-fa1")), QStringLiteral("5000"));
    QCOMPARE(editor.value(QStringLiteral("duration_s")), QStringLiteral("120"));
    // Run > Sweep… offers the same keys, which a Mobile IP sweep applies.
    const QStringList sweepable = rs::ui::sweepableKeys(*w.controller().scenario());
    QVERIFY(sweepable.contains(QStringLiteral("methods.mip.key_mode")));
    QVERIFY(sweepable.contains(QStringLiteral("links.core-fa1.delay_us")));
    QVERIFY(!sweepable.contains(QStringLiteral("methods.wlan.handoff")));
  }

  // Rejected values: the reader's message names the key; Apply refuses and the run stays.
  void badValuesNameTheirKey() {
    MainWindow w;
    EmulationController& c = w.controller();
    QVERIFY(w.openScenario(kMipScenario));
    for (int i = 0; i < 20; ++i) c.stepEvent();
    ParameterEditor& editor = *w.parameterEditor();
    QVERIFY(editor.setValue(QStringLiteral("lifetime_s"), QStringLiteral("0")));
    QVERIFY2(editor.errorText(QStringLiteral("lifetime_s")).contains(QStringLiteral("/methods/mip/lifetime_s")),
             qPrintable(editor.errorText(QStringLiteral("lifetime_s"))));
    QVERIFY(editor.setValue(QStringLiteral("lifetime_s"), QStringLiteral("30")));
    QVERIFY(editor.errorText(QStringLiteral("lifetime_s")).isEmpty());
    // Checked against the other timers: the MN must re-register before its binding expires.
    QVERIFY(editor.setValue(QStringLiteral("reregister_before_s"), QStringLiteral("40")));
    QVERIFY2(editor.errorText(QStringLiteral("reregister_before_s")).contains(QStringLiteral("reregister_before_s")),
             qPrintable(editor.errorText(QStringLiteral("reregister_before_s"))));
    QVERIFY(editor.setValue(QStringLiteral("link_delay_us.core-ha1"), QStringLiteral("-1")));
    QVERIFY(editor.errorText(QStringLiteral("link_delay_us.core-ha1")).contains(QStringLiteral("delay_us")));
    QVERIFY(!editor.apply());
    QCOMPARE(c.executedEvents(), 20u);
    QVERIFY(c.scenarioOverrides().empty());
  }

  // Static keys and a 20 s lifetime: the rebuilt run's registrations are all static, and it re-registers
  // on the shorter lifetime.
  void staticKeysRebuildTheRun() {
    MainWindow w;
    EmulationController& c = w.controller();
    QVERIFY(w.openScenario(kMipScenario));
    ParameterEditor& editor = *w.parameterEditor();
    QVERIFY(editor.setValue(QStringLiteral("key_mode"), QStringLiteral("static")));
    QVERIFY(editor.setValue(QStringLiteral("lifetime_s"), QStringLiteral("20")));
    QVERIFY(editor.setValue(QStringLiteral("link_delay_us.core-ha1"), QStringLiteral("250")));
    QVERIFY(editor.errorText(QStringLiteral("key_mode")).isEmpty());
    QVERIFY(editor.errorText(QStringLiteral("lifetime_s")).isEmpty());
    QVERIFY(editor.apply());
    QCOMPARE(c.executedEvents(), 0u);
    QCOMPARE(c.scenario()->methods["mip"]["key_mode"].get<std::string>(), std::string("static"));
    QCOMPARE(c.scenario()->methods["mip"]["lifetime_s"].get<int>(), 20);
    QCOMPARE(c.scenario()->links.at(0).delay, rs::sim::SimTime{250'000});
    QCOMPARE(editor.value(QStringLiteral("key_mode")), QStringLiteral("static"));  // the new run's values
    QCOMPARE(editor.value(QStringLiteral("lifetime_s")), QStringLiteral("20"));
    c.runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return c.isFinished(); }, kRunTimeoutMs));
    const auto& records = c.registrations();
    QVERIFY(records.size() >= 2);
    int renewals = 0;
    for (const auto& r : records) {
      QCOMPARE(rs::mipreg::authName(r.auth), std::string_view("static"));
      renewals += r.trigger == rs::mipreg::Trigger::Renewal ? 1 : 0;
    }
    QVERIFY(renewals >= 1);
  }

  // RFC 3012 from the editor: the foreign agents now ask the AAA server before relaying, and the Registrations
  // dock's model has the new hop for every registration through a foreign agent.
  void foreignAgentChallengesFromTheEditor() {
    MainWindow w;
    EmulationController& c = w.controller();
    QVERIFY(w.openScenario(kMipScenario));
    ParameterEditor& editor = *w.parameterEditor();
    QCOMPARE(editor.value(QStringLiteral("fa_challenge")), QStringLiteral("false"));
    QCOMPARE(editor.value(QStringLiteral("challenge_window")), QStringLiteral("2"));
    QVERIFY(editor.setValue(QStringLiteral("fa_challenge"), QStringLiteral("true")));
    QVERIFY(editor.errorText(QStringLiteral("fa_challenge")).isEmpty());
    QVERIFY(editor.apply());
    QVERIFY(c.scenario()->methods["mip"]["fa_challenge"].get<bool>());
    c.runToEnd();
    QVERIFY(QTest::qWaitFor([&] { return c.isFinished(); }, kRunTimeoutMs));
    int checked = 0;
    for (const auto& r : c.registrations()) {
      if (!r.foreignAgent || !r.success) continue;
      QVERIFY(r.latencyNs.count(rs::mipreg::Figure::FaAaaRoundTrip));
      ++checked;
    }
    QVERIFY(checked >= 1);
    // A sweep of the same scenario keeps the change in every run (--set), and says so.
    rs::ui::SweepDialog* dialog = w.sweep()->openDialog();
    QVERIFY(dialog);
    const rs::ui::SweepRequest request = dialog->request();
    QCOMPARE(request.fixed, QStringList{QStringLiteral("methods.mip.fa_challenge=true")});
    QVERIFY(rs::ui::sweepArguments(request, QStringLiteral("out.csv"))
                .join(QLatin1Char(' '))
                .contains(QStringLiteral("--set methods.mip.fa_challenge=true")));
    const auto* note = dialog->findChild<QLabel*>(QStringLiteral("sweepEditorChanges"));
    QVERIFY(note && note->isVisibleTo(dialog) && note->text().contains(QStringLiteral("fa_challenge=true")));
    // A fixed change the scenario refuses is named before anything starts.
    rs::ui::SweepRequest bad = request;
    bad.axes = {QStringLiteral("methods.mip.key_mode=static,dynamic")};
    bad.fixed = {QStringLiteral("methods.mip.lifetime_s=0")};
    const auto error = rs::ui::checkSweepRequest(bad);
    QVERIFY(error && error->contains(QStringLiteral("/methods/mip/lifetime_s")));
    dialog->reject();
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestMipParameterEditor)
#include "tst_mip_parameter_editor.moc"
