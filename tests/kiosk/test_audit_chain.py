"""Tampering with the audit log is caught at the first broken entry, by the API and by the CLI;
cutting it short or rewriting it and every later hash is caught against the device's signed
checkpoints, except where the attacker also deletes the checkpoints above the cut (then only the
county's acknowledged checkpoint catches it: tests/sync/test_sync_audit_anchor.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk import audit
from kiosk.cli import main
from kiosk.store import Store
from sync import wire


@pytest.fixture
def chained(store: Store) -> Store:
    for i in range(1, 7):
        with store.unit_of_work("staff:S001") as uow:
            uow.log("case.step", f"case-{i}", {"step": i})
    assert audit.verify(store.conn).ok
    return store


def tamper(store: Store, sql: str, params: tuple = ()) -> None:
    store.conn.execute(sql, params)
    store.conn.commit()


def test_intact_chain(chained: Store) -> None:
    result = audit.verify(chained.conn)
    assert result == audit.Verification(True, 6, audit.head(chained.conn)[1])


def test_edited_detail_is_caught(chained: Store) -> None:
    tamper(chained, "UPDATE audit SET detail = ? WHERE seq = 3", ('{"step":99}',))
    result = audit.verify(chained.conn)
    assert (result.ok, result.first_bad_seq) == (False, 3)
    assert "altered" in (result.reason or "")


def test_edited_actor_with_recomputed_hash_breaks_the_next_link(chained: Store) -> None:
    row = chained.read("SELECT * FROM audit WHERE seq = 2")[0]
    forged = audit.entry_hash(row["prev_hash"], 2, row["at"], "staff:EVIL", row["action"],
                              row["subject"], row["detail"])
    tamper(chained, "UPDATE audit SET actor = 'staff:EVIL', hash = ? WHERE seq = 2", (forged,))
    result = audit.verify(chained.conn)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_deleted_entry_is_caught(chained: Store) -> None:
    tamper(chained, "DELETE FROM audit WHERE seq = 4")
    result = audit.verify(chained.conn)
    assert (result.ok, result.first_bad_seq) == (False, 4)
    assert "missing" in (result.reason or "")


def test_deleted_last_entry_without_checkpoints_changes_only_the_head(chained: Store) -> None:
    head_before = audit.head(chained.conn)[1]
    tamper(chained, "DELETE FROM audit WHERE seq = 6")
    result = audit.verify(chained.conn)
    # With no signed checkpoint (a kiosk never enrolled) a truncated tail is self-consistent.
    assert result.ok and result.entries == 5 and result.head != head_before


def test_reordered_entries_are_caught(chained: Store) -> None:
    a = chained.read("SELECT * FROM audit WHERE seq = 2")[0]
    b = chained.read("SELECT * FROM audit WHERE seq = 5")[0]
    cols = ("at", "actor", "action", "subject", "detail", "prev_hash", "hash")
    for target, source in ((2, b), (5, a)):
        tamper(chained, f"UPDATE audit SET {', '.join(c + ' = ?' for c in cols)} WHERE seq = ?",
               (*(source[c] for c in cols), target))
    result = audit.verify(chained.conn)
    assert (result.ok, result.first_bad_seq) == (False, 2)


def test_inserted_entry_is_caught(chained: Store) -> None:
    tamper(chained, "UPDATE audit SET seq = seq + 100 WHERE seq >= 4")
    tamper(chained, "INSERT INTO audit VALUES (4, 'now', 'x', 'forged', 's', '{}', 'p', 'h')")
    result = audit.verify(chained.conn)
    assert (result.ok, result.first_bad_seq) == (False, 4)


def test_cli_reports_first_broken_entry(chained: Store, data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["audit", "verify", "--json"]) == 0
    assert '"ok": true' in capsys.readouterr().out
    tamper(chained, "UPDATE audit SET subject = 'case-x' WHERE seq = 5")
    assert main(["audit", "verify", "--json"]) == 1
    captured = capsys.readouterr()
    assert '"first_bad_seq": 5' in captured.out
    assert "broken at entry 5 (altered)" in captured.err


EVERY = 4


@pytest.fixture
def device() -> wire.KeyPair:
    return wire.KeyPair.generate()


@pytest.fixture
def anchored(store: Store, device: wire.KeyPair) -> Store:
    """Ten units of work of one entry each, a checkpoint signed every four entries (at 4 and 8)."""
    store.checkpoint_signer = audit.CheckpointSigner(device.sign, every=EVERY)
    for i in range(1, 11):
        with store.unit_of_work("staff:S001") as uow:
            uow.log("case.step", f"case-{i}", {"step": i})
    return store


def check(store: Store, device: wire.KeyPair) -> audit.Verification:
    return audit.verify(store.conn, device_key=device.public.sign)


def rehash_from(store: Store, seq: int) -> None:
    """What an attacker with the database file does: recompute every hash from ``seq`` on."""
    prev = store.read("SELECT hash FROM audit WHERE seq = ?", (seq - 1,))[0]["hash"] if seq > 1 else audit.GENESIS
    for row in store.read("SELECT * FROM audit WHERE seq >= ? ORDER BY seq", (seq,)):
        digest = audit.entry_hash(prev, row["seq"], row["at"], row["actor"], row["action"], row["subject"],
                                  row["detail"])
        tamper(store, "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row["seq"]))
        prev = digest


def test_units_of_work_sign_a_checkpoint_every_n_entries(anchored: Store, device: wire.KeyPair) -> None:
    rows = anchored.read("SELECT seq, prev_seq, signed FROM audit_checkpoints ORDER BY seq")
    assert [(r["seq"], r["prev_seq"]) for r in rows] == [(4, 0), (8, 4)]
    chain = wire.verify_chain([json.loads(r["signed"]) for r in rows], device.public.sign)
    assert chain[1].hash == anchored.read("SELECT hash FROM audit WHERE seq = 8")[0]["hash"]
    result = check(anchored, device)
    assert result.ok and result.checkpoints == 2 and result.signatures_checked
    assert result.acknowledged_seq is None


def test_truncating_below_a_checkpoint_is_caught_by_name(anchored: Store, device: wire.KeyPair) -> None:
    tamper(anchored, "DELETE FROM audit WHERE seq > 5")
    result = check(anchored, device)
    assert (result.ok, result.problem, result.first_bad_seq, result.checkpoint_seq) == (False, "truncated", 6, 8)
    assert "ends at entry 5" in (result.reason or "") and "kiosk init --reset" in (result.hint or "")
    with pytest.raises(audit.CheckpointRefused, match="behind the checkpoint"):
        with anchored.unit_of_work("test") as uow:
            audit.sign_checkpoint(uow.conn, device.sign, uow.at)


def test_rewriting_an_entry_and_rehashing_the_rest_is_caught(anchored: Store, device: wire.KeyPair) -> None:
    tamper(anchored, "UPDATE audit SET detail = ? WHERE seq = 6", ('{"step":600}',))
    rehash_from(anchored, 6)
    assert audit.verify(anchored.conn, device_key=None).problem == "rewritten"
    result = check(anchored, device)
    assert (result.ok, result.problem, result.first_bad_seq, result.checkpoint_seq) == (False, "rewritten", 5, 8)
    assert "between 5 and 8" in (result.reason or "")
    # The device will not sign over it: the next checkpoint is refused, the flow itself goes on.
    with anchored.unit_of_work("staff:S001") as uow:
        for i in range(EVERY):
            uow.log("case.step", "after", {"i": i})
    assert audit.last_checkpoint(anchored.conn)[0] == 8


def test_a_checkpoint_edited_to_match_a_rewrite_fails_its_signature(anchored: Store, device: wire.KeyPair) -> None:
    tamper(anchored, "UPDATE audit SET actor = 'staff:EVIL' WHERE seq = 7")
    rehash_from(anchored, 7)
    new_hash = anchored.read("SELECT hash FROM audit WHERE seq = 8")[0]["hash"]
    tamper(anchored, "UPDATE audit_checkpoints SET hash = ? WHERE seq = 8", (new_hash,))
    result = check(anchored, device)
    assert (result.ok, result.problem, result.checkpoint_seq) == (False, "checkpoint_forged", 8)
    # Re-signed with a key that is not the device's: still refused.
    other = wire.KeyPair.generate()
    prev_hash = anchored.read("SELECT hash FROM audit_checkpoints WHERE seq = 4")[0]["hash"]
    forged = wire.make_checkpoint(other.sign, seq=8, hash=new_hash, prev_seq=4, prev_hash=prev_hash, at="now")
    tamper(anchored, "UPDATE audit_checkpoints SET signed = ? WHERE seq = 8", (audit.canonical_text(forged),))
    assert check(anchored, device).problem == "checkpoint_forged"


def test_deleting_a_middle_checkpoint_is_caught(anchored: Store, device: wire.KeyPair) -> None:
    tamper(anchored, "DELETE FROM audit_checkpoints WHERE seq = 4")
    result = check(anchored, device)
    assert (result.ok, result.problem, result.checkpoint_seq) == (False, "checkpoint_unlinked", 8)


def test_what_cannot_be_caught_locally_cutting_the_checkpoints_too(anchored: Store, device: wire.KeyPair) -> None:
    """Whoever writes the file can cut the checkpoints above the cut as well: the chain then agrees
    with what is left. The county's acknowledged checkpoint catches it at the next push."""
    tamper(anchored, "DELETE FROM audit WHERE seq > 5")
    tamper(anchored, "DELETE FROM audit_checkpoints WHERE seq > 5")
    result = check(anchored, device)
    assert result.ok and result.entries == 5 and result.checkpoints == 1


def test_cli_names_a_truncation_and_what_to_do(anchored: Store, capsys: pytest.CaptureFixture) -> None:
    tamper(anchored, "DELETE FROM audit WHERE seq > 6")
    assert main(["audit", "verify", "--json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert (out["problem"], out["first_bad_seq"], out["checkpoint_seq"], out["entries"]) == ("truncated", 7, 8, 6)
    assert {"ok", "entries", "head", "first_bad_seq", "reason"} <= set(out)
    assert "broken at entry 7 (truncated)" in captured.err and "what to do:" in captured.err
