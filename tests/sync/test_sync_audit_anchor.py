"""Issue 12, section 1: the audit chain cannot be cut short, rewritten or rolled back unseen.

Real programs throughout: the `kiosk` command line in child processes on a real data directory,
the real gateway over HTTP on 127.0.0.1, and the attacker's own SQLite connection to the kiosk's
database file. Each attack is made twice: as it comes (the kiosk's own signed checkpoints catch it
locally, and the kiosk refuses to push), and with the tracks covered by deleting the checkpoints
above the cut, which no local check can see: then the gateway refuses it (``audit_diverged``)
because the chain no longer passes through the checkpoint it acknowledged. Restoring an older copy
of the whole file is consistent locally, so only the gateway catches it; a county-authorised reset
is then the one way back.

The gateway runs on SQLite here: its side (checkpoints held and compared, resets authorised) runs
on both engines in tests/county/test_county_anchors.py and test_county_resets.py.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from sync_gateway import LiveGateway
from sync_kiosk import ROOT, kiosk

from kiosk import audit
from kiosk.identity import load_enrollment
from sync.errors import EXIT_TRUST


def attacker(home: Path, *statements: tuple[str, tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(home / "kiosk.sqlite")
    try:
        with conn:
            for sql, params in statements:
                conn.execute(sql, params)
    finally:
        conn.close()


def rehash_from(home: Path, seq: int) -> None:
    """Recompute every hash from entry ``seq`` on, as someone holding only the file can."""
    conn = sqlite3.connect(home / "kiosk.sqlite")
    try:
        with conn:
            prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)).fetchone()[0]
            rows = conn.execute("SELECT seq, at, actor, action, subject, detail FROM audit WHERE seq >= ? "
                                "ORDER BY seq", (seq,)).fetchall()
            for n, at, actor, action, subject, detail in rows:
                digest = audit.entry_hash(prev, n, at, actor, action, subject, detail)
                conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, n))
                prev = digest
    finally:
        conn.close()


def verify(home: Path) -> tuple[int, dict[str, Any], str]:
    done = kiosk(home, "audit", "verify", "--json")
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def synced(home: Path) -> dict[str, Any]:
    done = kiosk(home, "sync", "--once", "--json")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stdout + done.stderr
    return dict(json.loads(done.stdout))


def refused_sync(home: Path) -> str:
    done = kiosk(home, "sync", "--once", "--json")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == EXIT_TRUST, done.stdout + done.stderr
    errors = json.loads(done.stdout)["errors"]
    assert [e["code"] for e in errors] == ["audit_diverged"], errors
    status = json.loads(kiosk(home, "status", "--json").stdout)
    assert status["stopped"]["code"] == "audit_diverged"
    return str(errors[0]["message"])


def held(gateway: LiveGateway, device_id: str) -> tuple[int, str] | None:
    rows = gateway.query("SELECT seq, hash FROM device_checkpoints WHERE device_id = ?", (device_id,))
    return (int(rows[0][0]), str(rows[0][1])) if rows else None


def records(gateway: LiveGateway, device_id: str) -> set[str]:
    return {r[0] for r in gateway.query("SELECT record_id FROM records WHERE device_id = ?", (device_id,))}


def anchored_kiosk(home: Path, gateway: LiveGateway, handovers: int = 3) -> tuple[str, dict[str, Any]]:
    """Handovers synced: the county holds the kiosk's checkpoint, the kiosk keeps its acknowledgement."""
    device_id = load_enrollment(home / "keys").device_id
    assert kiosk(home, "simulate", "--handovers", str(handovers)).returncode == 0
    assert synced(home)["rejected"] == 0
    code, chain, _ = verify(home)
    assert code == 0 and chain["ok"] and chain["signatures_checked"]
    acked = chain["acknowledged_seq"]
    assert acked is not None and chain["entries"] == acked + 1  # the ack's own entry follows it
    conn = sqlite3.connect(home / "kiosk.sqlite")
    acked_hash = conn.execute("SELECT hash FROM audit WHERE seq = ?", (acked,)).fetchone()[0]
    conn.close()
    assert held(gateway, device_id) == (acked, acked_hash)
    return device_id, chain


