#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs dependencies, builds the release preset and starts RoamScope on its
# built-in demo scenario (no hardware, no server): the emulated 802.1X ESS of
# resources/scenarios/wlan-8021x-seed000.json, where a station walks past
# three APs and roams by seed 000 (PMK by pre-authentication, PTK before
# re-association, three-message re-association).
#  * With a display ($DISPLAY or $WAYLAND_DISPLAY): the desktop application
#    `roamscope` opens on it (Run, Step, Run to breakpoint; docs/gui.md).
#  * Without one (a server, CI): `roamscope-cli simulate` runs it, prints the
#    emulator's ground truth, writes the capture, the trace, the keys and HTML
#    reports under build/release/demo/, then analyses the capture alone, as it
#    would a real one, to show the same handoffs.
# Extra arguments go to `roamscope` (a scenario file) or `roamscope-cli simulate` (e.g. --seed 7).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target roamscope-cli roamscope
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${ROAMSCOPE_NO_GUI:-}" ]]; then
  exec build/release/app/gui/roamscope "$@"
fi
cli=build/release/app/cli/roamscope-cli
out=build/release/demo
mkdir -p "$out"
echo "(no display: running the demo scenario in the terminal; the desktop application is build/release/app/gui/roamscope)"
"$cli" simulate resources/scenarios/wlan-8021x-seed000.json \
  --pcap "$out/seed000.pcapng" --trace "$out/seed000-trace.txt" --keys-out "$out/80211_keys" \
  --report "$out/seed000-ground-truth.html" "$@"
echo
echo "== The same capture analysed on its own (the RADIUS secret recovers the PMKs):"
"$cli" analyze "$out/seed000.pcapng" --radius-secret roamscope-radius --report "$out/seed000-analysis.html"
echo
echo "Files in $out: seed000.pcapng (open it in Wireshark with -X lua_script:resources/wireshark/roamscope-seed000.lua"
echo "and the keys file 80211_keys), seed000-trace.txt (every step explained), the HTML reports."
