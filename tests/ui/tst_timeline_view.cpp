// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline dock (issue 5): the lane mapping on frames built from bytes
// (802.11 transmitter → receiver, Ethernet and IPv4 on the distribution
// system, group-addressed frames, frames without a sender), the sampling under
// the item cap, and on the offscreen platform the wlan-psk-seed000 preset run
// to 10 s: selecting the seed-000 roam in the handoff table zooms the timeline
// to it with one bar per phase, an arrow for every frame of the window with a
// lane, the station's EAPOL-Key and seed-000 frames between the right lanes; a
// click on an arrow selects its packet, a selected packet highlights its arrow,
// keys and the wheel zoom time only, the palette is followed, a hidden dock
// builds when shown, a capture-like source shows time since its first frame,
// and the item cap holds zoomed out over the whole 40 s run.
#include <qcustomplot.h>

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

#include "dissectors/common/bytes.h"
#include "dissectors/common/link_type.h"
#include "dissectors/dispatch.h"
#include "dissectors/inet/ipv4.h"
#include "tests/ui/offscreen_main.h"
#include "tests/ui/private_settings.h"
#include "ui/app/emulation_controller.h"
#include "ui/app/frame_source.h"
#include "ui/app/main_window.h"
#include "ui/app/packet_list_model.h"
#include "ui/app/timeline_endpoints.h"
#include "ui/app/timeline_label.h"
#include "ui/app/timeline_lanes.h"
#include "ui/app/timeline_sampling.h"
#include "ui/app/timeline_view.h"

using rs::ui::FrameEndpoints;
using rs::ui::MainWindow;
using rs::ui::NodeAddress;
using rs::ui::PacketListModel;
using rs::ui::TimelineView;

