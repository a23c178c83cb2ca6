"""The sync agent under systemd: READY when it starts, WATCHDOG pings as its loop makes
progress (also through a long wait between cycles), STATUS with the backlog, STOPPING on
SIGTERM. `kiosk sync` runs as a real process against a real gateway process; the notification
socket is a local AF_UNIX datagram socket. What is tested is the agent's messages to systemd, not
what the gateway stores, so the gateway runs on SQLite only (the other sync suites run on both)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway_harness import GatewayProcess
from notify_socket import NotifySocket
from sync_kiosk import ROOT, enroll_at, fill_outbox, open_store


@pytest.fixture
def enrolled_live(data_dir: Path, tmp_path: Path) -> Iterator[GatewayProcess]:
    # A 20 s wait between cycles: the agent must keep pinging a 1 s watchdog through it.
    (data_dir / "kiosk.toml").write_text("[sync]\ninterval_seconds = 20\n")
    gw = GatewayProcess(tmp_path / "gw.sqlite")
    gw.start()
    enroll_at(data_dir, gw, "sp-notify")
    yield gw
    gw.stop()


def test_the_agent_says_ready_pings_its_watchdog_reports_its_backlog_and_stopping(
        data_dir: Path, enrolled_live: GatewayProcess, tmp_path: Path) -> None:
    store = open_store(data_dir)
    fill_outbox(store, 7)
    store.close()
    notify = NotifySocket(tmp_path / "notify.sock")
    env = {**os.environ, "KIOSK_HOME": str(data_dir), "NOTIFY_SOCKET": str(notify.path),
           "WATCHDOG_USEC": "1000000"}
    agent = subprocess.Popen([sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())",
                              "sync"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        got = notify.receive_until("READY=1")
        assert any(line.startswith("STATUS=sync agent for ") for line in got[-1].split("\n"))
        after_cycle = notify.receive_until("WATCHDOG=1")[-1].split("\n")
        # The first cycle pushed the 7 records: the backlog it reports is what is left.
        assert "STATUS=backlog 0 record(s) to push, 0 quarantined; last cycle pushed 7, pulled 0" in after_cycle
        # Then, in the 20 s wait, pings every half second with no cycle in between.
        notify.messages.clear()
        for _ in range(3):
            notify.receive_until("WATCHDOG=1", within=5)
        assert notify.messages == ["WATCHDOG=1"] * 3
        agent.send_signal(signal.SIGTERM)
        assert agent.wait(timeout=30) == 0
        assert "STOPPING=1" in notify.receive_until("STOPPING=1", within=5)[-1].split("\n")
    finally:
        if agent.poll() is None:
            agent.kill()
        agent.communicate(timeout=10)
        notify.close()

