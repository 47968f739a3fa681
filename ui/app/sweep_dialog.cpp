// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/sweep_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "core/sim/scenario.h"
#include "ui/app/scenario_parameters.h"

namespace rs::ui {

SweepDialog::SweepDialog(const QString& scenario, QWidget* parent)
    : QDialog(parent),
      scenario_(new QLineEdit(this)),
      seed_(new QLineEdit(this)),
      duration_(new QDoubleSpinBox(this)),
      error_(new QLabel(this)),
      changes_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Sweep"));
  setObjectName(QStringLiteral("sweepDialog"));
  auto* form = new QFormLayout;

  scenario_->setObjectName(QStringLiteral("sweepScenario"));
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, &SweepDialog::chooseScenario);
  connect(scenario_, &QLineEdit::editingFinished, this, &SweepDialog::reloadKeys);
  auto* scenarioRow = new QHBoxLayout;
  scenarioRow->addWidget(scenario_, 1);
  scenarioRow->addWidget(browse);
  form->addRow(tr("Scenario:"), scenarioRow);

  for (int axis = 0; axis < kAxes; ++axis) {
    keyBoxes_[axis] = new QComboBox(this);
    keyBoxes_[axis]->setObjectName(QStringLiteral("sweepKey%1").arg(axis + 1));
    // Any dotted key of the file may be typed (nodes.3.position, media.ch1.channel, ...).
    keyBoxes_[axis]->setEditable(true);
    keyBoxes_[axis]->setInsertPolicy(QComboBox::NoInsert);
    keyBoxes_[axis]->setMinimumContentsLength(32);
    values_[axis] = new QLineEdit(this);
    values_[axis]->setObjectName(QStringLiteral("sweepValues%1").arg(axis + 1));
    values_[axis]->setToolTip(tr("Comma-separated values, one run each (a JSON array value such as [1,2] stays whole)"));
    connect(keyBoxes_[axis], &QComboBox::currentTextChanged, this, [this, axis] { keyChosen(axis); });
    auto* row = new QHBoxLayout;
    row->addWidget(keyBoxes_[axis], 2);
    row->addWidget(new QLabel(QStringLiteral("="), this));
    row->addWidget(values_[axis], 3);
    form->addRow(axis == 0 ? tr("Sweep:") : tr("and (optional):"), row);
  }

  seed_->setObjectName(QStringLiteral("sweepSeed"));
  seed_->setPlaceholderText(tr("the scenario's"));
  seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), seed_));
  form->addRow(tr("Seed:"), seed_);
  duration_->setObjectName(QStringLiteral("sweepDuration"));
  duration_->setRange(0, 1e6);
  duration_->setDecimals(3);
  duration_->setSuffix(tr(" s"));
  // 0 is "not set": the scenario's duration_s.
  duration_->setSpecialValueText(tr("the scenario's"));
  form->addRow(tr("Duration (virtual):"), duration_);

  error_->setObjectName(QStringLiteral("sweepError"));
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet(QStringLiteral("QLabel { color: #d93025; }"));
  error_->hide();

  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start sweep"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &SweepDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &SweepDialog::reject);
  auto* layout = new QVBoxLayout(this);
  auto* note = new QLabel(tr("Each combination of values is one run of roamscope-cli simulate; the table and the plot "
                             "of the median handoff against the last axis appear in the Sweep dock."),
                          this);
  note->setWordWrap(true);
  layout->addWidget(note);
  layout->addLayout(form);
  changes_->setObjectName(QStringLiteral("sweepEditorChanges"));
  changes_->setWordWrap(true);
  changes_->hide();
  layout->addWidget(changes_);
  layout->addWidget(error_);
  layout->addWidget(buttons_);
  setMinimumWidth(640);
  setScenario(scenario);
  // The comparison docs/comparison.md makes: every handoff method, one run each.
  if (keys_.contains(QStringLiteral("methods.wlan.handoff"))) keyBoxes_[0]->setCurrentText(QStringLiteral("methods.wlan.handoff"));
}

