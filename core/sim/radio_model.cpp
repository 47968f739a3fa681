// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sim/radio_model.h"

#include <cmath>
#include <numbers>

namespace rs::sim {

std::optional<std::uint16_t> channelFrequencyMhz(Band band, unsigned channel) {
  switch (band) {
    case Band::Ghz2_4:
      if (channel == 14) return 2484;
      if (channel >= 1 && channel <= 13) return static_cast<std::uint16_t>(2407 + 5 * channel);
      return std::nullopt;
    case Band::Ghz5:
      if (channel >= 1 && channel <= 200) return static_cast<std::uint16_t>(5000 + 5 * channel);
      return std::nullopt;
    case Band::Ghz6:
      if (channel >= 1 && channel <= 233) return static_cast<std::uint16_t>(5950 + 5 * channel);
      return std::nullopt;
  }
  return std::nullopt;
}

Band defaultBand(unsigned channel) { return channel >= 1 && channel <= 14 ? Band::Ghz2_4 : Band::Ghz5; }

double freeSpaceLossDb(double distanceM, double frequencyMhz) {
  return 20.0 * std::log10(4.0 * std::numbers::pi * distanceM * frequencyMhz * 1e6 / kSpeedOfLightMps);
}

double PathLossModel::lossDb(double distanceM, double frequencyMhz) const {
  const double d0 = referenceDistanceM;
  const double atReference = referenceLossDb ? *referenceLossDb : freeSpaceLossDb(d0, frequencyMhz);
  if (distanceM <= d0) return atReference;
  return atReference + 10.0 * exponent * std::log10(distanceM / d0);
}

double LossModel::probability(double snrDb) const {
  double pass = 1.0 - fixedRate;
  if (snrAtHalfLossDb) pass *= 1.0 - 1.0 / (1.0 + std::exp((snrDb - *snrAtHalfLossDb) / slopeDb));
  const double loss = 1.0 - pass;
  return loss < 0.0 ? 0.0 : (loss > 1.0 ? 1.0 : loss);
}

bool isOfdmRate(std::uint8_t r) {
  switch (r) {
    case 12:
    case 18:
    case 24:
    case 36:
    case 48:
    case 72:
    case 96:
    case 108:
      return true;
    default:
      return false;
  }
}

std::optional<SimTime> airTime(std::uint8_t rate500kbps, std::size_t psduBytes, Band band, bool shortPreamble) {
  const std::uint64_t bits = 8ull * psduBytes;
  if (isOfdmRate(rate500kbps)) {
    const std::uint64_t bitsPerSymbol = 2ull * rate500kbps;  // N_DBPS = 4 * (rate500kbps / 2)
    const std::uint64_t symbols = (16 + bits + 6 + bitsPerSymbol - 1) / bitsPerSymbol;
    const std::uint64_t us = 16 + 4 + 4 * symbols + (band == Band::Ghz2_4 ? 6 : 0);
    return microseconds(static_cast<std::int64_t>(us));
  }
  if (rate500kbps != 2 && rate500kbps != 4 && rate500kbps != 11 && rate500kbps != 22) return std::nullopt;
  const bool useShort = shortPreamble && rate500kbps != 2;
  const SimTime header = microseconds(useShort ? 96 : 192);
  // ceil(bits / (rate500kbps * 0.5 Mb/s)) in microseconds = ceil(2 * bits / rate500kbps).
  const std::uint64_t payloadUs = (2 * bits + rate500kbps - 1) / rate500kbps;
  return header + microseconds(static_cast<std::int64_t>(payloadUs));
}

SimTime propagationDelay(double distanceM) { return fromSeconds(distanceM / kSpeedOfLightMps); }

}  // namespace rs::sim
