#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs dependencies (including tshark, the independent oracle), builds the
# release preset and runs every test suite with CTest; then builds the
# robustness suites (label "robustness": truncated and corrupted captures and
# frames) under AddressSanitizer + UndefinedBehaviorSanitizer and runs them
# again there. Benchmarks (label "bench") are built but run by scripts/bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=$(nproc)

cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release --parallel "$jobs" "$@"

cmake --preset asan-ubsan >/dev/null
robustness_targets=$(ctest --test-dir build/asan-ubsan -N -L robustness | sed -n 's/^ *Test *#[0-9]*: *//p')
cmake --build --preset asan-ubsan -j "$jobs" --target $robustness_targets
ctest --preset asan-ubsan -L robustness --parallel "$jobs" "$@"
