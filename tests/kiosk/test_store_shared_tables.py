"""The owners of the tables the kiosk shares with the sync agent (kiosk.store.outbox,
quarantine, approvals, sync_state), through their public functions, on a real store."""

from __future__ import annotations


import pytest

from kiosk import audit
from kiosk.errors import StoreError
from kiosk.store import Store, approvals, outbox, quarantine, sync_state
from sync import wire

NOW = "2026-11-28T01:00:00+00:00"


def queue(store: Store, n: int, *, kind: str = "handover.ready") -> list[str]:
    with store.unit_of_work("staff:S001") as uow:
        uow.log("test.make", "s")
        return [uow.push(kind, f"U{i}", {"i": i, "name": "张三"}) for i in range(n)]


# --- outbox -----------------------------------------------------------------------------------

def test_pushed_records_are_encrypted_and_read_back_in_order(store: Store) -> None:
    ids = queue(store, 3)
    blob = store.conn.execute("SELECT payload_enc FROM outbox WHERE record_id = ?", (ids[0],)).fetchone()[0]
    assert "张三".encode() not in blob
    records, unreadable = outbox.read_pending(store, 10)
    assert unreadable == [] and [r.record_id for r in records] == ids
    assert records[0].payload == {"i": 0, "name": "张三"} and records[0].kind == "handover.ready"
    assert records[0].audit_seq == audit.head(store.conn)[0] and not records[0].training
    assert [r.record_id for r in outbox.read_pending(store, 1, after_seq=records[0].seq)[0]] == [ids[1]]
    assert outbox.counts(store) == {outbox.PENDING: 3, outbox.ACKED: 0, outbox.QUARANTINED: 0}


def test_a_payload_under_another_context_does_not_decrypt(store: Store) -> None:
    ids = queue(store, 2)
    wrong = store.vault.encrypt('{"i": 0}', approvals.CONTEXT)
    with store.unit_of_work("test") as uow:
        uow.execute("UPDATE outbox SET payload_enc = ? WHERE record_id = ?", (wrong, ids[0]))
        uow.log("test.tamper", ids[0])
    records, unreadable = outbox.read_pending(store, 10)
    assert [r.record_id for r in records] == [ids[1]]
    assert [u.record_id for u in unreadable] == [ids[0]] and "cannot read" in unreadable[0].reason


def test_settling_moves_only_pending_records_and_quarantines_with_the_reason(store: Store) -> None:
    ids = queue(store, 3, kind="contract.signed")
    with store.unit_of_work("sync-agent") as uow:
        uow.log("sync.ack", "b1")
        outbox.mark_acked(uow, [ids[0]])
        assert outbox.mark_quarantined(uow, ids[1], "conflict", "record id reused with other content")
        assert not outbox.mark_quarantined(uow, ids[0], "conflict", "already acked stays acked")
        assert not outbox.mark_quarantined(uow, "no-such-record", "conflict", "unknown")
    assert outbox.counts(store) == {outbox.PENDING: 1, outbox.ACKED: 1, outbox.QUARANTINED: 1}
    assert quarantine.open_records(store) == [quarantine.QuarantinedRecord(
        ids[1], "contract.signed", "conflict", "record id reused with other content",
        quarantine.open_records(store)[0].at)]
    assert [r.record_id for r in outbox.read_pending(store, 10)[0]] == [ids[2]]


def test_settling_outside_an_audited_unit_of_work_is_refused_and_undone(store: Store) -> None:
    ids = queue(store, 1)
    with pytest.raises(StoreError, match="without its audit entry"):
        with store.unit_of_work("sync-agent") as uow:
            outbox.mark_acked(uow, ids)
    assert outbox.counts(store)[outbox.PENDING] == 1


# --- quarantine -------------------------------------------------------------------------------

def test_quarantine_counts_only_unresolved_and_the_newest_reason_wins(store: Store) -> None:
    ids = queue(store, 2)
    with store.unit_of_work("sync-agent") as uow:
        uow.log("sync.ack", "b1")
        quarantine.add(uow, ids[0], "handover.ready", "invalid_record", "first reason")
        quarantine.add(uow, ids[0], "handover.ready", "invalid_record", "second reason")
        quarantine.add(uow, ids[1], "handover.ready", "conflict", "other")
    assert quarantine.count_open(store) == 2
    assert [r.reason for r in quarantine.open_records(store) if r.record_id == ids[0]] == ["second reason"]
    with store.unit_of_work("staff:S001") as uow:
        uow.execute("UPDATE quarantine SET resolved_at = ? WHERE record_id = ?", (uow.at, ids[1]))
        uow.log("quarantine.resolve", ids[1])
    assert quarantine.count_open(store) == 1
    assert [r.record_id for r in quarantine.open_records(store)] == [ids[0]]


def test_a_record_not_in_the_outbox_cannot_be_quarantined(store: Store) -> None:
    with pytest.raises(StoreError) as refused:
        with store.unit_of_work("sync-agent") as uow:
            uow.log("sync.ack", "b1")
            quarantine.add(uow, "ghost", "handover.ready", "conflict", "no such record")
    assert refused.value.code == "constraint"
    assert quarantine.count_open(store) == 0


# --- approvals --------------------------------------------------------------------------------

