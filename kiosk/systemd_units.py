"""The Linux services: the unit files, lock-down files and accounts that keep the app and the
sync agent running on a terminal nobody looks after (``kiosk install-service``).

- The app runs full screen under the ``cage`` kiosk compositor, on tty1, as its own
  unprivileged user (cage refuses root), ``Type=notify`` with a watchdog: READY comes after
  the first window, and a GUI-thread timer pings, so a frozen UI is restarted. cage is the
  unit's main process and the app its child, hence ``NotifyAccess=all``. cage is started
  without ``-s``, so it allows no VT switching.
- The sync agent is a hardened ``Type=notify`` unit of its own user; it pings the watchdog
  as its loop makes progress and reports its backlog in the unit's status.
- The two users share the data directory's group; the directory is setgid (2770), so the
  kiosk makes its files owner-and-group there (``kiosk.filemodes``).
- Lock-down: Ctrl+Alt+Del masked, no spare virtual terminals (logind ``NAutoVTs=0``), no
  console blanking or screen power-down before cage takes the screen.

Installing is idempotent: each file is written only when its content differs, and the
result names every file as created, updated or unchanged. ``root`` lets a test (or an image
build) install into a directory instead of ``/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk import filemodes

APP_UNIT = "jiaxian-kiosk-app.service"
AGENT_UNIT = "jiaxian-kiosk-agent.service"
DEFAULT_DATA_DIR = Path("/var/lib/jiaxian-kiosk")
APP_USER, AGENT_USER, GROUP = "kiosk", "kiosk-sync", "kiosk-data"
WATCHDOG_SECONDS = {"app": 30, "agent": 120}
UNIT_DIR = "etc/systemd/system"
MASKED = ("ctrl-alt-del.target",)


@dataclass(frozen=True)
class Settings:
    kiosk_command: str            # absolute path of the `kiosk` executable (or bundle), maybe with args
    data_dir: Path = DEFAULT_DATA_DIR
    cage: str = "/usr/bin/cage"


def default_kiosk_command() -> str:
    """The `kiosk` this process is: the bundle's executable, or the venv's console script."""
    if getattr(sys, "frozen", False):
        return sys.executable
    script = Path(sys.executable).with_name("kiosk")
    return str(script) if script.exists() else f"{sys.executable} -m kiosk"


def app_unit(s: Settings) -> str:
    return f"""\
# Installed by 'kiosk install-service'; 'kiosk uninstall-service' removes it.
[Unit]
Description=Jia County kiosk app (full screen under cage on tty1)
After=systemd-user-sessions.service plymouth-quit-wait.service systemd-logind.service
Wants=systemd-logind.service
Conflicts=getty@tty1.service
After=getty@tty1.service
ConditionPathExists=/dev/tty1
StartLimitIntervalSec=0

[Service]
Type=notify
NotifyAccess=all
WatchdogSec={WATCHDOG_SECONDS["app"]}
User={APP_USER}
Group={GROUP}
UMask=0007
PAMName=jiaxian-kiosk-app
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=tty1
UtmpMode=user
Environment=KIOSK_HOME={s.data_dir}
Environment=QT_QPA_PLATFORM=wayland
Environment=QT_WAYLAND_DISABLE_WINDOWDECORATION=1
# No console blanking or power-down on tty1 before cage takes the screen.
ExecStartPre=-/usr/bin/setterm --term linux --blank 0 --powersave off --powerdown 0
ExecStart={s.cage} -- {s.kiosk_command} run
Restart=always
RestartSec=2
TimeoutStopSec=20

[Install]
WantedBy=multi-user.target
"""


def agent_unit(s: Settings) -> str:
    return f"""\
# Installed by 'kiosk install-service'; 'kiosk uninstall-service' removes it.
[Unit]
Description=Jia County kiosk sync agent
After=network-online.target
Wants=network-online.target
StartLimitIntervalSec=0

[Service]
Type=notify
NotifyAccess=main
WatchdogSec={WATCHDOG_SECONDS["agent"]}
User={AGENT_USER}
Group={GROUP}
UMask=0007
Environment=KIOSK_HOME={s.data_dir}
ExecStart={s.kiosk_command} sync
Restart=always
RestartSec=5
# SIGTERM lets the batch in flight be settled before the agent exits.
TimeoutStopSec=60
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths={s.data_dir}
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
CapabilityBoundingSet=
AmbientCapabilities=
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources

[Install]
WantedBy=multi-user.target
"""


def files(s: Settings) -> dict[str, str]:
    """Every regular file the installation writes, by path relative to the root."""
    return {
        f"{UNIT_DIR}/{APP_UNIT}": app_unit(s),
        f"{UNIT_DIR}/{AGENT_UNIT}": agent_unit(s),
        "etc/systemd/logind.conf.d/jiaxian-kiosk.conf":
            "# No spare virtual terminals to switch to (cage itself allows no VT switching).\n"
            "[Login]\nNAutoVTs=0\nReserveVT=0\n",
        "etc/pam.d/jiaxian-kiosk-app":
            "# The app's session on tty1 (logind gives it the seat: display and input devices).\n"
            "auth     required pam_unix.so nullok\naccount  required pam_unix.so\n"
            "session  required pam_unix.so\nsession  required pam_systemd.so\n",
        "etc/sysusers.d/jiaxian-kiosk.conf":
            f"g {GROUP} -\n"
            f"u {APP_USER} - \"Jia County kiosk app\" {s.data_dir} /usr/sbin/nologin\n"
            f"u {AGENT_USER} - \"Jia County kiosk sync agent\" {s.data_dir} /usr/sbin/nologin\n"
            f"m {APP_USER} {GROUP}\nm {AGENT_USER} {GROUP}\n"
            f"m {APP_USER} video\nm {APP_USER} input\nm {APP_USER} render\n"
            f"m {APP_USER} dialout\nm {APP_USER} lp\n",
        "etc/tmpfiles.d/jiaxian-kiosk.conf":
            f"# The shared data directory: setgid, so the kiosk's files there belong to {GROUP}.\n"
            f"d {s.data_dir} 2770 {APP_USER} {GROUP} -\n",
    }


def links() -> dict[str, str]:
    """Symbolic links: masks, and the units' enablement (what 'systemctl enable' makes)."""
    out = {f"{UNIT_DIR}/{name}": "/dev/null" for name in MASKED}
    for unit in (APP_UNIT, AGENT_UNIT):
        out[f"{UNIT_DIR}/multi-user.target.wants/{unit}"] = f"/{UNIT_DIR}/{unit}"
    return out


@dataclass(frozen=True)
class Change:
    path: str
    action: str    # created, updated, unchanged, removed, absent

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "action": self.action}


def install(s: Settings, root: Path) -> list[Change]:
    changes: list[Change] = []
    for rel, text in files(s).items():
        path = root / rel
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == text:
            changes.append(Change(str(path), "unchanged"))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        filemodes.write_atomic(path, text.encode("utf-8"), 0o644)
        changes.append(Change(str(path), "created" if old is None else "updated"))
    for rel, target in links().items():
        path = root / rel
        if path.is_symlink() and os.readlink(path) == target:
            changes.append(Change(str(path), "unchanged"))
            continue
        existed = path.is_symlink() or path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        if existed:
            path.unlink()
        path.symlink_to(target)
        changes.append(Change(str(path), "updated" if existed else "created"))
    return changes


def uninstall(s: Settings, root: Path) -> list[Change]:
    """Remove what ``install`` made (the files at its paths, and its links where they still
    point where ours point); the data directory, its keys and data are never touched."""
    changes: list[Change] = []
    for rel, target in links().items():
        path = root / rel
        if path.is_symlink() and os.readlink(path) == target:
            path.unlink()
            changes.append(Change(str(path), "removed"))
        else:
            changes.append(Change(str(path), "absent"))
    for rel in files(s):
        path = root / rel
        if path.is_file():
            path.unlink()
            changes.append(Change(str(path), "removed"))
        else:
            changes.append(Change(str(path), "absent"))
    return changes


def activate(*, start: bool) -> list[str]:
    """On the live system (root ``/``): load the new files, make the users and the data
    directory, and start (or stop) the units. The commands run, in order."""
    steps: list[list[str]] = [["systemctl", "daemon-reload"]]
    if start:
        steps += [["systemd-sysusers", "/etc/sysusers.d/jiaxian-kiosk.conf"],
                  ["systemd-tmpfiles", "--create", "/etc/tmpfiles.d/jiaxian-kiosk.conf"],
                  ["systemctl", "restart", AGENT_UNIT, APP_UNIT]]
    done: list[str] = []
    for argv in steps:
        if shutil.which(argv[0]) is None:
            raise FileNotFoundError(f"{argv[0]} is not installed")
        subprocess.run(argv, check=True, capture_output=True, text=True, timeout=120)
        done.append(" ".join(argv))
    return done


def stop_units() -> None:
    if shutil.which("systemctl"):
        subprocess.run(["systemctl", "stop", APP_UNIT, AGENT_UNIT], capture_output=True, text=True,
                       timeout=120)
