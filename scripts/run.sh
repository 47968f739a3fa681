#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs dependencies, builds the release preset and starts RoamScope on its
# built-in demo: a WPA2 session synthesised by RoamScope's own frame builders
# and cryptography, written to a pcapng file and dissected with key derivation,
# MIC checks and CCMP decryption. Extra arguments go to `roamscope-cli demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target roamscope-cli
exec build/release/app/cli/roamscope-cli demo --out build/release/demo.pcapng "$@"