void SweepDialog::setScenario(const QString& path) {
  scenario_->setText(path);
  reloadKeys();
}

void SweepDialog::setAxis(int index, const QString& key, const QString& values) {
  if (index < 0 || index >= kAxes) return;
  keyBoxes_[index]->setCurrentText(key);
  values_[index]->setText(values);
}

void SweepDialog::setSeed(std::optional<quint64> seed) { seed_->setText(seed ? QString::number(*seed) : QString()); }

void SweepDialog::setDurationSeconds(std::optional<double> seconds) { duration_->setValue(seconds.value_or(0)); }

void SweepDialog::setEditorChanges(const QString& scenario, const QStringList& changes) {
  changedScenario_ = scenario;
  editorChanges_ = changes;
  changes_->setText(tr("Every run keeps the scenario editor's changes: %1").arg(changes.join(QStringLiteral(", "))));
  changes_->setVisible(!changes.isEmpty());
}

SweepRequest SweepDialog::request() const {
  SweepRequest r;
  r.scenario = scenario_->text().trimmed();
  if (r.scenario == changedScenario_) r.fixed = editorChanges_;
  for (int axis = 0; axis < kAxes; ++axis) {
    const QString key = keyBoxes_[axis]->currentText().trimmed();
    const QString values = values_[axis]->text().trimmed();
    if (key.isEmpty() && values.isEmpty()) continue;
    // Half an axis is passed on as it is: the CLI's check says what is missing.
    r.axes.append(key + QLatin1Char('=') + values);
  }
  bool ok = false;
  const quint64 seed = seed_->text().toULongLong(&ok);
  if (ok) r.seed = seed;
  if (duration_->value() > 0) r.durationSeconds = duration_->value();
  return r;
}

QString SweepDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void SweepDialog::accept() {
  if (const auto error = checkSweepRequest(request())) {
    error_->setText(*error);
    error_->show();
    return;
  }
  error_->hide();
  QDialog::accept();
}

void SweepDialog::chooseScenario() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Scenario to sweep"),
                                                    QFileInfo(scenario_->text()).absolutePath(),
                                                    tr("Scenario files (*.json);;All files (*)"));
  if (!path.isEmpty()) setScenario(path);
}

void SweepDialog::reloadKeys() {
  keys_.clear();
  choices_.clear();
  current_.clear();
  error_->hide();
  const QString path = scenario_->text().trimmed();
  if (!path.isEmpty()) {
    auto loaded = sim::loadScenario(path.toStdString());
    if (auto* error = std::get_if<sim::ConfigError>(&loaded)) {
      error_->setText(QString::fromStdString(error->message()));
      error_->show();
    } else {
      const auto& scenario = std::get<sim::Scenario>(loaded);
      keys_ = sweepableKeys(scenario);
      for (const ScenarioParameter& p : keyParameters(scenario))
        for (const std::string& key : p.paths) {
          choices_.insert(QString::fromStdString(key), p.choices);
          current_.insert(QString::fromStdString(key), p.value);
        }
    }
  }
  for (int axis = 0; axis < kAxes; ++axis) {
    QComboBox* box = keyBoxes_[axis];
    const QString typed = box->currentText();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(QString());  // no axis
    box->addItems(keys_);
    box->setCurrentText(typed);
  }
  keyChosen(0);
  keyChosen(1);
}

void SweepDialog::keyChosen(int axis) {
  const QString key = keyBoxes_[axis]->currentText().trimmed();
  const QString current = current_.value(key);
  values_[axis]->setPlaceholderText(current.isEmpty() ? tr("V1,V2,…") : tr("V1,V2,… (now %1)").arg(current));
  // A key with a fixed set of values (the handoff method) sweeps all of them unless told otherwise.
  const QStringList choices = choices_.value(key);
  if (!choices.isEmpty() && values_[axis]->text().isEmpty()) values_[axis]->setText(choices.join(QLatin1Char(',')));
}

}  // namespace rs::ui
