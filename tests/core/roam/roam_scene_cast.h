// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cast every roam test builds its scenes with (RoamScene): one station,
// three APs on channels 1, 6 and 11 with the signals the diagnostics expect
// (AP2 the strongest), and the scene's clock. Shared so a suite states only
// what its own scenes add.
#include <cstdint>

#include "dissectors/common/mac_address.h"
#include "dissectors/ieee80211/mgmt_body.h"
#include "tests/core/roam/roam_scene.h"

namespace rs::test::cast {

inline constexpr std::int64_t kBaseNs = 1'700'000'000'000'000'000;
// Microseconds after the scene's origin, as a stream timestamp.
constexpr std::int64_t at(std::int64_t us) { return kBaseNs + us * 1000; }
// A duration in microseconds, in nanoseconds.
constexpr std::int64_t us(std::int64_t v) { return v * 1000; }

inline const MacAddress kSta = *MacAddress::parse("02:bb:00:00:00:01");
inline const SceneAp kAp1{*MacAddress::parse("02:aa:00:00:00:01"), 2412, -70};
inline const SceneAp kAp2{*MacAddress::parse("02:aa:00:00:00:02"), 2437, -45};
inline const SceneAp kAp3{*MacAddress::parse("02:aa:00:00:00:03"), 2462, -60};
inline constexpr std::uint16_t kOpen = ieee80211::auth_algorithm::OpenSystem;
inline constexpr std::uint16_t kFt = ieee80211::auth_algorithm::FastBssTransition;

}  // namespace rs::test::cast
