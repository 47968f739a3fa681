// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The timeline's lanes and which lanes each frame joins. A lane is a node:
// a named node of the source's directory (timeline_node_names.h), whatever
// address a frame names it by, or else one address (MAC or IPv4). Lanes of
// named nodes come first in the directory's order, the others follow in the
// order the frames first name them. Every frame is classified once, when the
// source adds it, into a few bytes (sender and receiver lane), so drawing any
// time window of a million-frame capture reads no frame bytes except for the
// labels it shows.
#include <QString>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "dissectors/common/frame_view.h"
#include "ui/app/timeline_endpoints.h"
#include "ui/app/timeline_node_names.h"

namespace rs::ui {

// The rows (0 = top) a frame joins; sender < 0: the frame has no lane (frameEndpoints gave nothing).
struct FrameLanes {
  int sender = -1;
  int receiver = -1;  // < 0 with a sender: group-addressed, drawn as a tick on the sender's lane

  bool accepted() const { return sender >= 0; }
  bool groupAddressed() const { return sender >= 0 && receiver < 0; }
};

class TimelineLanes {
 public:
  // Forgets every frame and lane; `names` names the lanes found from now on.
  void reset(NodeNames names = {});

  // Classifies the next frame of the stream (its index is frameCount()); `pointName` names the lane of an
  // unnamed address after the capture point it was first seen on.
  void append(const FrameView& frame, const QString& pointName);
  std::size_t frameCount() const { return frames_.size(); }
  FrameLanes lanesOf(std::size_t frame) const;
  // lanesOf(frame).accepted() without the row look-ups: the per-frame test of every window rebuild.
  bool accepted(std::size_t frame) const { return frame < frames_.size() && frames_[frame].sender >= 0; }

  int laneCount() const { return static_cast<int>(lanes_.size()); }
  QString laneName(int row) const;
  // The row of the lane `address` belongs to, -1 when no frame named it yet.
  int rowOf(const NodeAddress& address) const;
  // The row of `address`'s lane, created when missing (a handoff's station before any of its frames).
  int ensureLane(const NodeAddress& address, const QString& pointName);

 private:
  struct Lane {
    QString name;
    std::optional<int> rank;  // named node: its directory rank
    std::size_t firstSeen = 0;
  };
  // Stored per frame as lane ids (stable while lanes are added), turned into rows on the way out.
  struct StoredLanes {
    std::int32_t sender = -1;
    std::int32_t receiver = -1;
  };
  int laneId(const NodeAddress& address, const QString& pointName);
  void reorder();

  NodeNames names_;
  std::vector<Lane> lanes_;
  std::map<NodeAddress, int> idByAddress_;
  std::map<int, int> idByRank_;  // a named node's lane, whichever of its addresses created it
  std::vector<int> rowOfId_;
  std::vector<StoredLanes> frames_;
};

}  // namespace rs::ui
