// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input never crashes the Mobile IP dissectors: every truncation of every
// frame of the built exchange (registration messages and agent discovery),
// seeded random garbage behind plausible headers, and every extension type
// with random data of many lengths dissect without throwing, and a malformed
// point always lies inside the data.
#include <QtTest>

#include <random>

#include "dissectors/dispatch.h"
#include "dissectors/mip/mip.h"
#include "dissectors/mip/mip_build.h"
#include "dissectors/mip/seed001_extensions.h"
#include "tests/dissectors/mip/mip_exchange.h"

using namespace rs;

namespace {

void dissectChecked(ByteView frame) {
  const Dissection d = dissectFrame(1, frame);
  if (d.layers.empty()) QTest::qFail("no layer", __FILE__, __LINE__);
  if (d.malformed && d.malformedOffset > frame.size())
    QTest::qFail("malformed offset outside the frame", __FILE__, __LINE__);
}

void dissectPayloadChecked(ByteView payload) {
  Dissection d;
  dissectMobileIp(PayloadContext{payload, 0, 0}, d);
  if (payload.empty()) {
    // No message, no layer (tshark adds none either).
    if (!d.layers.empty()) QTest::qFail("a layer for an empty payload", __FILE__, __LINE__);
    return;
  }
  if (d.layers.size() != 1 || d.layers.front().name != "mip") QTest::qFail("no mip layer", __FILE__, __LINE__);
  if (d.malformed && d.malformedOffset > payload.size())
    QTest::qFail("malformed offset outside the payload", __FILE__, __LINE__);
}

}  // namespace

class TestMipRobustness : public QObject {
  Q_OBJECT
 private slots:
  void everyTruncationOfEveryFrame() {
    const auto x = test::makeMipExchange();
    std::size_t cases = 0;
    for (const auto& frame : x.frames) {
      for (std::size_t n = 0; n <= frame.size(); ++n, ++cases) dissectChecked(ByteView(frame).first(n));
    }
    for (const auto& message : x.messages) {
      for (std::size_t n = 0; n <= message.size(); ++n, ++cases) dissectPayloadChecked(ByteView(message).first(n));
    }
    qInfo("%zu truncations", cases);
  }

  void seededByteFlips() {
    const auto x = test::makeMipExchange();
    std::mt19937 rng(3344);
    for (const auto& message : x.messages) {
      if (message.empty()) continue;
      std::uniform_int_distribution<std::size_t> at(0, message.size() - 1);
      for (int i = 0; i < 2000; ++i) {
        Bytes m = message;
        for (int k = 0; k < 1 + i % 4; ++k) m[at(rng)] = static_cast<std::uint8_t>(rng());
        dissectPayloadChecked(m);
      }
    }
  }

  void randomGarbage() {
    std::mt19937 rng(20261204);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> size(0, 400);
    for (int i = 0; i < 20000; ++i) {
      Bytes data(static_cast<std::size_t>(size(rng)));
      for (auto& b : data) b = static_cast<std::uint8_t>(byte(rng));
      // Most cases get a registration type so the extension walker runs.
      if (!data.empty() && i % 4 != 0) data[0] = i % 2 ? mip::msg::kRegistrationRequest : mip::msg::kRegistrationReply;
      dissectPayloadChecked(data);
    }
  }

  void everyExtensionTypeWithGarbageData() {
    std::mt19937 rng(3115);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int type = 0; type < 256; ++type) {
      for (std::size_t len : {0u, 1u, 3u, 4u, 5u, 6u, 7u, 8u, 16u, 40u, 255u}) {
        Bytes data(len);
        for (auto& b : data) b = static_cast<std::uint8_t>(byte(rng));
        Bytes m = *mip::MessageBuilder(mip::RequestHeader{}).build();
        const auto layout = mip::extensionLayout(static_cast<std::uint8_t>(type));
        m.push_back(static_cast<std::uint8_t>(type));
        if (layout == mip::ExtensionLayout::Short) {
          m.push_back(static_cast<std::uint8_t>(len));
        } else {
          m.push_back(0);
          m.push_back(static_cast<std::uint8_t>(len >> 8));
          m.push_back(static_cast<std::uint8_t>(len));
        }
        m.insert(m.end(), data.begin(), data.end());
        dissectPayloadChecked(m);
      }
    }
    // Seed-001 vendor types with every small length.
    for (std::uint16_t vt = 0; vt <= 10; ++vt) {
      for (std::size_t len = 0; len <= 44; ++len) {
        mip::MessageBuilder b(mip::ReplyHeader{});
        mip::seed001::addVendor(b, vt, Bytes(len, 0x5a));
        b.addNvse(mip::seed001::kVendorId, vt, Bytes(len, 0xa5));
        dissectPayloadChecked(*b.build());
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestMipRobustness)
#include "tst_mip_robustness.moc"
