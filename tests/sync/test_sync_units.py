"""Backoff, the agent lock, offline limits, identity files, outbox settling and sync state."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.identity import (Enrollment, IdentityError, NotEnrolled, b64, ensure_device_keys,
                            load_identity, save_enrollment)
from kiosk.offline import assess, master_data_freshness
from sync import outbox
from sync.errors import AgentLocked
from sync.lock import AgentLock
from sync.schedule import Backoff
from kiosk.store import sync_state as state
from kiosk.store.outbox import counts as outbox_counts
from kiosk.store.sync_state import feed_state


def test_backoff_grows_exponentially_is_jittered_and_capped() -> None:
    b = Backoff(base=1.0, cap=300.0, rng=random.Random(7))
    assert [b.ceiling(n) for n in (1, 2, 3, 9, 10, 50, 10_000)] == [1, 2, 4, 256, 300, 300, 300]
    delays = [b.delay(6) for _ in range(200)]
    assert all(16.0 <= d <= 32.0 for d in delays)
    assert len({round(d, 6) for d in delays}) > 150, "delays must be jittered"
    assert max(b.delay(40) for _ in range(200)) <= 300.0
    assert b.delay(1, at_least=42.0) == 42.0
    assert b.delay(40, at_least=900.0) == 900.0, "a gateway's Retry-After is honoured above the cap"
    with pytest.raises(ValueError):
        Backoff(base=10, cap=1)


def test_second_agent_lock_is_refused_and_freed_when_the_holder_dies(tmp_path: Path) -> None:
    with AgentLock(tmp_path):
        with pytest.raises(AgentLocked, match=f"pid {os.getpid()}"):
            AgentLock(tmp_path).acquire()
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; sys.path.insert(0, sys.argv[1]);"
                               "from sync.lock import AgentLock; AgentLock(sys.argv[2]).acquire();"
                               "print('held', flush=True); time.sleep(60)",
                               str(Path(__file__).resolve().parents[2]), str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AgentLocked):
            AgentLock(tmp_path).acquire()
    finally:
        holder.kill()
        holder.wait()
    AgentLock(tmp_path).acquire().release()


def test_offline_limits(data_dir: Path) -> None:
    config = load_config(data_dir)
    now = dt.datetime(2026, 11, 28, 12, tzinfo=dt.timezone.utc)
    assert assess(None, config, now).level == "stop"
    assert assess((now - dt.timedelta(hours=1)).isoformat(), config, now).level == "ok"
    warn = assess((now - dt.timedelta(hours=30)).isoformat(), config, now)
    assert warn.level == "warn" and warn.new_handovers_allowed and "30.0 h" in warn.reason
    stop = assess((now - dt.timedelta(hours=72)).isoformat(), config, now)
    assert stop.level == "stop" and not stop.new_handovers_allowed
    assert "delivered" in stop.reason


def test_offline_limits_read_the_pull_feed_and_follow_config(data_dir: Path, store) -> None:  # noqa: ANN001
    (data_dir / "kiosk.toml").write_text("[sync]\nmaster_data_warn_hours = 1\nmaster_data_stop_hours = 2\n")
    config = load_config(data_dir)
    now = dt.datetime.now(dt.timezone.utc)
    assert master_data_freshness(store.conn, config, now).level == "stop"
    with state.transaction(store.conn) as conn:
        state.record_success(conn, state.PULL, (now - dt.timedelta(minutes=90)).isoformat(), cursor="c1")
    assert master_data_freshness(store.conn, config, now).level == "warn"
    assert state.cursor(store) == "c1"


def test_identity_keys_are_private_files_and_enrollment_is_required(tmp_path: Path) -> None:
    key_dir = tmp_path / "keys"
    keys = ensure_device_keys(key_dir)
    assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700
    for f in key_dir.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert ensure_device_keys(key_dir).sign_public == keys.sign_public
    with pytest.raises(NotEnrolled, match="kiosk enroll"):
        load_identity(key_dir)
    def pin(fingerprint: str) -> None:
        save_enrollment(key_dir, Enrollment("d1", "http://127.0.0.1:9", "sp", b64(keys.sign_public),
                                            b64(keys.kem_public), fingerprint, "2026-11-28T00:00:00+00:00"))

    pin("ab" * 32)
    with pytest.raises(IdentityError, match="do not match their fingerprint"):
        load_identity(key_dir)
    pin(hashlib.sha256(keys.sign_public + keys.kem_public).hexdigest())
    assert load_identity(key_dir).device_id == "d1"
    os.chmod(key_dir / "device_sign.key", 0o644)
    with pytest.raises(IdentityError, match="chmod 600"):
        load_identity(key_dir)
    os.chmod(key_dir / "device_sign.key", 0o600)
    (key_dir / "enrollment.json").write_text("{not json")
    with pytest.raises(IdentityError, match="damaged"):
        load_identity(key_dir)


def test_settle_acks_and_quarantines_in_one_step_and_skips_unreadable(store) -> None:  # noqa: ANN001
    with store.unit_of_work("test") as uow:
        uow.log("t.make", "s")
        ids = [uow.push("handover.ready", f"u{i}", {"i": i}) for i in range(5)]
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("UPDATE outbox SET payload_enc = x'00' WHERE record_id = ?", (ids[1],))
    store.conn.execute("COMMIT")
    batch = outbox.pending(store, 3)
    assert [r.record_id for r in batch] == [ids[0], ids[2], ids[3]]
    assert batch[0].payload == {"i": 0}
    outbox.settle(store, batch_id="b1", accepted=[ids[0], ids[3]],
                  rejected=[outbox.Rejection(ids[2], "conflict", "record id reused with other content")])
    assert outbox_counts(store) == {"pending": 1, "acked": 2, "quarantined": 2}
    rows = dict(store.conn.execute("SELECT record_id, code FROM quarantine").fetchall())
    assert rows == {ids[1]: "local_unreadable", ids[2]: "conflict"}
    assert [r.record_id for r in outbox.pending(store, 10)] == [ids[4]]


def test_sync_state_failures_count_up_and_success_clears(store) -> None:  # noqa: ANN001
    assert state.record_failure(store, state.PUSH, "t1", "network", "down") == 1
    assert state.record_failure(store, state.PUSH, "t2", "network", "still down") == 2
    s = feed_state(store, state.PUSH)
    assert (s["last_error"], s["last_error_code"], s["consecutive_failures"]) == ("still down", "network", 2)
    with state.transaction(store.conn) as conn:
        state.record_success(conn, state.PUSH, "t3")
    s = feed_state(store, state.PUSH)
    assert (s["last_success"], s["last_error"], s["consecutive_failures"]) == ("t3", None, 0)


@pytest.mark.parametrize("value, wait", [("120", 120.0), (" 7 ", 7.0), ("0", 0.0), ("-3", None), ("1.5", None),
                                         ("Wed, 21 Oct 2026 07:28:00 GMT", None), ("", None), ("٣", None)])
def test_retry_after_is_read_as_delta_seconds(value: str, wait: float | None) -> None:
    from sync.client import _retry_after
    from sync.transport import Response

    assert _retry_after(Response(429, b"", {"retry-after": value})) == wait