def signed(platform: wire.KeyPair, item_id: str, subject: str = "U1", **data: object) -> dict[str, object]:
    return wire.make_item(platform.sign, item_id=item_id, kind=wire.kinds.REGISTRATION_RECORDED,
                          subject=subject, issued_at=NOW, data={"certificate_no": "豫(2026)郏县不动产权第0000001号", **data})


def test_a_kept_item_reads_back_verbatim_and_still_verifies(store: Store) -> None:
    platform = wire.KeyPair.generate()
    item = signed(platform, "i-1")
    with store.unit_of_work("sync-agent") as uow:
        uow.log("sync.pull", "c0")
        assert not approvals.is_applied(uow, "i-1")
        approvals.keep(uow, item)
        assert approvals.is_applied(uow, "i-1")
    blob, sig = store.conn.execute("SELECT body_enc, signature FROM approvals").fetchone()
    assert "郏县".encode() not in blob and len(sig) == 64
    kept = approvals.stored_item(store, "i-1")
    assert kept == item
    wire.verify_item(kept, platform.public.sign)
    assert approvals.stored_item(store, "never-received") is None


def test_refused_items_are_kept_but_not_counted_as_applied(store: Store) -> None:
    platform = wire.KeyPair.generate()
    with store.unit_of_work("sync-agent") as uow:
        uow.log("sync.pull", "c0")
        approvals.keep(uow, signed(platform, "i-1"), error="unknown_subject: no such unit")
        approvals.keep(uow, signed(platform, "i-2"))
        approvals.keep(uow, signed(platform, "i-3", subject="U2"))
        assert not approvals.is_applied(uow, "i-1")
    assert [i["item_id"] for i in approvals.applied_items(store, wire.kinds.REGISTRATION_RECORDED, "U1")] == ["i-2"]
    assert approvals.applied_items(store, wire.kinds.CONTRACT_FILED, "U1") == []
    row = store.read("SELECT status, error FROM approvals WHERE item_id = 'i-1'")[0]
    assert row == {"status": approvals.REJECTED, "error": "unknown_subject: no such unit"}


def test_a_training_item_is_kept_unsigned(store: Store) -> None:
    item = {"item_id": "TRAIN-1", "kind": wire.kinds.CONTRACT_FILED, "subject": "C1", "issued_at": NOW,
            "data": {"filing_no": "F-1", "training": True}}
    with store.unit_of_work("simulator") as uow:
        uow.log("sim", "C1")
        approvals.keep(uow, item)
    assert store.conn.execute("SELECT signature FROM approvals").fetchone()[0] == b""
    assert approvals.applied_items(store, wire.kinds.CONTRACT_FILED, "C1") == [item]


def test_a_damaged_stored_item_is_a_store_error_with_a_hint(store: Store) -> None:
    with store.unit_of_work("sync-agent") as uow:
        uow.log("sync.pull", "c0")
        approvals.keep(uow, signed(wire.KeyPair.generate(), "i-1"))
        uow.execute("UPDATE approvals SET body_enc = ? WHERE item_id = 'i-1'",
                    (store.vault.encrypt("[1, 2", approvals.CONTEXT),))
    with pytest.raises(StoreError, match="stored approval i-1 is damaged") as err:
        approvals.stored_item(store, "i-1")
    assert err.value.hint and "backup" in err.value.hint


# --- sync_state -------------------------------------------------------------------------------

def test_a_feed_never_tried_reads_empty(store: Store) -> None:
    assert set(sync_state.feeds(store)) == {sync_state.PUSH, sync_state.PULL}
    pull = sync_state.feed_state(store, sync_state.PULL)
    assert pull["feed"] == "pull" and pull["cursor"] is None and pull["consecutive_failures"] == 0
    assert sync_state.cursor(store) is None and sync_state.last_success(store.conn, sync_state.PULL) is None


def test_failures_count_up_success_moves_the_cursor_and_a_refused_item_stays_visible(store: Store) -> None:
    sync_state.record_attempt(store, sync_state.PULL, "t0")
    assert sync_state.record_failure(store, sync_state.PULL, "t1", "network", "down", halted=True) == 1
    assert sync_state.feed_state(store, sync_state.PULL)["halted"] == 1
    with sync_state.transaction(store.conn) as conn:
        sync_state.record_refused_items(conn, sync_state.PULL, 2, "t2", "2 items failed their signature")
        sync_state.record_success(conn, sync_state.PULL, "t3", cursor="c9")
    pull = sync_state.feed_state(store, sync_state.PULL)
    assert (pull["cursor"], pull["last_success"], pull["consecutive_failures"], pull["halted"]) == ("c9", "t3", 0, 0)
    assert (pull["last_error_code"], pull["items_refused"]) == (sync_state.REFUSED_ITEM, 2)
    assert sync_state.last_success(store.conn, sync_state.PULL) == "t3" and sync_state.cursor(store) == "c9"


def test_a_failed_transaction_leaves_the_cursor_where_it_was(store: Store) -> None:
    with sync_state.transaction(store.conn) as conn:
        sync_state.record_success(conn, sync_state.PULL, "t1", cursor="c1")
    with pytest.raises(RuntimeError):
        with sync_state.transaction(store.conn) as conn:
            sync_state.record_success(conn, sync_state.PULL, "t2", cursor="c2")
            raise RuntimeError("crash before commit")
    assert sync_state.cursor(store) == "c1" and not store.conn.in_transaction
