#!/bin/sh
# The kiosk bundle's installer (copied into dist/kiosk by build.spec). On a Linux terminal with
# no Python, as root, from the bundle's final place (e.g. /opt/jiaxian-kiosk):
#   ./install.sh --check        only check that this terminal can run the bundle
#   ./install.sh [--dry-run]    check, then `kiosk install-service` with this bundle's kiosk
#   ./install.sh --uninstall    `kiosk uninstall-service` (the data directory is kept)
# Other arguments go to `kiosk install-service` (--root DIR, --json, --cage PATH...).
#
# The check is here, in sh, and not in the kiosk executable: on a terminal whose glibc is older
# than the one the bundle was built against, the bundle's own libraries fail to load before any
# of its code could say why. BUILD-INFO.json (written by the build) holds the floor.
# KIOSK_TARGET_GLIBC=X.Y stands in for this system's glibc version (tests of the refusal).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
say() { printf 'install.sh: %s\n' "$*" >&2; }

info="$here/BUILD-INFO.json"
floor=$(sed -n 's/^ *"glibc_floor": *"\([0-9][0-9]*\.[0-9][0-9]*\)".*/\1/p' "$info" 2>/dev/null || true)
if [ -z "$floor" ]; then
    say "$info is missing or names no glibc_floor: this is not a whole bundle; copy dist/kiosk again"
    exit 2
fi

target=${KIOSK_TARGET_GLIBC:-}
if [ -z "$target" ]; then
    target=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed -n 's/^glibc \([0-9][0-9.]*\)$/\1/p' || true)
fi
if [ -z "$target" ]; then
    target=$(ldd --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p' || true)
fi
if [ -z "$target" ]; then
    say "cannot tell this system's glibc version (getconf GNU_LIBC_VERSION and ldd --version name none)."
    say "The bundle needs glibc $floor or newer; systems without glibc (musl, e.g. Alpine) cannot run it."
    exit 3
fi

# 0 when glibc $1 is at least $2 (major.minor, compared as numbers: 2.4 < 2.34).
at_least() {
    awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, "."); split(b, y, ".");
        exit !((x[1] + 0 > y[1] + 0) || (x[1] + 0 == y[1] + 0 && x[2] + 0 >= y[2] + 0)) }'
}
if ! at_least "$target" "$floor"; then
    say "this system has glibc $target, but the bundle needs glibc $floor or newer; nothing was installed."
    say "Use a newer system (Debian 12, Ubuntu 22.04 or newer), or build the bundle on one as old as this."
    exit 3
fi

case "${1:-}" in
    --check)
        printf 'glibc %s: at least %s, which the bundle needs\n' "$target" "$floor"
        exit 0 ;;
    --uninstall)
        shift
        exec "$here/kiosk" uninstall-service --kiosk-command "$here/kiosk" "$@" ;;
esac
exec "$here/kiosk" install-service --kiosk-command "$here/kiosk" "$@"
