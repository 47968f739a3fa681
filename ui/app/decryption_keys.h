// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The keys the desktop application decrypts captures with, as the key
// manager edits them: Wireshark's 802.11 key types (wpa-pwd "passphrase:SSID",
// wpa-psk = a PMK, msk, tk) plus RADIUS shared secrets, which recover PMKs
// from the MS-MPPE keys of Access-Accepts (the same inputs as the CLI's
// --keys/--psk/--pmk/--msk/--tk/--radius-secret). They are kept in QSettings
// only when the user asks for it, as Wireshark keeps its 80211_keys file.
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace rs {
class KeyRing;
}

namespace rs::ui {

struct DecryptionKey {
  QString type;   // one of DecryptionKeys::types()
  QString value;  // wpa-pwd: passphrase[:SSID], percent-encoded as in Wireshark; hex for the others
  bool operator==(const DecryptionKey&) const = default;
};

class DecryptionKeys {
 public:
  static QStringList types();
  // Why `key` cannot be used (wrong length, bad hex, unknown type), or nullopt when it can.
  static std::optional<QString> validate(const DecryptionKey& key);

  const QList<DecryptionKey>& entries() const { return entries_; }
  void setEntries(QList<DecryptionKey> entries) { entries_ = std::move(entries); }
  bool empty() const { return entries_.isEmpty(); }

  // A key ring with every entry; nullptr with `error` naming the first bad entry (1-based).
  std::unique_ptr<KeyRing> keyRing(QString& error) const;

  // Wireshark's 80211_keys format (RADIUS secrets are not part of it and are left out on export).
  bool importWiresharkFile(const QString& path, QString& error);
  bool exportWiresharkFile(const QString& path, QString& error) const;

  // QSettings: entries are stored only when `remember` is set; clearing it erases stored keys.
  static DecryptionKeys loadSettings();
  void saveSettings(bool remember) const;
  static bool rememberedInSettings();

 private:
  QList<DecryptionKey> entries_;
};

}  // namespace rs::ui