namespace {

const QString kScenario = QStringLiteral(ROAMSCOPE_SOURCE_DIR "/resources/scenarios/wlan-psk-seed000.json");
constexpr rs::sim::SimTime kDuration = rs::sim::seconds(10);
constexpr int kRunTimeoutMs = 120000;

const rs::MacAddress kSta{{0x02, 0x00, 0x00, 0x00, 0x01, 0x00}};
const rs::MacAddress kAp1{{0x02, 0x00, 0x00, 0x00, 0x00, 0x01}};
const rs::MacAddress kRadius{{0x02, 0x00, 0x00, 0x00, 0x0a, 0x01}};

rs::Bytes hex(std::string_view text) {
  rs::Bytes out;
  if (!rs::parseHex(text, out)) qFatal("bad hex in the test");
  return out;
}

rs::FrameView view(const rs::Bytes& bytes, rs::LinkType linkType, std::uint64_t index = 0) {
  return rs::FrameView{index, 0, static_cast<std::uint32_t>(linkType), 0, rs::ByteView(bytes)};
}

// IEEE 802.11 frames written out byte by byte (no radio header, LINKTYPE_IEEE802_11).
// Authentication (FC b0 00), duration, Address 1 = AP, Address 2 = station, Address 3 = BSSID, sequence, body.
const rs::Bytes kAuthentication = hex("b000 3a01 020000000001 020000000100 020000000001 1000 000001000000");
// Beacon (FC 80 00) from the AP to the broadcast address.
const rs::Bytes kBeacon = hex("8000 0000 ffffffffffff 020000000001 020000000001 2000 0000000000000000 6400 1104");
// ACK (FC d4 00): only the receiver address.
const rs::Bytes kAck = hex("d400 0000 020000000100");
// Ethernet II: destination = RADIUS server, source = AP, EtherType IPv4, a few payload bytes.
const rs::Bytes kEthernetToRadius = hex("020000000a01 020000000001 0800 4500");
// An Ethernet broadcast (destination ff:..:ff).
const rs::Bytes kEthernetBroadcast = hex("ffffffffffff 020000000100 0806 0001");

rs::Bytes ipv4Packet(std::uint32_t source, std::uint32_t destination) {
  rs::inet::Ipv4Fields f;
  f.protocol = 17;
  f.source = source;
  f.destination = destination;
  return rs::inet::buildIpv4(f, hex("00000000"));
}

bool loadPreset(MainWindow& w, rs::sim::SimTime duration = kDuration) {
  w.controller().setDurationOverride(duration);
  return w.openScenario(kScenario);
}

bool runToEnd(MainWindow& w) {
  w.controller().runToEnd();
  return QTest::qWaitFor([&] { return w.controller().isFinished(); }, kRunTimeoutMs);
}

// The first frame in [low, high] (ns) whose Info column contains `text`, -1 when none.
// The first frame in [low, high] whose Info contains `text`; with `wiredOnly`, only frames of capture points
// off the air (the same EAPOL-Key also crosses the air inside a protected data frame, which the packet list
// shows decrypted).
int frameWithInfo(MainWindow& w, const QString& text, std::int64_t low, std::int64_t high, bool wiredOnly = false) {
  const auto& frames = w.controller().frames();
  for (std::size_t i = 0; i < frames.size(); ++i) {
    if (frames[i].time < low || frames[i].time > high) continue;
    const int row = static_cast<int>(i);
    if (wiredOnly && w.packetModel()->index(row, PacketListModel::Interface).data().toString().startsWith(QStringLiteral("air")))
      continue;
    if (w.packetModel()->index(row, PacketListModel::Info).data().toString().contains(text)) return row;
  }
  return -1;
}

const TimelineView::Mark* markOf(TimelineView& view, std::size_t frame) {
  for (const auto& m : view.marks())
    if (m.frame == frame) return &m;
  return nullptr;
}

// A capture as a frame source: wall-clock timestamps, capture points with file names, no node directory.
class CaptureLikeSource : public rs::ui::FrameSource {
 public:
  struct Frame {
    std::int64_t timestampNs;
    rs::LinkType linkType;
    std::uint32_t point;
    rs::Bytes bytes;
  };
  void add(std::vector<Frame> frames) {
    const auto first = static_cast<qsizetype>(frames_.size());
    for (auto& f : frames) frames_.push_back(std::move(f));
    emit framesAdded(first, static_cast<qsizetype>(frames_.size()) - first);
  }
  void clearFrames() {
    emit aboutToClear();
    frames_.clear();
    emit cleared();
  }
  std::size_t frameCount() const override { return frames_.size(); }
  rs::FrameView frame(std::size_t i) const override {
    const Frame& f = frames_[i];
    return rs::FrameView{i, f.timestampNs, static_cast<std::uint32_t>(f.linkType), f.point, rs::ByteView(f.bytes)};
  }
  QString pointName(std::uint32_t point) const override {
    return point == 0 ? QStringLiteral("roam.pcapng:wlan0") : QStringLiteral("roam.pcapng:eth0");
  }
  const std::vector<rs::roam::HandoffRecord>& handoffs() const override { return records_; }
  void annotateKeys(std::size_t, rs::Dissection&) override {}
  std::int64_t timeOriginNs() const override { return frames_.empty() ? 0 : frames_.front().timestampNs; }

 private:
  std::vector<Frame> frames_;
  std::vector<rs::roam::HandoffRecord> records_;
};

QString laneName(const TimelineView& view, int row) { return view.lanes().laneName(row); }

QPointF midpoint(const QCPItemLine& line) { return (line.start->pixelPosition() + line.end->pixelPosition()) / 2; }

}  // namespace

