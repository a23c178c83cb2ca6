"""Tampering with the audit log is caught at the first broken entry, by the API and by the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import audit
from kiosk.cli import main
from kiosk.store import Store


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


def test_deleted_last_entry_changes_the_head(chained: Store) -> None:
    head_before = audit.head(chained.conn)[1]
    tamper(chained, "DELETE FROM audit WHERE seq = 6")
    result = audit.verify(chained.conn)
    # A truncated tail is self-consistent; it is caught by comparing heads,
    # which every sync batch carries to the platform.
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
    assert "broken at entry 5" in captured.err
