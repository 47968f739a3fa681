// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The packet-details tree of one frame: the dissection's layers and fields
// (the tree `roamscope-cli dissect --frame N` prints), each item carrying its
// byte range so the hex view can highlight it. Secret fields are masked
// unless the user revealed keys.
#include <QAbstractItemModel>
#include <vector>

#include "dissectors/common/dissection.h"

namespace rs::ui {

class PacketDetailsModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Role {
    FieldNameRole = Qt::UserRole + 1,  // QString: "wlan.fc.type_subtype", empty for text-only nodes
    ByteOffsetRole,                    // int: first byte of the field
    ByteLengthRole,                    // int: number of bytes
    ByteSourceRole,                    // int: 0 = the frame, n = Dissection::decryptedSources[n - 1]
  };

  explicit PacketDetailsModel(QObject* parent = nullptr);

  void setDissection(Dissection dissection);
  void clear() { setDissection({}); }
  void setRevealSecrets(bool reveal);
  const Dissection& dissection() const { return dissection_; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  // The tree flattened once per frame, so parent() and index() are lookups, not searches.
  struct Node {
    const Field* field = nullptr;
    int parent = -1;  // index into nodes_, -1 for a layer
    int row = 0;      // position under its parent
    int source = 0;
    std::vector<int> children;
  };
  void addNode(const Field& field, int parent, int row, int source);
  const std::vector<int>& childrenOf(const QModelIndex& parent) const;

  Dissection dissection_;
  std::vector<Node> nodes_;
  std::vector<int> layers_;
  bool revealSecrets_ = false;
};

}  // namespace rs::ui
