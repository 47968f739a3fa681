// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/dissectors/seed000/seed000_exchange.h"

#include <numeric>

#include "core/crypto/seed000_keys.h"
#include "dissectors/ieee80211/mac_header.h"
#include "dissectors/seed000/seed000.h"

namespace rs::test {
namespace {

Bytes run(std::uint8_t first, std::size_t n) {
  Bytes b(n);
  std::iota(b.begin(), b.end(), first);
  return b;
}

}  // namespace

Seed000Exchange makeSeed000Exchange() {
  Seed000Exchange x;
  x.sta = MacAddress{{0x02, 0, 0, 0, 0, 0x02}};
  x.bssid = MacAddress{{0x02, 0, 0, 0, 0, 0x01}};
  const Bytes pmk = run(0x00, 32), anonce = run(0x40, 32), snonce = run(0x60, 32);
  auto ptk = crypto::seed000::derivePtk(pmk, x.bssid, x.sta, anonce, snonce);
  if (!ptk) return x;
  x.aRandom = run(0xa0, 32);
  x.sRandom = run(0xe0, 32);
  auto id = crypto::seed000::ptkId(ptk->kck, x.bssid, x.sta, anonce, snonce);
  auto wrapped = crypto::seed000::wrapGtk(ptk->kek, run(0xc0, 16));
  if (!id || !wrapped) return x;
  x.ptkId = *id;
  x.wrappedGtk = *wrapped;

  seed000::Message m1;
  m1.type = seed000::MessageType::AuthenticatePtkRequest;
  m1.sRandom = x.sRandom;
  m1.ptkId = x.ptkId;
  seed000::Message m2 = m1;
  m2.type = seed000::MessageType::AuthenticatePtkResponse;
  m2.aRandom = x.aRandom;
  m2.gtkId = 1;
  m2.wrappedGtk = x.wrappedGtk;
  seed000::Message m3;
  m3.type = seed000::MessageType::GroupKeyConfirm;
  m3.aRandom = x.aRandom;

  const Bytes radiotap{0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00};
  std::uint16_t sequence = 1;
  for (const seed000::Message* m : {&m1, &m2, &m3}) {
    const bool fromSta = m->type != seed000::MessageType::AuthenticatePtkResponse;
    Bytes body = seed000::buildActionBody(*m).value_or(Bytes{});
    auto mic = crypto::seed000::messageMic(ptk->kck, x.sta, x.bssid, body);
    if (mic) seed000::setMic(body, *mic);
    auto header = ieee80211::MacHeader::management(ieee80211::mgmt::Action, fromSta ? x.bssid : x.sta,
                                                   fromSta ? x.sta : x.bssid, x.bssid, sequence++);
    Bytes frame = radiotap;
    const Bytes mac = buildMacHeader(header);
    frame.insert(frame.end(), mac.begin(), mac.end());
    x.bodyOffset = frame.size();
    frame.insert(frame.end(), body.begin(), body.end());
    x.bodies.push_back(std::move(body));
    x.frames.push_back(std::move(frame));
  }
  return x;
}

}  // namespace rs::test
