#!/usr/bin/env bash
# One idempotent set-up for a fresh Debian/Ubuntu machine: installs only what
# is missing (the interpreter, the shared libraries the pinned wheels load,
# .venv and the pinned Python packages) and nothing else.
#   scripts/setup.sh run    what `make demo` needs
#   scripts/setup.sh test   the above plus Xvfb, poppler-utils, eatmydata, PostgreSQL, the test
#                           extra and what PyInstaller needs for the bundle (binutils, the shared libpython)
#   scripts/setup.sh voice  what `make demo` needs plus the offline speech engine and Opus encoder that
#                           `make voice` generates the buyer screens' voice clips with (build time only)
#
# Supported: Debian 12 or newer, Ubuntu 22.04 or newer (where Python 3.11 or
# newer can be installed with apt). Proven on a minbase Debian 12 root by
# `make fresh-check`.
set -euo pipefail

mode="${1:-run}"
case "$mode" in run|test|voice) ;; *) echo "usage: scripts/setup.sh run|test|voice" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Shared libraries the pinned wheels load, found with ldd over their .so files
# on a minbase Debian 12 (scripts/fresh-check.sh): Qt offscreen, xcb and
# wayland platforms, Qt Quick (virtual keyboard), Qt Multimedia (its FFmpeg backend
# also links libXrandr and libXrender, which nothing else here pulls in), CUPS printing,
# zbar, libusb;
# the CJK font every screen needs.
run_pkgs=(
    libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libpulse0 libxrandr2 libxrender1
    libegl1 libgl1 libopengl0 libxkbcommon0
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    libcups2 libzbar0 libusb-1.0-0 fonts-wqy-microhei
)
# postgresql: the gateway tests start a throwaway cluster (initdb, pg_ctl) for its PostgreSQL engine.
# binutils: PyInstaller (make bundle, tests/bundle) refuses to start on Linux without objdump and
# writes the bundle's executable with objcopy.
# pulseaudio (with pulseaudio-utils' parec): the voice tests start a throwaway sound server with a null
# sink and record what the player sends it.
test_pkgs=(xvfb xauth poppler-utils eatmydata postgresql binutils pulseaudio)
pkgs=("${run_pkgs[@]}")
[ "$mode" = "test" ] && pkgs+=("${test_pkgs[@]}")
# espeak-ng (its Mandarin voice, -v cmn) and opusenc: scripts/voice.py; the clips are committed, so
# neither the kiosk nor the tests need them.
[ "$mode" = "voice" ] && pkgs+=(espeak-ng opus-tools)

