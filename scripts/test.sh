#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs dependencies (including tshark, the independent oracle), builds the
# release preset and runs every test suite with CTest. Benchmarks (label
# "bench") are built but not run here: scripts/bench.sh runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release --parallel "$(nproc)" "$@"