class TestTimelineView : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(rs::test::usePrivateSettings(settingsDir_, QStringLiteral("tst_timeline_view")));
  }

  // 802.11: transmitter (Address 2) → receiver (Address 1); group-addressed receivers make a tick; ACK/CTS
  // carry no transmitter and get no lane. Ethernet: source → destination. Raw IPv4: source → destination,
  // multicast as a tick. Truncated or unknown frames: nothing.
  void endpointsOfFramesBuiltFromBytes() {
    const auto auth = rs::ui::frameEndpoints(view(kAuthentication, rs::LinkType::Ieee80211));
    QVERIFY(auth);
    QVERIFY(auth->sender == NodeAddress::mac(kSta));
    QVERIFY(auth->receiver == NodeAddress::mac(kAp1));
    QCOMPARE(auth->sender.toString(), std::string("02:00:00:00:01:00"));

    const auto beacon = rs::ui::frameEndpoints(view(kBeacon, rs::LinkType::Ieee80211));
    QVERIFY(beacon);
    QVERIFY(beacon->sender == NodeAddress::mac(kAp1));
    QVERIFY(!beacon->receiver);

    QVERIFY(!rs::ui::frameEndpoints(view(kAck, rs::LinkType::Ieee80211)));
    const rs::Bytes truncated(kAuthentication.begin(), kAuthentication.begin() + 12);
    QVERIFY(!rs::ui::frameEndpoints(view(truncated, rs::LinkType::Ieee80211)));

    const auto wired = rs::ui::frameEndpoints(view(kEthernetToRadius, rs::LinkType::Ethernet));
    QVERIFY(wired);
    QVERIFY(wired->sender == NodeAddress::mac(kAp1));
    QVERIFY(wired->receiver == NodeAddress::mac(kRadius));
    const auto broadcast = rs::ui::frameEndpoints(view(kEthernetBroadcast, rs::LinkType::Ethernet));
    QVERIFY(broadcast && broadcast->sender == NodeAddress::mac(kSta) && !broadcast->receiver);

    const rs::Bytes udp = ipv4Packet(0x0a000164, 0x0a000201);  // 10.0.1.100 → 10.0.2.1
    const auto ip = rs::ui::frameEndpoints(view(udp, rs::LinkType::Raw));
    QVERIFY(ip);
    QVERIFY(ip->sender == NodeAddress::ipv4(0x0a000164));
    QVERIFY(ip->receiver == NodeAddress::ipv4(0x0a000201));
    QCOMPARE(ip->receiver->toString(), std::string("10.0.2.1"));
    const rs::Bytes multicast = ipv4Packet(0x0a000164, 0xe00000fb);  // 224.0.0.251
    const auto mdns = rs::ui::frameEndpoints(view(multicast, rs::LinkType::Ipv4));
    QVERIFY(mdns && !mdns->receiver);

    QVERIFY(!rs::ui::frameEndpoints(view(hex("6000000000"), rs::LinkType::Ipv6)));
    QVERIFY(!rs::ui::frameEndpoints(view(hex("0102"), rs::LinkType::Ethernet)));
  }

  // Lanes: a named node is one lane whatever address names it, named nodes come first in directory order,
  // unnamed addresses follow in order of appearance and are named by address and capture point.
  void lanesFollowTheDirectoryThenTheFrames() {
    rs::ui::NodeNames names;
    names.add(NodeAddress::mac(kSta), {QStringLiteral("sta"), 0});
    names.add(NodeAddress::ipv4(0x0a000164), {QStringLiteral("sta"), 0});
    names.add(NodeAddress::mac(kAp1), {QStringLiteral("ap1"), 1});
    rs::ui::TimelineLanes lanes;
    lanes.reset(names);
    const rs::Bytes udp = ipv4Packet(0x0a000164, 0x0a000201);
    lanes.append(view(kEthernetToRadius, rs::LinkType::Ethernet, 0), QStringLiteral("ds"));  // ap1 → unnamed
    lanes.append(view(kAck, rs::LinkType::Ieee80211, 1), QStringLiteral("air"));             // no lane
    lanes.append(view(kAuthentication, rs::LinkType::Ieee80211, 2), QStringLiteral("air"));  // sta → ap1
    lanes.append(view(udp, rs::LinkType::Raw, 3), QStringLiteral("uplink"));                 // sta (by IP) → unnamed
    lanes.append(view(kBeacon, rs::LinkType::Ieee80211, 4), QStringLiteral("air"));          // ap1, group
    QCOMPARE(lanes.frameCount(), std::size_t{5});
    QCOMPARE(lanes.laneCount(), 4);
    QCOMPARE(lanes.laneName(0), QStringLiteral("sta"));
    QCOMPARE(lanes.laneName(1), QStringLiteral("ap1"));
    QCOMPARE(lanes.laneName(2), QStringLiteral("02:00:00:00:0a:01 (ds)"));
    QCOMPARE(lanes.laneName(3), QStringLiteral("10.0.2.1 (uplink)"));

    QCOMPARE(lanes.lanesOf(0).sender, 1);
    QCOMPARE(lanes.lanesOf(0).receiver, 2);
    QVERIFY(!lanes.lanesOf(1).accepted());
    QCOMPARE(lanes.lanesOf(2).sender, 0);
    QCOMPARE(lanes.lanesOf(2).receiver, 1);
    QCOMPARE(lanes.lanesOf(3).sender, 0);  // the station's IPv4 address is the station's lane
    QCOMPARE(lanes.lanesOf(3).receiver, 3);
    QVERIFY(lanes.lanesOf(4).groupAddressed());
    QCOMPARE(lanes.lanesOf(4).sender, 1);
    QVERIFY(!lanes.lanesOf(99).accepted());
    QCOMPARE(lanes.rowOf(NodeAddress::ipv4(0x0a000164)), 0);
    QCOMPARE(lanes.rowOf(NodeAddress::mac(rs::MacAddress{{0x02, 0, 0, 0, 0, 0x77}})), -1);

    // Without a directory every address is its own lane, in order of appearance.
    lanes.reset();
    lanes.append(view(udp, rs::LinkType::Raw, 0), QStringLiteral("uplink"));
    lanes.append(view(kAuthentication, rs::LinkType::Ieee80211, 1), QStringLiteral("air"));
    QCOMPARE(lanes.laneCount(), 4);
    QCOMPARE(lanes.laneName(0), QStringLiteral("10.0.1.100 (uplink)"));
    QCOMPARE(lanes.laneName(2), QStringLiteral("02:00:00:00:01:00 (air)"));
    QCOMPARE(lanes.lanesOf(1).receiver, 3);
  }

  // Labels: 802.11 Info without sequence number and flags, other protocols named in front unless named already.
  void labelsAreShortInfoTexts() {
    QCOMPARE(
        rs::ui::timelineLabel(rs::dissectFrame(static_cast<std::uint32_t>(rs::LinkType::Ieee80211), kAuthentication)),
        QStringLiteral("Authentication"));
    QCOMPARE(rs::ui::timelineLabel(rs::dissectFrame(static_cast<std::uint32_t>(rs::LinkType::Ieee80211), kBeacon)),
             QStringLiteral("Beacon frame"));
    rs::Dissection eapol;
    eapol.protocol = "EAPOL";
    eapol.info = "Key (Message 1 of 4)";
    QCOMPARE(rs::ui::timelineLabel(eapol), QStringLiteral("EAPOL Key (Message 1 of 4)"));
    rs::Dissection seed;
    seed.protocol = "SEED000";
    seed.info = "Seed-000 Authenticate PTK request";
    QCOMPARE(rs::ui::timelineLabel(seed), QStringLiteral("Seed-000 Authenticate PTK request"));
    rs::Dissection bare;
    bare.protocol = "LLC";
    QCOMPARE(rs::ui::timelineLabel(bare), QStringLiteral("LLC"));
  }

  void samplingKeepsTheCapAndTheSelectedFrame() {
    std::vector<std::size_t> frames(1000);
    for (std::size_t i = 0; i < frames.size(); ++i) frames[i] = 3 * i;
    QCOMPARE(rs::ui::sampleFrames(frames, 1000, std::nullopt), frames);
    const auto picked = rs::ui::sampleFrames(frames, 100, std::nullopt);
    QCOMPARE(picked.size(), std::size_t{100});
    QVERIFY(std::is_sorted(picked.begin(), picked.end()));
    QCOMPARE(std::set<std::size_t>(picked.begin(), picked.end()).size(), picked.size());
    QCOMPARE(picked.front(), std::size_t{0});
    QVERIFY(picked.back() >= 3 * 980);  // spread to the end, not the first hundred
    const auto keeping = rs::ui::sampleFrames(frames, 100, std::size_t{3 * 501});
    QCOMPARE(keeping.size(), std::size_t{100});
    QVERIFY(std::binary_search(keeping.begin(), keeping.end(), std::size_t{3 * 501}));
    QVERIFY(std::is_sorted(keeping.begin(), keeping.end()));
    // A selected frame the even spread would skip is still drawn; a frame that is not in the window is not added.
    const auto few = rs::ui::sampleFrames(frames, 10, std::size_t{21});
    QCOMPARE(few.size(), std::size_t{10});
    QVERIFY(std::binary_search(few.begin(), few.end(), std::size_t{21}));
    const auto outside = rs::ui::sampleFrames(frames, 10, std::size_t{1});
    QCOMPARE(outside.size(), std::size_t{10});
    QVERIFY(!std::binary_search(outside.begin(), outside.end(), std::size_t{1}));
    QVERIFY(rs::ui::sampleFrames(frames, 0, std::nullopt).empty());
  }

  // A capture: time since its first frame, lanes named by address and capture point, growth and clearing.
  void capturesShowTimeSinceTheFirstFrame() {
    constexpr std::int64_t kEpoch = 1'700'000'000'123'456'789;  // wall clock, ns since 1970
    CaptureLikeSource capture;
    capture.add({{kEpoch, rs::LinkType::Ieee80211, 0, kBeacon},
                 {kEpoch + 2'000'000, rs::LinkType::Ieee80211, 0, kAuthentication},
                 {kEpoch + 2'500'000, rs::LinkType::Ieee80211, 0, kAck}});
    TimelineView timeline;
    timeline.resize(900, 300);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.setSource(&capture);
    QCOMPARE(timeline.toAxisSeconds(kEpoch + 2'000'000), 0.002);
    QVERIFY(timeline.visibleRange().first < 0 && timeline.visibleRange().second > 0.002);
    QCOMPARE(timeline.lanes().laneCount(), 2);
    QCOMPARE(laneName(timeline, 0), QStringLiteral("02:00:00:00:00:01 (roam.pcapng:wlan0)"));
    QCOMPARE(laneName(timeline, 1), QStringLiteral("02:00:00:00:01:00 (roam.pcapng:wlan0)"));
    QCOMPARE(timeline.framesInWindow(), std::size_t{2});  // the ACK has no sender
    QCOMPARE(timeline.plot()->xAxis->label(), QStringLiteral("Time since the first frame (s)"));
    QCOMPARE(timeline.marks().size(), std::size_t{2});
    QVERIFY(timeline.marks()[0].lanes.groupAddressed());
    QCOMPARE(timeline.marks()[1].item->start->coords(), QPointF(0.002, 1));
    QCOMPARE(timeline.marks()[1].item->end->coords(), QPointF(0.002, 0));
    QVERIFY(timeline.marks()[1].label);  // few frames: labelled

    // New frames extend the fitted view; an Ethernet frame from another interface adds the RADIUS lane.
    capture.add({{kEpoch + 5'000'000, rs::LinkType::Ethernet, 1, kEthernetToRadius}});
    QVERIFY(timeline.visibleRange().second > 0.005);
    QCOMPARE(timeline.lanes().laneCount(), 3);
    QCOMPARE(laneName(timeline, 2), QStringLiteral("02:00:00:00:0a:01 (roam.pcapng:eth0)"));
    QCOMPARE(timeline.marks().size(), std::size_t{3});

    // A zoomed view stays put while frames arrive; Fit all follows them again.
    timeline.setVisibleRange(0.0019, 0.0021);
    QCOMPARE(timeline.marks().size(), std::size_t{1});
    capture.add({{kEpoch + 9'000'000, rs::LinkType::Ethernet, 1, kEthernetToRadius}});
    QCOMPARE(timeline.visibleRange(), std::make_pair(0.0019, 0.0021));
    timeline.fitAll();
    QCOMPARE(timeline.marks().size(), std::size_t{4});

    capture.clearFrames();
    QVERIFY(timeline.marks().empty());
    QCOMPARE(timeline.lanes().laneCount(), 0);
    timeline.setSource(nullptr);
    QCOMPARE(timeline.plot()->itemCount(), 0);
  }

  // The acceptance test of issue 5: select a handoff and check the timeline's items.
  void selectingAHandoffShowsItsPhasesAndFrames() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    TimelineView& timeline = *w.timelineView();
    QDockWidget* dock = w.findChild<QDockWidget*>(QStringLiteral("timelineDock"));
    QVERIFY(dock && dock->widget() == &timeline && !dock->isHidden());
    QCOMPARE(w.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    bool inViewMenu = false;
    for (QAction* menu : w.menuBar()->actions())
      if (menu->menu() && menu->text() == QStringLiteral("&View"))
        inViewMenu = menu->menu()->actions().contains(dock->toggleViewAction());
    QVERIFY(inViewMenu);

    // The run's nodes name the lanes, station first.
    QCOMPARE(laneName(timeline, 0), QStringLiteral("sta"));
    QStringList names;
    for (int row = 0; row < timeline.lanes().laneCount(); ++row) names << laneName(timeline, row);
    for (const char* node : {"ap1", "ap2", "ap3", "voice"})
      QVERIFY2(names.contains(QLatin1String(node)), qPrintable(names.join(',')));
    timeline.marks();
    QCOMPARE(timeline.plot()->xAxis->label(), QStringLiteral("Virtual time (s)"));

    const auto& records = w.controller().handoffs();
    QCOMPARE(records.size(), std::size_t{2});
    const rs::roam::HandoffRecord& roam = records[1];
    auto* table = w.findChild<QTableView*>(QStringLiteral("handoffTable"));
    QVERIFY(table);
    table->setCurrentIndex(table->model()->index(1, 0));

    // The window covers the record's whole span (its phases and start..end).
    std::int64_t low = roam.startNs, high = roam.endNs;
    for (const auto& p : roam.phases) {
      low = std::min(low, p.startNs);
      high = std::max(high, p.endNs);
    }
    const auto [lower, upper] = timeline.visibleRange();
    QVERIFY(lower < timeline.toAxisSeconds(low) && upper > timeline.toAxisSeconds(high));
    QVERIFY2(upper - lower < 2 * rs::sim::toSeconds(high - low), "zoomed to the handoff, not the whole run");

    // One highlighted bar per phase of the record, exactly its start and end, on the station's lane.
    std::vector<const TimelineView::PhaseBar*> bars;
    for (const auto& b : timeline.phaseBars())
      if (b.record == 1) bars.push_back(&b);
    QCOMPARE(bars.size(), roam.phases.size());
    QVERIFY(roam.phases.size() >= 3);
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const auto& b = *bars[i];
      QCOMPARE(static_cast<int>(b.phase.kind), static_cast<int>(roam.phases[i].kind));
      QCOMPARE(b.phase.startNs, roam.phases[i].startNs);
      QCOMPARE(b.phase.endNs, roam.phases[i].endNs);
      QCOMPARE(b.item->topLeft->coords().x(), timeline.toAxisSeconds(roam.phases[i].startNs));
      QCOMPARE(b.item->bottomRight->coords().x(), timeline.toAxisSeconds(roam.phases[i].endNs));
      QCOMPARE(laneName(timeline, b.lane), QStringLiteral("sta"));
      QVERIFY(b.highlighted);
    }
    for (const auto& b : timeline.phaseBars())
      if (b.record != 1) QVERIFY(!b.highlighted);

    // An arrow or tick for exactly the frames of the window that have a sender.
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < w.controller().frameCount(); ++i) {
      const rs::FrameView f = w.controller().frame(i);
      const double x = timeline.toAxisSeconds(f.timestampNs);
      if (x >= lower && x <= upper && rs::ui::frameEndpoints(f)) expected.push_back(i);
    }
    std::vector<std::size_t> drawn;
    for (const auto& m : timeline.marks()) drawn.push_back(m.frame);
    QVERIFY(expected.size() > 20);
    QCOMPARE(drawn, expected);
    QCOMPARE(timeline.framesInWindow(), expected.size());
    QVERIFY(timeline.plot()->itemCount() <= timeline.itemCap());

    // Known frames between the known lanes: the seed-000 exchange over the air, the 4-way handshake the station
    // runs with the target AP through the old one (Ethernet on the distribution system), a beacon as a tick.
    const auto checkFrame = [&](const QString& info, const QString& sender, const QString& receiver,
                                bool wiredOnly = false) {
      const int frame = frameWithInfo(w, info, low, high, wiredOnly);
      QVERIFY2(frame >= 0, qPrintable(info));
      const TimelineView::Mark* mark = markOf(timeline, static_cast<std::size_t>(frame));
      QVERIFY2(mark, qPrintable(info));
      QCOMPARE(laneName(timeline, mark->lanes.sender), sender);
      QCOMPARE(laneName(timeline, mark->lanes.receiver), receiver);
      QCOMPARE(mark->item->start->coords().y(), double(mark->lanes.sender));
      QCOMPARE(mark->item->end->coords().y(), double(mark->lanes.receiver));
      QCOMPARE(mark->item->start->coords().x(),
               timeline.toAxisSeconds(w.controller().frame(static_cast<std::size_t>(frame)).timestampNs));
    };
    checkFrame(QStringLiteral("Authenticate PTK request"), QStringLiteral("sta"), QStringLiteral("ap2"));
    checkFrame(QStringLiteral("Authenticate PTK response"), QStringLiteral("ap2"), QStringLiteral("sta"));
    checkFrame(QStringLiteral("Key (Message 1 of 4)"), QStringLiteral("ap2"), QStringLiteral("sta"), true);
    checkFrame(QStringLiteral("Key (Message 2 of 4)"), QStringLiteral("sta"), QStringLiteral("ap2"), true);
    const int beacon = frameWithInfo(w, QStringLiteral("Beacon"), low, high);
    QVERIFY(beacon >= 0);
    const TimelineView::Mark* tick = markOf(timeline, static_cast<std::size_t>(beacon));
    QVERIFY(tick && tick->lanes.groupAddressed());
    QVERIFY(laneName(timeline, tick->lanes.sender).startsWith(QStringLiteral("ap")));
    QVERIFY(tick->item->start->coords().y() == double(tick->lanes.sender));
  }

  // A click on an arrow selects its packet; selecting a packet highlights its arrow.
  void clickingAnArrowSelectsItsPacket() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    TimelineView& timeline = *w.timelineView();
    w.focusHandoff(1);
    const auto& roam = w.controller().handoffs()[1];
    const int frame = frameWithInfo(w, QStringLiteral("Authenticate PTK response"), roam.startNs, roam.endNs);
    QVERIFY(frame >= 0);
    // Narrow enough around the frame that no other arrow is within the click tolerance.
    const double x = timeline.toAxisSeconds(w.controller().frame(static_cast<std::size_t>(frame)).timestampNs);
    timeline.setVisibleRange(x - 20e-6, x + 20e-6);
    const TimelineView::Mark* mark = markOf(timeline, static_cast<std::size_t>(frame));
    QVERIFY(mark);
    timeline.plot()->replot();  // lay the axes out so item pixels are where the click lands
    const QPointF target = midpoint(*mark->item);
    QCOMPARE(timeline.frameAt(target), std::optional<std::size_t>(static_cast<std::size_t>(frame)));
    QVERIFY(!timeline.frameAt(target - QPointF(200, 0)));  // left of the arrow (its label is on the right)

    QSignalSpy activated(&timeline, &TimelineView::frameActivated);
    QTest::mouseClick(timeline.plot(), Qt::LeftButton, Qt::NoModifier, target.toPoint());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(w.packetView()->currentIndex().row(), w.viewRowOfFrame(frame));
    QCOMPARE(timeline.currentFrame(), std::optional<std::size_t>(static_cast<std::size_t>(frame)));
    const TimelineView::Mark* clicked = markOf(timeline, static_cast<std::size_t>(frame));
    QVERIFY(clicked);
    QCOMPARE(clicked->item->pen().color(), timeline.palette().color(QPalette::Highlight));

    // Selecting another packet in the list moves the highlight to its arrow, panning to it.
    const int other = frameWithInfo(w, QStringLiteral("Key (Message 3 of 4)"), 0, roam.endNs);
    QVERIFY(other >= 0 && other != frame);
    w.packetView()->selectRow(w.viewRowOfFrame(other));
    QCOMPARE(timeline.currentFrame(), std::optional<std::size_t>(static_cast<std::size_t>(other)));
    const TimelineView::Mark* highlighted = markOf(timeline, static_cast<std::size_t>(other));
    QVERIFY(highlighted);
    QCOMPARE(highlighted->item->pen().color(), timeline.palette().color(QPalette::Highlight));
    QVERIFY(!markOf(timeline, static_cast<std::size_t>(frame)) ||
            markOf(timeline, static_cast<std::size_t>(frame))->item->pen().color() !=
                timeline.palette().color(QPalette::Highlight));
  }

  // Home fits every frame after a zoom, + and - zoom the time axis only, and the chart follows the palette.
  void keysZoomAndThePaletteIsFollowed() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    TimelineView& timeline = *w.timelineView();
    const auto all = timeline.visibleRange();
    QVERIFY(all.first <= timeline.toAxisSeconds(w.controller().frame(0).timestampNs));
    QVERIFY(all.second >= timeline.toAxisSeconds(w.controller().frame(w.controller().frameCount() - 1).timestampNs));
    timeline.marks();  // builds what the end of the run left pending
    const auto lanes = timeline.plot()->yAxis->range();
    QCOMPARE(lanes.upper, timeline.lanes().laneCount() - 0.4);
    timeline.plot()->setFocus();
    QTest::keyClick(timeline.plot(), Qt::Key_Plus);
    const auto zoomed = timeline.visibleRange();
    QVERIFY(std::abs((zoomed.second - zoomed.first) * 2 - (all.second - all.first)) < 1e-9);
    QCOMPARE(timeline.plot()->yAxis->range(), lanes);
    QVERIFY(timeline.framesInWindow() < w.controller().frameCount());
    QTest::keyClick(timeline.plot(), Qt::Key_Home);
    QCOMPARE(timeline.visibleRange(), all);

    // The wheel zooms time around the pointer; the lanes stay.
    timeline.plot()->replot();
    const QPoint centre = timeline.plot()->axisRect()->rect().center();
    QWheelEvent wheel(centre, timeline.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(timeline.plot(), &wheel);
    const auto wheeled = timeline.visibleRange();
    QVERIFY(wheeled.second - wheeled.first < all.second - all.first);
    QVERIFY(wheeled.first > all.first && wheeled.second < all.second);
    QCOMPARE(timeline.plot()->yAxis->range(), lanes);
    QVERIFY(timeline.framesInWindow() < w.controller().frameCount());
    QTest::keyClick(timeline.plot(), Qt::Key_Home);

    QPalette dark = timeline.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    dark.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    dark.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    timeline.setPalette(dark);
    QCOMPARE(timeline.plot()->axisRect()->backgroundBrush().color(), QColor(0x10, 0x10, 0x10));
    QCOMPARE(timeline.plot()->xAxis->tickLabelColor(), QColor(0xf0, 0xf0, 0xf0));
    const auto& marks = timeline.marks();
    QVERIFY(!marks.empty());
    const auto arrow =
        std::find_if(marks.begin(), marks.end(), [](const auto& m) { return !m.lanes.groupAddressed(); });
    QVERIFY(arrow != marks.end());
    QCOMPARE(arrow->item->pen().color().rgb(), QColor(0xf0, 0xf0, 0xf0).rgb());  // translucent when dense
  }

  // A hidden Timeline dock builds nothing while the run grows; showing it draws the current window.
  void hiddenTimelineBuildsWhenShown() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QDockWidget* dock = w.findChild<QDockWidget*>(QStringLiteral("timelineDock"));
    dock->hide();
    QVERIFY(loadPreset(w));
    QVERIFY(runToEnd(w));
    QTest::qWait(50);
    TimelineView& timeline = *w.timelineView();
    QCOMPARE(timeline.plot()->itemCount(), 0);
    QCOMPARE(timeline.lanes().frameCount(), w.controller().frameCount());  // classified all the same
    dock->show();
    QTRY_VERIFY(timeline.plot()->itemCount() > 0);
    QVERIFY(timeline.visibleRange().second >
            timeline.toAxisSeconds(w.controller().frame(w.controller().frameCount() - 1).timestampNs));
  }

  // Zoomed out over a whole run, the window turns into at most the cap's items; "Fit all" shows every frame.
  void itemCapHoldsZoomedOutOverALongRun() {
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(loadPreset(w, rs::sim::seconds(40)));  // the preset's whole run: three roams' worth of frames
    QVERIFY(runToEnd(w));
    TimelineView& timeline = *w.timelineView();
    timeline.fitAll();
    std::size_t withSender = 0;
    for (std::size_t i = 0; i < w.controller().frameCount(); ++i)
      withSender += rs::ui::frameEndpoints(w.controller().frame(i)) ? 1 : 0;
    QCOMPARE(timeline.framesInWindow(), withSender);
    QVERIFY2(withSender > std::size_t(TimelineView::kDefaultItemCap), qPrintable(QString::number(withSender)));
    QVERIFY(timeline.plot()->itemCount() <= TimelineView::kDefaultItemCap);
    QVERIFY(timeline.marks().size() > std::size_t(TimelineView::kDefaultItemCap / 2));

    timeline.setItemCap(400);
    QVERIFY(timeline.marks().size() <= 400);
    QVERIFY(timeline.plot()->itemCount() <= 400);
    // The sample spans the run, not its first seconds.
    const auto& marks = timeline.marks();
    const double first = timeline.toAxisSeconds(w.controller().frame(marks.front().frame).timestampNs);
    const double last = timeline.toAxisSeconds(w.controller().frame(marks.back().frame).timestampNs);
    QVERIFY2(last - first > 30, qPrintable(QString::number(last - first)));

    // Reset empties the chart; the next run fills it again.
    w.controller().reset();
    QVERIFY(timeline.marks().empty());
    QCOMPARE(timeline.plot()->itemCount(), 0);
    w.controller().stepEvent();
    QVERIFY(timeline.lanes().frameCount() == w.controller().frameCount());
  }

 private:
  QTemporaryDir settingsDir_;
};

RS_OFFSCREEN_TEST_MAIN(TestTimelineView)
#include "tst_timeline_view.moc"
