"""The change feed in one process: exactly the changes after a cursor, sync bookkeeping, and its cost."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from kiosk.app import ChangeCursor, ChangeFeed, Kiosk
from kiosk.app.changes import SYNC
from kiosk.services import certificates, contracts, handover, payments
from kiosk.services.signatures import sample_bundle
from kiosk.services.simulate import SIMULATOR, _training_actor
from kiosk.services.staff import Actor
from kiosk.store import Store
from kiosk.vault import Vault

from .conftest import STAFF, audit_rows

TECH = Actor("tech", "system")


def test_changes_since_gives_exactly_what_came_after_the_cursor(stocked: Kiosk) -> None:
    cursor = stocked.change_cursor()
    assert cursor.seq == audit_rows(stocked)[-1][0]
    assert stocked.changes_since(cursor).changes == ()
    units = [r["code"] for r in stocked.store.read("SELECT code FROM units ORDER BY code LIMIT 2")]
    first = stocked.run(handover.mark_keys_ready, STAFF, units[0])
    second = stocked.run(certificates.add_stock, TECH, ["JX-9000001", "JX-9000002"])
    batch = stocked.changes_since(cursor)
    assert batch.pairs == [("unit.keys_ready", units[0]), ("stock.receive", "certificate_stock")]
    assert [c.seq for c in batch.changes] == [c.seq for c in first.changes + second.changes]
    assert batch.touches(units[0]) and not batch.touches(units[1])
    assert batch.cursor.seq == second.changes[-1].seq and not batch.more
    assert stocked.changes_since(batch.cursor).changes == ()


def test_a_long_backlog_comes_in_batches(stocked: Kiosk) -> None:
    units = [r["code"] for r in stocked.store.read("SELECT code FROM units ORDER BY code LIMIT 5")]
    cursor = stocked.change_cursor()
    for unit in units:
        stocked.run(handover.mark_keys_ready, STAFF, unit)
    seen: list[str] = []
    rounds = 0
    while True:
        batch = stocked.changes_since(cursor, limit=2)
        seen.extend(c.subject for c in batch.changes)
        cursor = batch.cursor
        rounds += 1
        if not batch.more:
            break
    assert seen == units and rounds == 3
    with pytest.raises(ValueError):
        stocked.changes_since(cursor, limit=0)


def test_sync_bookkeeping_without_an_audit_entry_is_a_sync_change(kiosk: Kiosk) -> None:
    cursor = kiosk.change_cursor()
    conn = kiosk.store.conn
    # What the sync agent writes after a failed attempt: no audit entry, only its own row.
    with conn:
        conn.execute("INSERT INTO sync_state (feed, last_attempt) VALUES ('push', '2026-11-20T02:00:00+00:00')")
    batch = kiosk.changes_since(cursor)
    assert batch.pairs == [(SYNC, "push")] and batch.cursor.seq == cursor.seq
    assert kiosk.changes_since(batch.cursor).changes == ()
    with conn:
        conn.execute("UPDATE sync_state SET last_error = 'gateway unreachable', consecutive_failures = 1 "
                     "WHERE feed = 'push'")
        conn.execute("INSERT INTO sync_state (feed, last_success) VALUES ('pull', '2026-11-20T02:00:01+00:00')")
    again = kiosk.changes_since(batch.cursor)
    assert sorted(again.pairs) == [(SYNC, "pull"), (SYNC, "push")]
    assert kiosk.changes_since(again.cursor).changes == ()


def test_the_feed_is_read_only(kiosk: Kiosk) -> None:
    feed = ChangeFeed(kiosk.store.path)
    try:
        import sqlite3

        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            feed._conn.execute("DELETE FROM audit")
    finally:
        feed.close()


def test_a_feed_on_a_missing_database_is_a_store_error(tmp_path: Path) -> None:
    from kiosk.errors import StoreError

    with pytest.raises(StoreError, match="cannot read changes"):
        ChangeFeed(tmp_path / "absent.sqlite")


ENTRIES = 200_000


def _big_store(path: Path, key_dir: Path) -> None:
    with Store(path, Vault.from_key_dir(key_dir)) as store:
        rows = ((seq, "2026-11-20T02:00:00+00:00", "staff:S001", "handover.identify", f"JF-{seq:012d}",
                 '{"buyer":1,"id":"410425********1234","method":"card"}', "0" * 64, "0" * 64)
                for seq in range(1, ENTRIES + 1))
        with store.conn:
            store.conn.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            store.conn.execute("INSERT INTO sync_state (feed, last_success) VALUES ('pull', 'x'), ('push', 'y')")


def _median_ms(feed: ChangeFeed, cursor: ChangeCursor, rounds: int = 300) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        feed.since(cursor)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def test_polling_a_store_with_many_entries_is_cheap(data_dir: Path, tmp_path: Path) -> None:
    big, small = tmp_path / "big.sqlite", tmp_path / "small.sqlite"
    _big_store(big, data_dir / "keys")
    with Store(small, Vault.from_key_dir(data_dir / "keys")):
        pass
    feed, baseline = ChangeFeed(big), ChangeFeed(small)
    try:
        head = feed.cursor()
        assert head.seq == ENTRIES
        idle = _median_ms(feed, head)
        behind = _median_ms(feed, ChangeCursor(ENTRIES - 20, head.sync))
        empty = _median_ms(baseline, baseline.cursor())
        assert len(feed.since(ChangeCursor(ENTRIES - 20, head.sync)).changes) == 20
    finally:
        feed.close()
        baseline.close()
    print(f"\nchange feed poll, {ENTRIES} audit entries: {idle:.3f} ms idle, {behind:.3f} ms with 20 new; "
          f"empty store {empty:.3f} ms")
    # One indexed range query: the size of the log must not matter, and a poll every 500 ms costs nothing.
    assert idle < max(5 * empty, 2.0) and behind < 10.0


def test_a_filed_contract_and_a_paid_order_name_their_unit_for_the_screens_that_watch_it(kiosk: Kiosk) -> None:
    """The buyer's case screen watches unit codes: a filing or a payment that arrives must touch the unit."""
    unit = kiosk.stage_sample("drafted").value
    contract = kiosk.case(unit).contract
    assert contract is not None
    # Staff take the signatures at the counter (the simulator itself may not: nobody would have identified
    # the signers).
    kiosk.run(contracts.sign, _training_actor(kiosk.ctx, "staff"), contract.contract_id,
              {h.buyer_id: sample_bundle(contract.doc_hash, seed=h.buyer_id) for h in kiosk.case(unit).holders})
    cursor = kiosk.change_cursor()
    assert kiosk.platform_step(unit).value == "contract_filed"
    filed = kiosk.changes_since(cursor)
    assert ("contract.filed", contract.contract_id) in filed.pairs and filed.touches(unit)
    order = kiosk.run(payments.create_order, SIMULATOR, unit).value
    cursor = kiosk.change_cursor()
    assert kiosk.platform_step(unit).value == "payment_confirmed"
    paid = kiosk.changes_since(cursor)
    assert ("payment.paid", order) in paid.pairs
    assert all(c.unit == unit for c in paid.changes if c.kind == "payment.paid")
