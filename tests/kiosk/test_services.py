"""Linux services: the sd_notify helper against a local datagram socket, the app's READY and
GUI-thread watchdog, the unit files (checked by systemd-analyze verify where it is installed),
install-service / uninstall-service into a temporary root, and the shared data directory."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import filemodes, sdnotify
from kiosk.errors import VaultError
from kiosk.vault import KEY_FILE, Vault
from kiosk_process import kiosk
from notify_socket import NotifySocket

ROOT = Path(__file__).resolve().parents[2]


def test_sd_notify_speaks_the_protocol_to_a_path_and_an_abstract_socket(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert sdnotify.ready() is False  # no systemd: nothing sent, nothing raised
    listener = NotifySocket(tmp_path / "n.sock")
    try:
        monkeypatch.setenv("NOTIFY_SOCKET", str(listener.path))
        assert sdnotify.ready("up") and sdnotify.watchdog() and sdnotify.status("backlog 3\nrecords")
        assert sdnotify.stopping()
        listener.receive_until("STOPPING=1", within=5)
        assert listener.messages == ["READY=1\nSTATUS=up", "WATCHDOG=1", "STATUS=backlog 3 records", "STOPPING=1"]
    finally:
        listener.close()
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = f"kiosk-test-{os.getpid()}"
    abstract.bind("\0" + name)
    try:
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert sdnotify.watchdog()
        abstract.settimeout(5)
        assert abstract.recv(100) == b"WATCHDOG=1"
    finally:
        abstract.close()
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody-listens"))
    assert sdnotify.ready() is False
    monkeypatch.setenv("NOTIFY_SOCKET", "relative/path")
    assert sdnotify.ready() is False
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert sdnotify.watchdog_interval() == 15.0
    for bad in ("", "0", "soon"):
        monkeypatch.setenv("WATCHDOG_USEC", bad)
        assert sdnotify.watchdog_interval() is None


def test_the_app_says_ready_after_its_first_window_and_pings_from_the_gui_thread(
        data_dir: Path, tmp_path: Path) -> None:
    listener = NotifySocket(tmp_path / "app.sock")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(data_dir),
           "NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": "400000"}
    app = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = listener.receive_until("READY=1", within=120)
        assert first == ["READY=1\nSTATUS=kiosk app: first window shown"]
        for _ in range(2):
            listener.receive_until("WATCHDOG=1", within=10)
        assert app.poll() is None
    finally:
        app.terminate()
        app.communicate(timeout=30)
        listener.close()
    log = [json.loads(line) for line in (data_dir / "logs" / "app.jsonl").read_text().splitlines()]
    assert log[0]["process"] == "app" and log[0]["msg"].startswith("run started")


def _install(root: Path, *extra: str) -> dict[str, str]:
    done = kiosk(root, "install-service", "--root", str(root), "--kiosk-command", "/opt/kiosk/kiosk",
                 "--json", *extra)
    assert done.returncode == 0, done.stderr
    return {Path(c["path"]).relative_to(root).as_posix(): c["action"]
            for c in json.loads(done.stdout)["changes"]}


def test_install_service_is_idempotent_and_uninstall_removes_only_its_own(tmp_path: Path) -> None:
    root = tmp_path / "root"
    first = _install(root)
    assert set(first.values()) == {"created"}
    units = root / "etc/systemd/system"
    app = (units / "jiaxian-kiosk-app.service").read_text()
    agent = (units / "jiaxian-kiosk-agent.service").read_text()
    for line in ("Type=notify", "NotifyAccess=all", "WatchdogSec=30", "User=kiosk", "TTYPath=/dev/tty1",
                 "Environment=QT_WAYLAND_DISABLE_WINDOWDECORATION=1", "Conflicts=getty@tty1.service",
                 "ExecStart=/usr/bin/cage -- /opt/kiosk/kiosk run", "Environment=KIOSK_HOME=/var/lib/jiaxian-kiosk"):
        assert line in app.splitlines(), line
    for line in ("Type=notify", "WatchdogSec=120", "User=kiosk-sync", "Group=kiosk-data", "NoNewPrivileges=yes",
                 "ProtectSystem=strict", "ReadWritePaths=/var/lib/jiaxian-kiosk", "CapabilityBoundingSet=",
                 "ExecStart=/opt/kiosk/kiosk sync"):
        assert line in agent.splitlines(), line
    assert os.readlink(units / "ctrl-alt-del.target") == "/dev/null"
    assert os.readlink(units / "multi-user.target.wants/jiaxian-kiosk-app.service") == \
        "/etc/systemd/system/jiaxian-kiosk-app.service"
    assert "NAutoVTs=0" in (root / "etc/systemd/logind.conf.d/jiaxian-kiosk.conf").read_text()
    assert "d /var/lib/jiaxian-kiosk 2770 kiosk kiosk-data -" in (root / "etc/tmpfiles.d/jiaxian-kiosk.conf").read_text()

    assert set(_install(root).values()) == {"unchanged"}
    (units / "jiaxian-kiosk-agent.service").write_text("edited by hand\n")
    again = _install(root)
    assert again["etc/systemd/system/jiaxian-kiosk-agent.service"] == "updated"
    assert (units / "jiaxian-kiosk-agent.service").read_text() == agent

    other = units / "multi-user.target.wants" / "someone-else.service"
    other.symlink_to("/etc/systemd/system/someone-else.service")
    gone = kiosk(root, "uninstall-service", "--root", str(root), "--json")
    assert gone.returncode == 0, gone.stderr
    assert {c["action"] for c in json.loads(gone.stdout)["changes"]} == {"removed"}
    assert other.is_symlink() and not (units / "jiaxian-kiosk-app.service").exists()
    twice = kiosk(root, "uninstall-service", "--root", str(root), "--json")
    assert {c["action"] for c in json.loads(twice.stdout)["changes"]} == {"absent"}


def test_dry_run_prints_the_files_and_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "root"
    done = kiosk(tmp_path, "install-service", "--dry-run", "--root", str(root), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 0, done.stderr
    assert f"# write {root}/etc/systemd/system/jiaxian-kiosk-app.service" in done.stdout
    assert f"Environment=KIOSK_HOME={tmp_path / 'd'}" in done.stdout
    assert f"# link {root}/etc/systemd/system/ctrl-alt-del.target -> /dev/null" in done.stdout
    assert not root.exists() and not (tmp_path / "d").exists()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    # cage is not installed on a build machine: a stand-in executable at its path lets verify
    # check everything else (it refuses an ExecStart that does not exist).
    cage = tmp_path / "cage"
    cage.write_text("#!/bin/sh\n")
    cage.chmod(0o755)
    root = tmp_path / "root"
    _install(root, "--cage", str(cage), "--kiosk-command", str(Path(sys.executable).with_name("kiosk")))
    units = sorted(str(p) for p in (root / "etc/systemd/system").glob("jiaxian-kiosk-*.service"))
    assert len(units) == 2

    def verify(*paths: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["systemd-analyze", "verify", *paths], capture_output=True, text=True,
                              timeout=120, env={**os.environ, "SYSTEMD_LOG_COLOR": "0"})

    done = verify(*units)
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr
    # The check is real: a misspelt key is only a warning to systemd, and this test sees it.
    bad = tmp_path / "bad.service"
    bad.write_text(Path(units[1]).read_text().replace("WatchdogSec=", "WatchdogSecs="))
    assert "Unknown key 'WatchdogSecs'" in verify(str(bad)).stderr


def test_a_shared_data_directory_makes_files_for_owner_and_group_and_others_get_nothing(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o2770)
    assert kiosk(shared, "init").returncode == 0
    assert kiosk(shared, "simulate", "--handovers", "1").returncode == 0
    for path in (shared / "kiosk.sqlite", shared / "kiosk.toml", shared / "keys" / KEY_FILE,
                 shared / "logs" / "cli.jsonl"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o660, path
    assert stat.S_IMODE((shared / "keys").stat().st_mode) == 0o2770
    Vault.from_key_dir(shared / "keys")  # the group may read the key here
    os.chmod(shared / "keys" / KEY_FILE, 0o664)
    with pytest.raises(VaultError, match="readable by other users"):
        Vault.from_key_dir(shared / "keys")

    alone = tmp_path / "alone"
    assert kiosk(alone, "init").returncode == 0
    assert stat.S_IMODE((alone / "kiosk.sqlite").stat().st_mode) == 0o600
    assert not filemodes.shared(alone / "kiosk.sqlite")
    os.chmod(alone / "keys" / KEY_FILE, 0o640)
    with pytest.raises(VaultError, match="readable by other users"):
        Vault.from_key_dir(alone / "keys")