sudo_cmd=()
apt_ready=0
apt_prepare() {
    [ "$apt_ready" = 1 ] && return
    command -v apt-get >/dev/null 2>&1 \
        || die "these system packages are missing and apt-get is not available: $*
setup: install them with your system's package manager, then run this again."
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and no sudo; as root, run: apt-get install $*"
        sudo_cmd=(sudo)
    fi
    "${sudo_cmd[@]}" apt-get update -qq || die "apt-get update failed (above); check the network and /etc/apt/sources.list*"
    apt_ready=1
}
apt_install() {
    apt_prepare "$@"
    say "installing system packages: $*"
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || die "apt-get install $* failed (above)"
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'; }

missing=()
for p in "${pkgs[@]}"; do
    installed "$p" || installed "${p}t64" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt_prepare "${missing[@]}"
    names=()
    # Ubuntu 24.04 renamed some libraries for 64-bit time (libglib2.0-0t64, ...).
    for p in "${missing[@]}"; do
        if ! has_candidate "$p" && has_candidate "${p}t64"; then names+=("${p}t64"); else names+=("$p"); fi
    done
    apt_install "${names[@]}"
fi

# The interpreter: the newest Python >= 3.11 that can make a venv. Newer is
# preferred (3.12 and later make None immortal, which PySide6 relies on; 3.13
# runs the printer-emulator tests). PYTHON=... overrides the choice.
usable_python() {
    "$1" -c 'import sys, venv, ensurepip, ssl, sqlite3, zoneinfo; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}
pick_python() {
    local c candidates=()
    if [ -n "${PYTHON:-}" ]; then
        candidates=("$PYTHON")
    else
        candidates=(python3.14 python3.13 python3.12)
        if command -v pyenv >/dev/null 2>&1; then
            local pyroot; pyroot="$(pyenv root 2>/dev/null || true)"
            for c in "$pyroot"/versions/3.1[1-9]*/bin/python3; do [ -x "$c" ] && candidates+=("$c"); done
        fi
        candidates+=(python3.11 python3)
    fi
    local best="" best_v=0 v
    for c in "${candidates[@]}"; do
        usable_python "$c" || continue
        v=$("$c" -c 'import sys; print(sys.version_info[0] * 100 + sys.version_info[1])')
        if [ "$v" -gt "$best_v" ]; then best="$(command -v "$c" || echo "$c")"; best_v="$v"; fi
    done
    echo "$best"
}

py="$(pick_python)"
if [ -z "$py" ]; then
    [ -z "${PYTHON:-}" ] || die "PYTHON=$PYTHON is not Python 3.11 or newer with venv and ensurepip"
    apt_install python3 python3-venv
    py="$(pick_python)"
fi
if [ -z "$py" ]; then
    # An older distribution whose python3 is below 3.11 may still package a newer one.
    apt_prepare python3
    for v in 3.13 3.12 3.11; do
        if has_candidate "python$v-venv"; then
            apt_install "python$v" "python$v-venv"
            break
        fi
    done
    py="$(pick_python)"
fi
[ -n "$py" ] || die "Python 3.11 or newer with venv is needed and none could be installed
setup: found $(python3 --version 2>&1 || echo 'no python3'); this distribution is older than supported
setup: (Debian 12, Ubuntu 22.04 or newer)"
py_version="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"

# PyInstaller puts the interpreter's shared library into the bundle. Debian's python3.X is linked
# statically and ships that library separately (libpython3.X); a pyenv or python.org build has it
# only when configured with --enable-shared.
has_libpython() {
    "$py" -c 'import ctypes, sysconfig; ctypes.CDLL(sysconfig.get_config_var("INSTSONAME") or "-")' >/dev/null 2>&1
}
if [ "$mode" = "test" ] && ! has_libpython; then
    if dpkg-query -S "$(readlink -f "$(command -v "$py")")" >/dev/null 2>&1; then
        apt_install "libpython$py_version"
    fi
    has_libpython || die "$py (Python $py_version) has no shared library (libpython$py_version.so), which the bundle
setup: build needs: use a Python built with --enable-shared (pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared),
setup: or PYTHON=/usr/bin/python3"
fi

# .venv must be whole: made by the chosen interpreter, with pip, and with the
# pinned packages importable. Anything less (an interrupted first run, a venv
# of another interpreter, a package deleted or broken) is rebuilt, so no run
# ever needs `make clean`. Packages are reinstalled only when the pins or the
# set-up mode change.
extra=""
[ "$mode" = "test" ] && extra="[test]"
stamp=".venv/.installed-$mode"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
# The packages with native code (what a deleted file or a missing library
# breaks) and our own, through the editable install.
imports="import PySide6.QtWidgets, cryptography.hazmat.bindings._rust, cv2, zxingcpp, pyzbar.pyzbar, zstandard, kiosk, sync, county, hardware"
[ "$mode" = "test" ] && imports="$imports, pytest, pytestqt"

venv_python_version() { .venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }
venv_has_pip() { .venv/bin/python -m pip --version >/dev/null 2>&1; }
venv_imports() { QT_QPA_PLATFORM=offscreen .venv/bin/python -c "$imports" >/dev/null 2>&1; }
stamp_ok() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }

if [ -e .venv ] || [ -L .venv ]; then
    why=""
    if [ "$(venv_python_version)" != "$py_version" ]; then
        why="it was made by Python $(venv_python_version) and $py is Python $py_version"
    elif ! venv_has_pip; then
        why="it has no working pip (an interrupted first run?)"
    elif stamp_ok && ! venv_imports; then
        why="its pinned packages no longer import"
    fi
    if [ -n "$why" ]; then
        say "rebuilding .venv: $why"
        rm -rf .venv
    fi
fi
if [ ! -e .venv ]; then
    say "creating .venv with $py (Python $py_version)"
    "$py" -m venv .venv || { rm -rf .venv; die "could not create .venv with $py"; }
fi
if ! stamp_ok; then
    rm -f "$stamp"
    say "installing Python packages into .venv ($mode)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".$extra"
    if ! venv_imports; then
        QT_QPA_PLATFORM=offscreen .venv/bin/python -c "$imports" || true
        die "the packages in .venv do not import (above); a system library may be missing"
    fi
    echo "$want" > "$stamp"
fi
