#!/usr/bin/env bash
# make fresh-check: prove that the README's two commands do all the set-up on a
# truly fresh machine.
#
#   1. a minbase Debian 12 root, built with debootstrap with only what a person
#      has on a new server (make git ca-certificates sudo); cached outside the
#      repository and rebuilt when older than a week;
#   2. a copy of it gets the host's package-index configuration (apt sources,
#      pip configuration, the CA certificates the host trusts) and nothing else
#      of the host, and a clone of this repository's committed HEAD;
#   3. inside, with a clean environment: `make demo`, `make test`, the set-up
#      after breaking .venv as an interrupted first run leaves it, then
#      `make demo` again with the network cut off (`unshare --net`).
#
# Every mount lives in a private mount namespace of its own step, so nothing
# stays mounted when a step fails; the script checks that at the end. The time
# of each step is printed. Needs root (or sudo), debootstrap and util-linux.
#
# Environment: FRESH_CHECK_CACHE (default /var/cache/jiaxian-fresh-check),
# FRESH_CHECK_SUITE (default bookworm), FRESH_CHECK_KEEP=1 keeps the root of a
# failed run for inspection.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${FRESH_CHECK_CACHE:-/var/cache/jiaxian-fresh-check}"
suite="${FRESH_CHECK_SUITE:-bookworm}"
base="$cache/$suite-minbase"
run="$cache/run"
max_age_days=7

