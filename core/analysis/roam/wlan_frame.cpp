// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/roam/wlan_frame.h"

#include "dissectors/common/link_type.h"
#include "dissectors/index/frame_class.h"
#include "dissectors/radiotap/radiotap.h"

namespace rs::roam {

WlanFrame WlanFrame::locate(const FrameView& frame) {
  WlanFrame w;
  if (frame.linkType == static_cast<std::uint32_t>(LinkType::Radiotap)) {
    // As locateIeee80211 does, keeping the channel and signal it reads on the way.
    RadiotapQuick rt;
    if (!radiotapQuickInfo(frame.data, rt)) return w;
    ByteView mpdu = frame.data.subspan(rt.headerLength);
    if (rt.fcsAtEnd) mpdu = mpdu.size() >= 4 ? mpdu.first(mpdu.size() - 4) : ByteView{};
    w.mpdu = mpdu;
    Radio r;
    if (rt.hasFrequency) r.channelMhz = rt.frequency;
    if (rt.hasSignal) r.signalDbm = rt.dbmSignal;
    w.radio_ = r;
  } else {
    w.mpdu = locateIeee80211(frame.linkType, frame.data);
  }
  if (w.mpdu.empty()) return w;
  // Parsed straight into the view (not copied out of a returned optional: this runs for every frame).
  if (!ieee80211::parseMacHeaderInto(w.mpdu, w.header.emplace())) w.header.reset();
  const auto& h = w.header;
  if (h && h->isData() && !h->isNullData() && !h->isProtected() && !(h->isQosData() && h->amsduPresent()) &&
      h->length <= w.mpdu.size()) {
    w.msdu = w.mpdu.subspan(h->length);
    w.llcSnap = inet::parseLlcSnap(w.msdu);
  }
  return w;
}

WlanFrame::Radio WlanFrame::radio(const FrameView& frame) const {
  if (radio_) return *radio_;
  FrameClass cls;
  classifyFrame(frame.linkType, frame.data, cls);
  Radio r;
  r.channelMhz = cls.channelMhz;
  if (cls.hasSignal) r.signalDbm = cls.signalDbm;
  return r;
}

}  // namespace rs::roam
