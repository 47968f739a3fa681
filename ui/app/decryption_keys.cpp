// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/app/decryption_keys.h"

#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <sstream>

#include "core/analysis/key_ring.h"

namespace rs::ui {

namespace {

constexpr auto kRadiusSecret = "radius-secret";
constexpr auto kRememberKey = "decryption/remember";
constexpr auto kEntriesKey = "decryption/keys";

QString wiresharkLine(const DecryptionKey& key) {
  return QStringLiteral("\"%1\",\"%2\"").arg(key.type, key.value);
}

// Adds the Wireshark-typed entries of `keys` (from `first` on, or just one) to `ring` through the
// 80211_keys parser, so the key manager and the CLI accept exactly the same text.
bool addWiresharkEntries(KeyRing& ring, const QList<DecryptionKey>& keys, QString& error) {
  std::ostringstream text;
  for (const DecryptionKey& key : keys)
    if (key.type != QLatin1String(kRadiusSecret)) text << wiresharkLine(key).toStdString() << '\n';
  std::istringstream in(text.str());
  std::string message;
  if (ring.loadWiresharkKeys(in, "key", message)) return true;
  error = QString::fromStdString(message);
  return false;
}

}  // namespace

QStringList DecryptionKeys::types() {
  return {QStringLiteral("wpa-pwd"), QStringLiteral("wpa-psk"), QStringLiteral("msk"), QStringLiteral("tk"),
          QString::fromLatin1(kRadiusSecret)};
}

std::optional<QString> DecryptionKeys::validate(const DecryptionKey& key) {
  if (!types().contains(key.type))
    return QObject::tr("unknown key type \"%1\" (%2)").arg(key.type, types().join(QStringLiteral(", ")));
  if (key.value.isEmpty()) return QObject::tr("%1: the key is empty").arg(key.type);
  if (key.type == QLatin1String(kRadiusSecret)) return std::nullopt;
  if (key.type == QLatin1String("wpa-pwd")) {
    const qsizetype length = key.value.section(QLatin1Char(':'), 0, 0).size();
    if (length < 8 || length > 63) return QObject::tr("wpa-pwd: a WPA passphrase has 8 to 63 characters");
  }
  KeyRing scratch;
  QString error;
  if (!addWiresharkEntries(scratch, {key}, error)) return error.section(QStringLiteral(": "), 2);  // drop "key: line 1: "
  return std::nullopt;
}

std::unique_ptr<KeyRing> DecryptionKeys::keyRing(QString& error) const {
  for (int i = 0; i < entries_.size(); ++i) {
    if (const auto problem = validate(entries_[i])) {
      error = QObject::tr("key %1: %2").arg(i + 1).arg(*problem);
      return nullptr;
    }
  }
  auto ring = std::make_unique<KeyRing>();
  if (!addWiresharkEntries(*ring, entries_, error)) return nullptr;
  for (const DecryptionKey& key : entries_)
    if (key.type == QLatin1String(kRadiusSecret)) ring->addRadiusSecret(key.value.toStdString());
  return ring;
}

bool DecryptionKeys::importWiresharkFile(const QString& path, QString& error) {
  // Checked by the CLI's parser first, so a file the CLI refuses is refused here with the same message.
  KeyRing scratch;
  std::string message;
  if (!scratch.loadWiresharkKeysFile(path.toStdString(), message)) {
    error = QString::fromStdString(message);
    return false;
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
    error = QObject::tr("%1: cannot open the key file").arg(path);
    return false;
  }
  QTextStream in(&file);
  while (!in.atEnd()) {
    const QString line = in.readLine().trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) continue;
    // "type","value": the parser above accepted the line, so the quotes are where it expects them.
    const qsizetype comma = line.indexOf(QLatin1String("\",\""));
    entries_.append(DecryptionKey{line.mid(1, comma - 1), line.mid(comma + 3, line.size() - comma - 4)});
  }
  return true;
}

bool DecryptionKeys::exportWiresharkFile(const QString& path, QString& error) const {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
    error = QObject::tr("%1: cannot write the key file").arg(path);
    return false;
  }
  QTextStream out(&file);
  out << "# Wireshark 80211_keys, written by RoamScope\n";
  for (const DecryptionKey& key : entries_)
    if (key.type != QLatin1String(kRadiusSecret)) out << wiresharkLine(key) << '\n';
  return true;
}

bool DecryptionKeys::rememberedInSettings() { return QSettings().value(kRememberKey, false).toBool(); }

DecryptionKeys DecryptionKeys::loadSettings() {
  DecryptionKeys keys;
  QSettings settings;
  if (!settings.value(kRememberKey, false).toBool()) return keys;
  const QStringList stored = settings.value(kEntriesKey).toStringList();
  for (const QString& item : stored) {
    const qsizetype tab = item.indexOf(QLatin1Char('\t'));
    if (tab > 0) keys.entries_.append(DecryptionKey{item.left(tab), item.mid(tab + 1)});
  }
  return keys;
}

void DecryptionKeys::saveSettings(bool remember) const {
  QSettings settings;
  settings.setValue(kRememberKey, remember);
  if (!remember) {
    settings.remove(kEntriesKey);
    return;
  }
  QStringList stored;
  for (const DecryptionKey& key : entries_) stored.append(key.type + QLatin1Char('\t') + key.value);
  settings.setValue(kEntriesKey, stored);
}

}  // namespace rs::ui
