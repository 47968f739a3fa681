// SPDX-License-Identifier: GPL-3.0-or-later
// Damaged input never crashes or hangs the reader: every prefix of the small
// captures (sampled prefixes of the big ones) delivers exactly the complete
// frames before the cut and then one clear error; thousands of seeded random
// byte flips open, iterate and seek without crashing, with bounded work and a
// message for every error.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "capture/file/capture_file.h"
#include "capture/file/pcapng_writer.h"
#include "tests/capture/capture_builder.h"
#include "tests/capture/capture_test_util.h"
#include "tests/support/fixtures.h"

using namespace rs;
using namespace rs::test;

Q_DECLARE_METATYPE(rs::Bytes)

namespace {

const char* const kSmallFixtures[] = {
    "captures/capture_wds-01.cap",
    "captures/testm1m2m3.pcap",
    "captures/wpa-psk-linksys.cap",
    "captures/wpa.cap",
    "captures/wpa2-psk-linksys.cap",
    "captures/wpa2.eapol.cap",
    "captures/wpa3-psk.pcap",
    "peers/eapol-wired-internal-peap.pcap",
    "peers/ikev1.pcap",
    "peers/radius-eap-peap-mschapv2.pcap",
    "peers/radius-mschapv2.pcap",
};

const char* const kLargeFixtures[] = {
    "roaming/eap/eap-br0.pcap",       "roaming/eap/eap-sta.pcap",       "roaming/eap/eap.pcap",
    "roaming/ft-psk/ft-psk-br0.pcap", "roaming/ft-psk/ft-psk-sta.pcap", "roaming/ft-psk/ft-psk.pcap",
    "roaming/psk/psk-br0.pcap",       "roaming/psk/psk-sta.pcap",       "roaming/psk/psk.pcap",
};

// A pcapng written by the library's writer: comments, two interfaces, odd lengths.
Bytes writerSample() {
  std::ostringstream out;
  {
    PcapngWriter w(out, "fuzz seed");
    w.addInterface(127, "air");
    w.addInterface(1, "ds");
    for (std::uint32_t k = 0; k < 24; ++k)
      w.writePacket(k % 2, 1000000000 * std::int64_t{k} + k, pattern(k * 5 + 1, std::uint8_t(k)),
                    k % 3 ? "" : "note " + std::to_string(k));
  }
  const std::string s = out.str();
  return Bytes(s.begin(), s.end());
}

// Where the file's header ends and each record / block ends, found by walking the
// format independently of the library (draft-ietf-opsawg-pcap §5, pcapng §3.1).
struct Layout {
  std::size_t headerEnd = 0;
  std::vector<std::size_t> recordEnds;  // every clean place to cut
};

std::uint32_t get32(const Bytes& b, std::size_t at, bool be) {
  return be ? (std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 | std::uint32_t{b[at + 2]} << 8 | b[at + 3])
            : (std::uint32_t{b[at + 3]} << 24 | std::uint32_t{b[at + 2]} << 16 | std::uint32_t{b[at + 1]} << 8 | b[at]);
}

Layout walk(const Bytes& b) {
  Layout l;
  if (b[0] == 0x0A && b[1] == 0x0D && b[2] == 0x0D && b[3] == 0x0A) {
    bool be = false;
    for (std::size_t at = 0; at < b.size();) {
      if (get32(b, at, false) == 0x0A0D0D0A) be = get32(b, at + 8, true) == 0x1A2B3C4D;
      at += get32(b, at + 4, be);
      if (l.headerEnd == 0) l.headerEnd = at;
      l.recordEnds.push_back(at);
    }
  } else {
    const bool be = b[0] == 0xA1;
    l.headerEnd = 24;
    l.recordEnds.push_back(24);
    for (std::size_t at = 24; at < b.size();) {
      at += 16 + get32(b, at + 8, be);
      l.recordEnds.push_back(at);
    }
  }
  return l;
}

// The frames of a complete file, with the end of each one's record or block.
struct Reference {
  Layout layout;
  std::vector<std::size_t> frameEnds;
};

Reference reference(const Bytes& full) {
  Reference r;
  r.layout = walk(full);
  auto capture = takeCapture(CaptureFile::fromBytes(full, "reference"));
  CaptureFrame f;
  while (capture && capture->next(f)) {
    r.frameEnds.push_back(*std::upper_bound(r.layout.recordEnds.begin(), r.layout.recordEnds.end(), f.fileOffset));
  }
  return r;
}

// Opens `capture` (already opened) and reads everything, checking the invariants
// that hold for any input. Returns the number of frames delivered.
std::size_t exerciseCapture(CaptureFile& capture, std::size_t fileSize, std::mt19937& rng, QString& problem) {
  // Each frame consumes at least 12 bytes (pcapng block) or 16 (pcap record): a bound that catches loops.
  const std::size_t maxFrames = fileSize / 12 + 1;
  std::vector<CaptureFrame> frames;
  CaptureFrame f;
  while (capture.next(f)) {
    if (frames.size() > maxFrames) {
      problem = QStringLiteral("more frames than the file can hold: endless loop?");
      return frames.size();
    }
    if (f.index != frames.size() || f.data.size() != f.capturedLength || f.capturedLength > kMaxCapturedLength ||
        f.fileOffset >= fileSize || f.interfaceId >= capture.interfaces().size()) {
      problem = QStringLiteral("inconsistent frame %1").arg(frames.size());
      return frames.size();
    }
    frames.push_back(f);
  }
  if (capture.error()) {
    const FileError& e = *capture.error();
    if (e.message.empty() || e.offset > fileSize) {
      problem =
          QStringLiteral("error without message or beyond the file: %1").arg(QString::fromStdString(e.toString()));
      return frames.size();
    }
  }
  if (!capture.fullyIndexed() || capture.indexedFrames() != frames.size()) {
    problem = QStringLiteral("index does not match the sequential pass");
    return frames.size();
  }
  for (int k = 0; k < 8 && !frames.empty(); ++k) {
    const std::size_t i = rng() % frames.size();
    const auto again = capture.frame(i);
    if (!again || !sameFrame(*again, frames[i])) {
      problem = QStringLiteral("frame(%1) differs from the sequential pass").arg(i);
      return frames.size();
    }
  }
  if (capture.frame(frames.size()).has_value()) problem = QStringLiteral("frame past the end exists");
  return frames.size();
}

}  // namespace

class CaptureRobustnessTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(dir_.isValid()); }
  void everyPrefix_data();
  void everyPrefix();
  void sampledPrefixesOfLargeFiles_data();
  void sampledPrefixesOfLargeFiles();
  void randomByteFlips();
  void randomGarbageAfterAValidHeader();

 private:
  // Checks one prefix against the reference; `viaFile` goes through the mmap path.
  void checkPrefix(const Bytes& full, const Reference& ref, std::size_t n, bool viaFile);
  QTemporaryDir dir_;
};

void CaptureRobustnessTest::checkPrefix(const Bytes& full, const Reference& ref, std::size_t n, bool viaFile) {
  Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
  CaptureFile::OpenResult opened = [&] {
    if (!viaFile) return CaptureFile::fromBytes(std::move(prefix), "prefix");
    const std::string path = dir_.filePath(QStringLiteral("prefix.bin")).toStdString();
    writeBytes(path, prefix);
    return openCapture(path);
  }();
  if (n < ref.layout.headerEnd) {
    const auto* error = std::get_if<FileError>(&opened);
    if (!error || error->message.empty()) QFAIL(qPrintable(QStringLiteral("prefix %1 opened").arg(n)));
    return;
  }
  auto capture = takeCapture(std::move(opened));
  if (!capture)
    QFAIL(qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(QString::fromStdString(openError(opened)))));
  std::mt19937 rng(static_cast<std::uint32_t>(n));
  QString problem;
  const std::size_t frames = exerciseCapture(*capture, n, rng, problem);
  if (!problem.isEmpty()) QFAIL(qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(problem)));
  const auto expectedFrames = static_cast<std::size_t>(
      std::count_if(ref.frameEnds.begin(), ref.frameEnds.end(), [n](std::size_t e) { return e <= n; }));
  const bool clean = std::binary_search(ref.layout.recordEnds.begin(), ref.layout.recordEnds.end(), n);
  if (frames != expectedFrames || clean == capture->error().has_value()) {
    QFAIL(qPrintable(QStringLiteral("prefix %1: %2 frames (expected %3), error: %4")
                         .arg(n)
                         .arg(frames)
                         .arg(expectedFrames)
                         .arg(capture->error() ? QString::fromStdString(capture->error()->toString()) : "none")));
  }
  if (!clean && capture->error()->message.find("cut short") == std::string::npos)
    QFAIL(qPrintable(QStringLiteral("prefix %1: %2").arg(n).arg(QString::fromStdString(capture->error()->toString()))));
}

void CaptureRobustnessTest::everyPrefix_data() {
  QTest::addColumn<Bytes>("content");
  for (const char* name : kSmallFixtures) {
    if (fixtureExists(name)) QTest::newRow(name) << readBytes(fixturePath(name));
  }
  QTest::newRow("synthetic multi-section pcapng") << sampleMultiSectionPcapng();
  QTest::newRow("PcapngWriter output") << writerSample();
  Bytes bigEndianPcap = pcapHeader(true, true, 105);
  for (std::uint8_t k = 0; k < 20; ++k) append(bigEndianPcap, pcapRecord(true, k, k * 1000u, pattern(k * 3u, k)));
  QTest::newRow("synthetic big-endian nanosecond pcap") << bigEndianPcap;
}

void CaptureRobustnessTest::everyPrefix() {
  QFETCH(Bytes, content);
  const Reference ref = reference(content);
  QVERIFY(!ref.frameEnds.empty());
  QCOMPARE(ref.layout.recordEnds.back(), content.size());
  // Every offset for files up to 16 KiB; above that (three fixtures of 21-45 KiB)
  // every offset of the first and last 4 KiB and every 7th in between, which
  // keeps the quadratic cost of re-reading each prefix to seconds.
  const bool small = content.size() <= 16384;
  for (std::size_t n = 0; n <= content.size(); ++n) {
    if (!small && n > 4096 && n + 4096 < content.size() && n % 7 != 0) continue;
    checkPrefix(content, ref, n, n % 101 == 0);
    if (QTest::currentTestFailed()) return;
  }
}