say() { printf 'fresh-check: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "needs root (debootstrap, chroot, mounts); run it as root"
    exec sudo --preserve-env=FRESH_CHECK_CACHE,FRESH_CHECK_SUITE,FRESH_CHECK_KEEP "$0" "$@"
fi
for tool in unshare chroot mount ip git; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing; install util-linux, iproute2 and git"
done
if ! command -v debootstrap >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and apt-get is not available"
    say "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

step_started=0
step() { step_name="$1"; step_started=$(date +%s); say "-- $step_name"; }
step_done() { say "   $step_name: $(( $(date +%s) - step_started )) s"; timings+=("$step_name $(( $(date +%s) - step_started )) s"); }
timings=()
started=$(date +%s)

# The mirror the host uses for Debian itself, so debootstrap reaches what apt reaches.
mirror() {
    local uri
    uri=$(grep -rhsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
              /etc/apt/sources.list.d/*.list 2>/dev/null \
          | grep -oE 'https?://[^ ]*/debian/?' | grep -v security | head -n1 || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

mounted_under() { findmnt -rn -o TARGET | grep -F "$1" || true; }

cleanup() {
    local status=$?
    local left
    left=$(mounted_under "$run")
    if [ -n "$left" ]; then
        say "unmounting what a step left: $left"
        echo "$left" | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    fi
    if [ "$status" -ne 0 ] && [ "${FRESH_CHECK_KEEP:-0}" = "1" ]; then
        say "failed; the root is kept in $run"
    else
        rm -rf "$run"
    fi
    exit "$status"
}
trap cleanup EXIT

mkdir -p "$cache"
step "base root ($suite minbase)"
if [ -f "$base/.fresh-check-built" ] && [ -z "$(find "$base/.fresh-check-built" -mtime +$max_age_days)" ]; then
    say "   cached, built $(cat "$base/.fresh-check-built")"
else
    rm -rf "$base.tmp"
    debootstrap --variant=minbase --include=make,git,ca-certificates,sudo \
        "$suite" "$base.tmp" "$(mirror)" > "$cache/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $cache/debootstrap.log"
    rm -rf "$base.tmp/var/cache/apt/archives/"*.deb
    date -u +%Y-%m-%dT%H:%M:%SZ > "$base.tmp/.fresh-check-built"
    rm -rf "$base" && mv "$base.tmp" "$base"
fi
step_done

step "fresh copy with the host's package-index configuration and a clone"
rm -rf "$run"
cp -a "$base" "$run"
# apt: sources, keys and the Acquire settings; nothing else of the host.
rm -f "$run/etc/apt/sources.list" "$run/etc/apt/sources.list.d/"*
[ -f /etc/apt/sources.list ] && cp -a /etc/apt/sources.list "$run/etc/apt/"
for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && cp -a "$f" "$run/etc/apt/sources.list.d/"
done
for d in trusted.gpg.d keyrings; do
    [ -d "/etc/apt/$d" ] && cp -a "/etc/apt/$d/." "$run/etc/apt/$d/"
done
for f in /etc/apt/apt.conf.d/*; do
    [ -f "$f" ] && grep -q '^Acquire' "$f" && cp -a "$f" "$run/etc/apt/apt.conf.d/"
done
# pip: the host's configuration files and the files they name.
for f in /etc/pip.conf /etc/xdg/pip /root/.config/pip /root/.pip; do
    [ -e "$f" ] && mkdir -p "$run$(dirname "$f")" && cp -a "$f" "$run$(dirname "$f")/"
done
# The CA certificates the host trusts (an intercepting proxy's among them).
mkdir -p "$run/usr/local/share/ca-certificates"
cp -a /usr/local/share/ca-certificates/. "$run/usr/local/share/ca-certificates/" 2>/dev/null || true
cp -L /etc/ssl/certs/ca-certificates.crt "$run/etc/ssl/certs/ca-certificates.crt"
cp -L /etc/resolv.conf "$run/etc/resolv.conf"
git clone -q --no-hardlinks "$repo" "$run/root/jiaxian-kiosk"
# shared/ (QR corpus, docs) sits beside the clone as it does for CI; tests skip without it.
[ -d "$repo/../shared" ] && cp -a "$repo/../shared" "$run/root/shared"
step_done

# Run one command in the root: private mounts, a clean environment, optional
# network cut-off. The mounts die with the namespace, whatever the outcome.
in_root() {
    local net="$1"; shift
    local unshare_flags=(--mount --propagation private --fork)
    [ "$net" = "offline" ] && unshare_flags+=(--net)
    unshare "${unshare_flags[@]}" -- /bin/bash -euo pipefail -c '
        run="$1"; shift
        ip link set lo up 2>/dev/null || true
        mount -t proc proc "$run/proc"
        mount -t sysfs sysfs "$run/sys"
        mount --rbind /dev "$run/dev"
        mount -t tmpfs -o mode=1777 tmpfs "$run/tmp"
        mount -t tmpfs tmpfs "$run/dev/shm"
        exec env -i HOME=/root USER=root LOGNAME=root TERM=dumb LANG=C.UTF-8 \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            chroot "$run" /bin/bash -lc "cd /root/jiaxian-kiosk && $*"
    ' fresh-check "$run" "$@"
}

step "make demo (first run: installs everything)"
in_root online "make demo" > "$cache/demo.log" 2>&1 || { tail -n 40 "$cache/demo.log" >&2; die "make demo failed; log: $cache/demo.log"; }
tail -n 5 "$cache/demo.log" >&2
step_done

step "make test"
in_root online "make test" > "$cache/test.log" 2>&1 || { tail -n 60 "$cache/test.log" >&2; die "make test failed; log: $cache/test.log"; }
grep -E '^(=+ .*(passed|failed).* =+|Contracts: )' "$cache/test.log" >&2 || true
step_done

# The set-up alone (what `make demo` runs first): the offline demo below then runs on the rebuilt .venv.
step "set-up after an interrupted one (a .venv without pip is rebuilt)"
in_root online "rm -rf .venv/lib/python3*/site-packages/pip && make setup-run && .venv/bin/python -m pip --version" \
    > "$cache/demo-rebuild.log" 2>&1 \
    || { tail -n 40 "$cache/demo-rebuild.log" >&2; die "the set-up did not repair a broken .venv; log: $cache/demo-rebuild.log"; }
grep -q "rebuilding .venv" "$cache/demo-rebuild.log" || die "set-up did not notice the broken .venv; log: $cache/demo-rebuild.log"
step_done

step "make demo again, network cut off"
in_root offline "make demo" > "$cache/demo-offline.log" 2>&1 || { tail -n 40 "$cache/demo-offline.log" >&2; die "offline make demo failed; log: $cache/demo-offline.log"; }
tail -n 5 "$cache/demo-offline.log" >&2
step_done

left=$(mounted_under "$run")
[ -z "$left" ] || die "mounts were left behind: $left"
say "passed in $(( $(date +%s) - started )) s:"
for t in "${timings[@]}"; do say "   $t"; done
