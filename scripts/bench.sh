#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset and runs the benchmarks (tests/bench/, CTest label
# "bench"). Figures are printed; docs/performance.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake --preset release >/dev/null
cmake --build --preset release
ctest --test-dir build/release -L bench --output-on-failure --verbose "$@"