void CaptureRobustnessTest::sampledPrefixesOfLargeFiles_data() {
  QTest::addColumn<QString>("file");
  for (const char* name : kLargeFixtures) QTest::newRow(name) << QString::fromLatin1(name);
}

void CaptureRobustnessTest::sampledPrefixesOfLargeFiles() {
  QFETCH(QString, file);
  RS_REQUIRE_FIXTURE(qPrintable(file));
  const Bytes content = readBytes(fixturePath(file.toStdString()));
  const Reference ref = reference(content);
  std::set<std::size_t> offsets;
  for (std::size_t n = 0; n < 128; ++n) offsets.insert(n);                                 // header and first records
  for (std::size_t n = content.size() - 128; n <= content.size(); ++n) offsets.insert(n);  // the tail
  std::mt19937 rng(0x524f414d);                                                            // "ROAM"
  while (offsets.size() < 400) offsets.insert(rng() % content.size());
  std::size_t k = 0;
  for (std::size_t n : offsets) {
    checkPrefix(content, ref, n, ++k % 50 == 0);
    if (QTest::currentTestFailed()) return;
  }
}

void CaptureRobustnessTest::randomByteFlips() {
  std::vector<Bytes> seeds{sampleMultiSectionPcapng(), writerSample()};
  for (const char* name : {"captures/wpa.cap", "captures/wpa2.eapol.cap", "captures/testm1m2m3.pcap",
                           "captures/wpa3-psk.pcap", "peers/radius-mschapv2.pcap"}) {
    if (fixtureExists(name)) seeds.push_back(readBytes(fixturePath(name)));
  }
  std::vector<std::vector<std::size_t>> recordStarts;
  for (const Bytes& s : seeds) {
    std::vector<std::size_t> starts{0};
    const Layout l = walk(s);
    starts.insert(starts.end(), l.recordEnds.begin(), l.recordEnds.end() - 1);
    recordStarts.push_back(std::move(starts));
  }
  const std::string path = dir_.filePath(QStringLiteral("variant.bin")).toStdString();
  std::mt19937 rng(20240917);
  std::size_t opened = 0, damaged = 0;
  constexpr int kVariants = 3000;
  for (int v = 0; v < kVariants; ++v) {
    const std::size_t which = static_cast<std::size_t>(v) % seeds.size();
    Bytes variant = seeds[which];
    const int flips = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < flips; ++k) {
      std::size_t at;
      // Damage where it hurts most (length, type, interface and magic fields) twice as often as anywhere else.
      if (rng() % 3 != 0) {
        const auto& starts = recordStarts[which];
        at = starts[rng() % starts.size()] + rng() % 28;
      } else {
        at = rng() % variant.size();
      }
      if (at >= variant.size()) at = rng() % variant.size();
      variant[at] =
          rng() % 2 ? static_cast<std::uint8_t>(rng()) : static_cast<std::uint8_t>(variant[at] ^ (1u << (rng() % 8)));
    }
    QVERIFY(writeBytes(path, variant));
    auto result = openCapture(path);
    auto capture = takeCapture(std::move(result));
    if (!capture) {
      const auto* error = std::get_if<FileError>(&result);
      QVERIFY(error && !error->message.empty() && error->offset <= variant.size());
      continue;
    }
    ++opened;
    QString problem;
    exerciseCapture(*capture, variant.size(), rng, problem);
    if (!problem.isEmpty()) QFAIL(qPrintable(QStringLiteral("variant %1: %2").arg(v).arg(problem)));
    if (capture->error()) ++damaged;
  }
  // The mutations must reach the packet parser and its error paths, not just the magic check.
  QVERIFY(opened > kVariants / 2);
  QVERIFY(damaged > kVariants / 10);
}

void CaptureRobustnessTest::randomGarbageAfterAValidHeader() {
  std::mt19937 rng(5612);
  const std::vector<Bytes> headers{pcapHeader(false, false, 127), pcapHeader(true, true, 1),
                                   concat(shb(false), idb(false, 105, 0)), shb(true)};
  for (int v = 0; v < 1000; ++v) {
    Bytes f = headers[static_cast<std::size_t>(v) % headers.size()];
    const std::size_t extra = rng() % 600;
    for (std::size_t k = 0; k < extra; ++k) {
      // Mostly small values, so lengths are often plausible and parsing goes deep.
      f.push_back(rng() % 4 == 0 ? static_cast<std::uint8_t>(rng()) : static_cast<std::uint8_t>(rng() % 24));
    }
    auto capture = takeCapture(CaptureFile::fromBytes(f, "garbage"));
    QVERIFY(capture);
    QString problem;
    exerciseCapture(*capture, f.size(), rng, problem);
    if (!problem.isEmpty()) QFAIL(qPrintable(QStringLiteral("variant %1: %2").arg(v).arg(problem)));
  }
}

QTEST_GUILESS_MAIN(CaptureRobustnessTest)
#include "tst_capture_robustness.moc"
