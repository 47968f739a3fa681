// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Radio figures of the wireless media: channel frequency, path loss, received
// signal, air time and the chance that a frame is lost.
#include <cstdint>
#include <optional>

#include "core/sim/sim_time.h"

namespace rs::sim {

enum class Band : std::uint8_t { Ghz2_4, Ghz5, Ghz6 };

// Centre frequency of a channel (IEEE 802.11-2016 Annex E / 19.3.15 / 21.3.14 and
// 802.11ax 27.3.23.2): 2.4 GHz 2407 + 5n for n = 1..13 and 2484 for 14;
// 5 GHz 5000 + 5n; 6 GHz 5950 + 5n. nullopt for a number the band lacks
// (2.4 GHz: 1..14; 5 GHz: 1..200; 6 GHz: 1..233).
std::optional<std::uint16_t> channelFrequencyMhz(Band band, unsigned channel);
// The band a bare channel number means when the scenario does not say: 1..14 is 2.4 GHz, others 5 GHz.
Band defaultBand(unsigned channel);

// Free-space loss by the Friis equation: FSPL(d) = 20 log10(4 pi d f / c) dB.
double freeSpaceLossDb(double distanceM, double frequencyMhz);

// Log-distance path loss (Rappaport, "Wireless Communications", 2nd ed., eq. 4.69):
// PL(d) = PL(d0) + 10 n log10(d / d0) for d >= d0; PL(d0) for nearer receivers
// (the model does not hold in the near field). PL(d0) is the free-space loss at
// d0 unless the scenario gives a measured figure.
struct PathLossModel {
  double exponent = 3.0;            // n: 2 free space, about 3 indoors
  double referenceDistanceM = 1.0;  // d0
  std::optional<double> referenceLossDb;
  double lossDb(double distanceM, double frequencyMhz) const;
};

// Frame loss: a fixed rate, or a logistic curve of the SNR,
// P(loss) = 1 / (1 + exp((SNR - snr50) / slope)) — an empirical fit (half the
// frames lost at snr50, the width of the waterfall set by slope), not a clause
// of the standard; a fixed rate applies on top of it when both are set.
struct LossModel {
  double fixedRate = 0.0;
  std::optional<double> snrAtHalfLossDb;
  double slopeDb = 1.0;
  double probability(double snrDb) const;
};

// Time on air of a PSDU (the MPDU including its 4-byte FCS) of `psduBytes` at
// `rate500kbps` (radiotap's 500 kb/s units: 2, 4, 11, 22 DSSS/HR-DSSS; 12, 18,
// 24, 36, 48, 72, 96, 108 OFDM). nullopt for any other rate.
//  * DSSS/HR-DSSS (IEEE 802.11-2016 15.3.4 / 16.3.4, TXTIME):
//    preamble + PLCP header (192 us long, 96 us short; 1 Mb/s always long)
//    + ceil(8 * LENGTH / rate).
//  * OFDM (17.4.3, TXTIME = T_PREAMBLE + T_SIGNAL + T_SYM * N_SYM):
//    16 us + 4 us + 4 us * ceil((16 + 8 * LENGTH + 6) / N_DBPS), N_DBPS = 4 * Mb/s;
//    in the 2.4 GHz band ERP-OFDM adds a 6 us signal extension (18.3.2.4).
std::optional<SimTime> airTime(std::uint8_t rate500kbps, std::size_t psduBytes, Band band, bool shortPreamble = false);
bool isOfdmRate(std::uint8_t rate500kbps);

// Speed of light, for propagation delay (d / c).
inline constexpr double kSpeedOfLightMps = 299'792'458.0;
SimTime propagationDelay(double distanceM);

}  // namespace rs::sim
