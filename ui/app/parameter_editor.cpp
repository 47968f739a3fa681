// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/parameter_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <variant>

#include "ui/app/emulation_controller.h"
#include "core/protocols/scenario_with_overrides.h"

namespace rs::ui {

ParameterEditor::ParameterEditor(EmulationController& controller, QWidget* parent)
    : QWidget(parent),
      controller_(controller),
      form_(new QFormLayout),
      status_(new QLabel(this)),
      apply_(new QPushButton(tr("&Apply"), this)),
      revert_(new QPushButton(tr("Re&vert"), this)) {
  setObjectName(QStringLiteral("parameterEditor"));
  status_->setWordWrap(true);
  apply_->setToolTip(tr("Check the changed parameters and rebuild the run with them"));
  revert_->setToolTip(tr("Show the loaded scenario's values again"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(status_, 1);
  buttons->addWidget(revert_);
  buttons->addWidget(apply_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(form_);
  layout->addLayout(buttons);
  layout->addStretch(1);
  connect(apply_, &QPushButton::clicked, this, [this] { apply(); });
  connect(revert_, &QPushButton::clicked, this, &ParameterEditor::rebuild);
  // A new run (load, apply, reset) shows its own values.
  connect(&controller_, &EmulationController::cleared, this, &ParameterEditor::rebuild);
  rebuild();
}

void ParameterEditor::rebuild() {
  while (form_->rowCount() > 0) form_->removeRow(0);
  fields_.clear();
  status_->clear();
  const sim::Scenario* scenario = controller_.scenario();
  setEnabled(scenario != nullptr);
  if (!scenario) return;
  for (auto& parameter : keyParameters(*scenario)) fields_.push_back(Field{std::move(parameter)});
  for (Field& f : fields_) {
    auto* cell = new QWidget(this);
    auto* v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    const QString key = f.parameter.key;
    if (!f.parameter.choices.isEmpty()) {
      f.choice = new QComboBox(cell);
      f.choice->addItems(f.parameter.choices);
      f.choice->setCurrentText(f.parameter.value);
      f.choice->setObjectName(QStringLiteral("parameter_") + key);
      v->addWidget(f.choice);
      connect(f.choice, &QComboBox::currentTextChanged, this, [this, key] {
        if (Field* changed = field(key)) check(*changed);
      });
    } else {
      f.edit = new QLineEdit(f.parameter.value, cell);
      f.edit->setObjectName(QStringLiteral("parameter_") + key);
      v->addWidget(f.edit);
      connect(f.edit, &QLineEdit::editingFinished, this, [this, key] {
        if (Field* changed = field(key)) check(*changed);
      });
    }
    f.error = new QLabel(cell);
    f.error->setWordWrap(true);
    f.error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = f.error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd9, 0x30, 0x25));  // the display filter bar's red
    f.error->setPalette(errorPalette);
    f.error->hide();
    v->addWidget(f.error);
    form_->addRow(f.parameter.label, cell);
  }
}

ParameterEditor::Field* ParameterEditor::field(const QString& key) {
  for (Field& f : fields_)
    if (f.parameter.key == key) return &f;
  return nullptr;
}

const ParameterEditor::Field* ParameterEditor::field(const QString& key) const {
  return const_cast<ParameterEditor*>(this)->field(key);
}

QString ParameterEditor::fieldText(const Field& f) const {
  return (f.choice ? f.choice->currentText() : f.edit->text()).trimmed();
}

QStringList ParameterEditor::keys() const {
  QStringList out;
  for (const Field& f : fields_) out << f.parameter.key;
  return out;
}

bool ParameterEditor::setValue(const QString& key, const QString& value) {
  Field* f = field(key);
  if (!f) return false;
  if (f->choice) {
    const int index = f->choice->findText(value);
    if (index < 0) {
      // Only what the list offers can be chosen; say so like a loader error would.
      f->error->setText(tr("expected one of %1, found \"%2\"").arg(f->parameter.choices.join(QStringLiteral(", ")), value));
      f->error->show();
      return true;
    }
    f->choice->setCurrentIndex(index);
  } else {
    f->edit->setText(value);
    emit f->edit->editingFinished();
  }
  return true;
}

QString ParameterEditor::value(const QString& key) const {
  const Field* f = field(key);
  return f ? fieldText(*f) : QString();
}

QString ParameterEditor::errorText(const QString& key) const {
  const Field* f = field(key);
  return f && !f->error->isHidden() ? f->error->text() : QString();
}

std::vector<sim::ScenarioOverride> ParameterEditor::changes() const {
  std::vector<sim::ScenarioOverride> out;
  for (const Field& f : fields_) {
    const QString text = fieldText(f);
    if (text == f.parameter.value) continue;
    for (auto& o : f.parameter.overrides(text)) out.push_back(std::move(o));
  }
  return out;
}

bool ParameterEditor::check(Field& f) {
  const QString text = fieldText(f);
  if (text == f.parameter.value) {
    f.error->hide();
    return true;
  }
  const auto overrides = protocols::mergeOverrides(controller_.scenarioOverrides(), f.parameter.overrides(text));
  const auto loaded = protocols::loadScenarioWithOverrides(controller_.scenarioPath().toStdString(), overrides);
  if (const auto* error = std::get_if<sim::ConfigError>(&loaded)) {
    f.error->setText(QString::fromStdString(error->message()));
    f.error->show();
    return false;
  }
  f.error->hide();
  return true;
}

bool ParameterEditor::apply() {
  bool good = true;
  for (Field& f : fields_) good = check(f) && good;
  if (!good) {
    status_->setText(tr("Not applied: fix the values marked in red."));
    return false;
  }
  const auto changed = changes();
  if (changed.empty()) {
    status_->setText(tr("Nothing changed."));
    return false;
  }
  // The fields are rebuilt when the run is (also when the previous run is brought back after a
  // failed build): keep what was typed so a rejected change can be corrected, not typed again.
  std::vector<std::pair<QString, QString>> typed;
  for (const Field& f : fields_) typed.emplace_back(f.parameter.key, fieldText(f));
  const bool rebuilt =
      controller_.loadWithOverrides(controller_.scenarioPath(),
                                    protocols::mergeOverrides(controller_.scenarioOverrides(), changed));
  if (!rebuilt)
    for (const auto& [key, text] : typed) setValue(key, text);
  status_->setText(rebuilt ? tr("Applied: the run was rebuilt at time zero.")
                           : tr("Not applied: the run is unchanged (see the status bar)."));
  return rebuilt;
}

}  // namespace rs::ui
