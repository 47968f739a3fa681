#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs RoamScope's build and test dependencies from Debian 12's archive.
# Skips apt-get when everything is already installed (fast re-runs, offline use).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
  libpcap-dev libtins-dev libssl-dev libqcustomplot-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev
)
if [[ "${1:-}" == "--test" ]]; then
  # freeradius: the real AAA server of the seed-001 integration test (tests/core/protocols/aaa).
  packages+=(tshark xvfb xauth freeradius)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer "no" without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo_cmd[@]}" debconf-set-selections
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
