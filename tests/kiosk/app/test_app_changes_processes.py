"""The change feed across processes: this process holds the facade and polls, another process
(the real `kiosk sync --once` against a real gateway process, or another `kiosk` command) changes
the database, and the poller sees exactly those changes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from gateway_harness import GatewayProcess  # type: ignore[import-not-found]

from kiosk.app import Change, ChangeCursor, Kiosk
from kiosk.app.changes import SYNC

ROOT = Path(__file__).resolve().parents[3]
DEVELOPER = "91410425MA4KJX3T7R"


def start_kiosk(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """The real `kiosk` command line in a child process."""
    return subprocess.Popen([sys.executable, "-m", "kiosk", *args], cwd=ROOT,
                            env={**os.environ, "KIOSK_HOME": str(data_dir)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def poll_while_running(kiosk: Kiosk, cursor: ChangeCursor,
                       proc: subprocess.Popen[str]) -> tuple[list[Change], ChangeCursor, int]:
    """Poll every 20 ms until the child has exited, then once more; returns (changes, cursor, polls)."""
    seen: list[Change] = []
    polls = 0
    while True:
        running = proc.poll() is None
        batch = kiosk.changes_since(cursor)
        seen.extend(batch.changes)
        cursor = batch.cursor
        polls += 1
        if not running and not batch.more:
            break
        if not batch.more:
            time.sleep(0.02)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return seen, cursor, polls


def audit_after(kiosk: Kiosk, seq: int) -> list[tuple[int, str, str, str]]:
    return [(r["seq"], r["action"], r["subject"], r["actor"]) for r in kiosk.store.read(
        "SELECT seq, action, subject, actor FROM audit WHERE seq > ? ORDER BY seq", (seq,))]


def test_the_poller_sees_exactly_what_the_sync_agent_did(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    with GatewayProcess(tmp_path / "county.sqlite") as gateway:
        offer = gateway.token("JX-SP01")
        enroll = start_kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer["token"],
                             "--fingerprint", offer["fingerprint"], "--json")
        assert enroll.wait(timeout=60) == 0, enroll.communicate()[1]
        enroll.communicate()
        queued = kiosk.simulate(1).value["outbox_pending"]
        assert queued > 0
        gateway.cli("restrict", "--uscc", DEVELOPER, "--reason", "逾期交房，列入失信名单", "--json")

        cursor = kiosk.change_cursor()
        start = cursor.seq
        seen, cursor, polls = poll_while_running(kiosk, cursor, start_kiosk(data_dir, "sync", "--once", "--json"))

    written = audit_after(kiosk, start)
    audited = [c for c in seen if c.kind != SYNC]
    assert [(c.seq, c.kind, c.subject) for c in audited] == [(s, k, sub) for s, k, sub, _ in written]
    assert {actor for *_, actor in written} == {"sync-agent"}, "only the agent wrote in between"
    kinds = [c.kind for c in audited]
    assert "sync.ack" in kinds and "sync.pull" in kinds
    assert ("restriction.set", DEVELOPER) in [c.pair for c in audited]
    # The agent's bookkeeping (last attempt, last success) has no audit entry but is seen.
    assert {c.subject for c in seen if c.kind == SYNC} == {"push", "pull"}
    assert len({c.seq for c in audited}) == len(audited), "no change is reported twice"
    assert kiosk.status()["outbox_pending"] == 0
    assert kiosk.changes_since(cursor).changes == ()
    assert polls >= 2


def test_the_poller_sees_a_command_another_process_runs(kiosk: Kiosk, data_dir: Path) -> None:
    cursor = kiosk.change_cursor()
    seen, cursor, _ = poll_while_running(kiosk, cursor, start_kiosk(data_dir, "simulate", "--handovers", "2"))
    written = audit_after(kiosk, 0)
    assert [(c.seq, c.kind, c.subject) for c in seen] == [(s, k, sub) for s, k, sub, _ in written]
    delivered = [c for c in seen if c.kind == "handover.deliver"]
    assert len(delivered) == 2 and all(c.unit for c in delivered)

    printing = start_kiosk(data_dir, "print-pending", "--json")
    printed, cursor, _ = poll_while_running(kiosk, cursor, printing)
    # Every queued job (receipts and certificate pages) printed, each seen once.
    jobs = {r["id"] for r in kiosk.store.read("SELECT id FROM print_jobs WHERE state = 'printed'")}
    assert len(jobs) >= 4 and {c.kind for c in printed} == {"print.done"}
    assert sorted(c.subject for c in printed) == sorted(jobs)
    assert kiosk.store.read("SELECT count(*) AS n FROM print_jobs WHERE state != 'printed'")[0]["n"] == 0
