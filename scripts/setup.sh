#!/usr/bin/env bash
# One idempotent set-up for a fresh Debian/Ubuntu machine: installs only what
# is missing (apt packages, .venv, pinned Python packages) and nothing else.
#   scripts/setup.sh run    what `make demo` needs
#   scripts/setup.sh test   the above plus Xvfb and the test extra
set -euo pipefail

mode="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

run_pkgs=(libzbar0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
          libegl1 libgl1 libfontconfig1 libdbus-1-3 libpulse0 libusb-1.0-0 fonts-wqy-microhei)
test_pkgs=(xvfb xauth)
pkgs=("${run_pkgs[@]}")
[ "$mode" = "test" ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: these system packages are missing and apt-get is not available: ${missing[*]}" >&2
        echo "setup: install them with your system's package manager, then run this again." >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "setup: not root and no sudo; install as root: ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "setup: installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { echo "setup: Python 3.11 or newer is needed; found $("$py" --version 2>&1)" >&2; exit 1; }
    echo "setup: creating .venv"
    "$py" -m venv .venv
fi

# Reinstall only when the pins or the set-up mode change.
extra=""
[ "$mode" = "test" ] && extra="[test]"
stamp=".venv/.installed-$mode"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing Python packages into .venv ($mode)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extra"
    echo "$want" > "$stamp"
fi
