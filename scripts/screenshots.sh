#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the README's screenshots of the desktop application on the offscreen
# platform (no display needed): the demo scenario (seed 000 over 802.1X) with
# the seed-000 Authenticate PTK response selected, and the FT-802.1X preset
# with an FT reassociation selected, and — when ../shared/fixtures is there — a
# real roam of Linux's Wi-Fi stack (fixtures/roaming/eap) opened with its keys,
# the PMKSA-cache reassociation selected. Writes docs/screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target roamscope
export QT_QPA_PLATFORM=offscreen
# The default layout, not the one this machine's user saved (QSettings lives under XDG_CONFIG_HOME).
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
mkdir -p docs/screenshots
gui=build/release/app/gui/roamscope
"$gui" --screenshot docs/screenshots/demo-seed000.png
"$gui" --screenshot docs/screenshots/ft-8021x.png --select "Reassociation Response" resources/scenarios/wlan-8021x-ft.json
fixtures=../shared/fixtures/roaming/eap
if [[ -f $fixtures/eap.pcap ]]; then
  "$gui" --screenshot docs/screenshots/capture-eap.png --select "Reassociation Request" --keys "$fixtures/80211_keys" \
    "$fixtures/eap.pcap"
fi