def test_cutting_the_last_50_entries_is_caught_locally_and_at_the_gateway(
        enrolled: Path, gateway: LiveGateway) -> None:
    home = enrolled
    device_id, chain = anchored_kiosk(home, gateway)
    n = chain["entries"]
    assert n > 60
    stored, anchor = records(gateway, device_id), held(gateway, device_id)
    attacker(home, ("DELETE FROM audit WHERE seq > ?", (n - 50,)))

    code, result, err = verify(home)
    assert (code, result["problem"], result["first_bad_seq"], result["entries"]) == (1, "truncated", n - 49, n - 50)
    assert f"ends at entry {n - 50}" in result["reason"] and "acknowledged by the county" in result["reason"]
    assert "what to do:" in err and "kiosk init --reset" in err
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    message = refused_sync(home)
    assert "will not vouch for its audit chain" in message
    assert records(gateway, device_id) == stored

    # Covering the tracks: the checkpoints above the cut go too. Locally nothing is left to see it.
    attacker(home, ("DELETE FROM audit_checkpoints WHERE seq > ?", (n - 50,)))
    code, result, _ = verify(home)
    assert code == 0 and result["ok"]
    message = refused_sync(home)
    assert "refused by the gateway (audit_diverged)" in message
    assert f"older than entry {anchor[0]} the county acknowledged" in message
    assert records(gateway, device_id) == stored and held(gateway, device_id) == anchor


def test_rewriting_an_entry_and_every_later_hash_is_caught_locally_and_at_the_gateway(
        enrolled: Path, gateway: LiveGateway) -> None:
    home = enrolled
    device_id, chain = anchored_kiosk(home, gateway)
    stored, anchor = records(gateway, device_id), held(gateway, device_id)
    attacker(home, ("UPDATE audit SET actor = 'staff:someone-else' WHERE seq = 10", ()))
    rehash_from(home, 10)

    code, result, err = verify(home)
    assert (code, result["problem"]) == (1, "rewritten")
    assert result["first_bad_seq"] <= 10 <= result["checkpoint_seq"]
    assert "rewritten and every later hash recomputed" in result["reason"]
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    assert "will not vouch for its audit chain" in refused_sync(home)
    assert records(gateway, device_id) == stored

    # Without the device key the checkpoints cannot be re-signed; deleting them all leaves a
    # chain that verifies, and a first checkpoint from nothing that the gateway refuses.
    attacker(home, ("DELETE FROM audit_checkpoints", ()))
    code, result, _ = verify(home)
    assert code == 0 and result["checkpoints"] == 0
    message = refused_sync(home)
    assert f"does not extend the checkpoint at entry {anchor[0]}" in message
    assert records(gateway, device_id) == stored and held(gateway, device_id) == anchor


def test_an_old_copy_of_the_database_is_refused_by_the_gateway_until_an_authorised_reset(
        enrolled: Path, gateway: LiveGateway, tmp_path: Path) -> None:
    home = enrolled
    device_id, _ = anchored_kiosk(home, gateway, handovers=1)
    old_copy = tmp_path / "old-copy.sqlite"
    shutil.copy(home / "kiosk.sqlite", old_copy)
    anchored_kiosk(home, gateway, handovers=3)
    stored, anchor = records(gateway, device_id), held(gateway, device_id)
    assert anchor is not None

    shutil.copy(old_copy, home / "kiosk.sqlite")
    # Locally the old copy is whole and its checkpoints are genuine: nothing to catch here.
    code, result, _ = verify(home)
    assert code == 0 and result["acknowledged_seq"] < anchor[0]
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    message = refused_sync(home)
    assert "refused by the gateway (audit_diverged)" in message and "kiosk init --reset" in message
    assert records(gateway, device_id) == stored and held(gateway, device_id) == anchor

    code_file = tmp_path / "reset.json"
    done = subprocess.run([sys.executable, "-m", "county.cli", "reset-code", "--db", str(gateway.db), "--device",
                           device_id, "--technician", "T-07", "--reason", "restored an old copy",
                           "--out", str(code_file)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    done = kiosk(home, "init", "--reset", "--authorisation", str(code_file), "--reason",
                 "restored an old copy of the database")
    assert done.returncode == 0, done.stderr
    assert synced(home)["rejected"] == 0
    code, result, _ = verify(home)
    assert code == 0 and result["ok"]
    now_held = held(gateway, device_id)
    assert now_held is not None and now_held[0] == result["acknowledged_seq"]
    assert len(records(gateway, device_id)) > len(stored)
    assert json.loads(kiosk(home, "status", "--json").stdout)["stopped"] is None
