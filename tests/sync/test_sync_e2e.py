"""End to end over real HTTP on 127.0.0.1: enroll, push, approve at the gateway, pull and apply.

Tests marked ``@ENGINES`` run with the gateway on each engine: the kiosk's records stored once,
approved and pulled back through the cursor, a conflicting resend, and the duplicates of an import
sent again online. The others run with the gateway on SQLite: they end at the kiosk before the
gateway stores anything (a wrong fingerprint, no enrollment, a second agent), or the gateway's side
of them (tokens, revocation) runs on both engines in tests/county (test_county_enroll,
test_county_hostile)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import segno

from kiosk.config import load_config
from kiosk.errors import FlowError
from kiosk.identity import is_enrolled, load_identity
from kiosk.services import inbound
from sync import wire
from sync.errors import EXIT_REVOKED
from sync.lock import AgentLock
from kiosk.status import summary
from gateway_harness import ENGINES
from sync_gateway import LiveGateway
from sync_kiosk import fill_outbox, kiosk, make_agent, open_store
from kiosk.store import sync_state as state
from kiosk.store.approvals import stored_item
from kiosk.store.outbox import counts as outbox_counts
from kiosk.store.sync_state import feed_state

TEST_KIND = "test.note"
APPLIED: list[dict[str, object]] = []


def _note_handler(uow, item):  # noqa: ANN001, ANN202
    if item["data"].get("refuse"):
        uow.log("test.note.partial", item["subject"])
        raise FlowError("this note is refused on purpose", code="test_refused")
    uow.log("test.note", item["subject"], {"item_id": item["item_id"]})
    APPLIED.append(item)


@ENGINES
def test_records_reach_the_gateway_once_and_approvals_come_back(enrolled: Path, gateway: LiveGateway,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(inbound.HANDLERS, TEST_KIND, _note_handler)
    store = open_store(enrolled)
    ids = fill_outbox(store, 7)
    reg = fill_outbox(store, 1, kind=wire.kinds.REGISTRATION_REQUESTED, start=100)[0]

    first = kiosk(enrolled, "sync", "--once", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"pushed": 8, "accepted": 8, "rejected": 0, "pulled": 0, "errors": []}
    again = kiosk(enrolled, "sync", "--once", "--json")
    assert json.loads(again.stdout)["pushed"] == 0
    status = gateway.status()
    assert (status["records"], status["duplicates"], status["rejected"]) == (8, 0, 0)
    stored = {r[0] for r in gateway.query("SELECT record_id FROM records")}
    assert stored == set(ids) | {reg}
    assert outbox_counts(store) == {"pending": 0, "acked": 8, "quarantined": 0}

    device_id = load_identity(load_config(enrolled).key_dir).device_id
    approval = gateway.approve(reg)[0]
    note = gateway.issue_to(device_id, kind=TEST_KIND, subject="note-1", data={"text": "好"})
    refused = gateway.issue_to(device_id, kind=TEST_KIND, subject="note-2", data={"refuse": True})
    APPLIED.clear()
    result = make_agent(enrolled, store).cycle()
    assert result.errors == [] and result.pull.pulled == 3
    assert [i["item_id"] for i in APPLIED] == [note["item_id"]]
    rows = {r["item_id"]: r for r in store.read("SELECT item_id, kind, status, error FROM approvals")}
    assert rows[note["item_id"]]["status"] == "applied"
    assert rows[refused["item_id"]]["status"] == "rejected"
    assert rows[refused["item_id"]]["error"].startswith("test_refused:")
    assert rows[approval["item_id"]]["kind"] == wire.kinds.REGISTRATION_RECORDED
    assert store.read("SELECT count(*) AS n FROM audit WHERE action = 'test.note.partial'")[0]["n"] == 0
    kept = stored_item(store, note["item_id"])
    assert kept == note
    wire.verify_item(kept, load_identity(load_config(enrolled).key_dir).enrollment.platform_sign_key())

    APPLIED.clear()
    assert make_agent(enrolled, store).cycle().pull.pulled == 0
    assert APPLIED == []
    from kiosk.audit import verify
    assert verify(store.conn).ok

    info = summary(store, load_config(enrolled))
    assert info["device_id"] == device_id and info["enrolled"] is True
    assert (info["outbox_pending"], info["quarantined"], info["revoked"], info["stopped"]) == (0, 0, False, None)
    assert info["feeds"]["pull"]["cursor"] and info["feeds"]["push"]["last_success"]
    assert info["master_data"]["level"] == "ok"
    store.close()


@ENGINES
def test_rejected_records_are_quarantined_and_the_rest_keep_flowing(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    first = fill_outbox(store, 3)
    make_agent(enrolled, store).cycle()
    # The same record id with other content (a local bug, or a restored backup) is a conflict.
    vault_payload = store.vault.encrypt('{"i": "changed"}', "outbox.payload")
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("UPDATE outbox SET state = 'pending', payload_enc = ? WHERE record_id = ?",
                       (vault_payload, first[1]))
    store.conn.execute("COMMIT")
    with store.unit_of_work("test") as uow:
        uow.log("test.bad", "x")
        bad_kind = uow.push("Not A Kind!", "x", {})
    later = fill_outbox(store, 4, start=50)
    result = make_agent(enrolled, store).cycle()
    assert result.errors == []
    assert (result.push.accepted, result.push.rejected) == (4, 2)
    quarantine = {r["record_id"]: r for r in store.read("SELECT record_id, code, reason FROM quarantine")}
    assert quarantine[first[1]]["code"] == "conflict" and quarantine[first[1]]["reason"]
    assert quarantine[bad_kind]["code"] == "invalid_record"
    assert set(later) <= {r[0] for r in gateway.query("SELECT record_id FROM records")}
    assert outbox_counts(store)["pending"] == 0
    assert summary(store, load_config(enrolled))["quarantined"] == 2
    store.close()


def test_enroll_by_qr_image_pins_the_fingerprint(data_dir: Path, gateway: LiveGateway, tmp_path: Path) -> None:
    offer = gateway.token("SP-QR")
    forged = wire.EnrollmentOffer(offer.url, offer.token, "0" * 64, offer.service_point)
    segno.make(forged.to_qr_text(), error="m").save(tmp_path / "forged.png", scale=6)
    bad = kiosk(data_dir, "enroll", "--qr", str(tmp_path / "forged.png"))
    assert bad.returncode == 1 and "fingerprint" in bad.stderr
    assert not is_enrolled(load_config(data_dir).key_dir)

    fresh = gateway.token("SP-QR")
    segno.make(fresh.to_qr_text(), error="m").save(tmp_path / "enroll.png", scale=6)
    ok = kiosk(data_dir, "enroll", "--qr", str(tmp_path / "enroll.png"), "--json")
    assert ok.returncode == 0, ok.stderr
    answer = json.loads(ok.stdout)
    assert answer["fingerprint"] == fresh.fingerprint and answer["service_point"] == "SP-QR"
    assert answer["pinned_from"] == "qr"
    again = kiosk(data_dir, "enroll", "--qr", str(tmp_path / "enroll.png"))
    assert again.returncode == 1 and "already enrolled" in again.stderr


def test_used_or_expired_tokens_are_refused_clearly(data_dir: Path, gateway: LiveGateway,
                                                    tmp_path: Path) -> None:
    expired = gateway.token(ttl_hours=-1)
    out = kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", expired.token,
                "--fingerprint", expired.fingerprint)
    assert out.returncode == 1 and "token_expired" in out.stderr and "new one" in out.stderr
    offer = gateway.token()
    assert kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer.token,
                 "--fingerprint", offer.fingerprint).returncode == 0
    other = tmp_path / "other-kiosk"
    assert kiosk(other, "init").returncode == 0
    used = kiosk(other, "enroll", "--gateway", gateway.url, "--token", offer.token,
                 "--fingerprint", offer.fingerprint)
    assert used.returncode == 1 and "token_used" in used.stderr and "already used" in used.stderr
    missing = kiosk(data_dir, "enroll", "--gateway", gateway.url)
    assert missing.returncode == 1 and "--token" in missing.stderr


def test_enrolling_by_address_needs_the_fingerprint_or_an_explicit_trust_on_first_use(
        data_dir: Path, gateway: LiveGateway) -> None:
    offer = gateway.token()
    refused = kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer.token)
    assert refused.returncode == 1 and "--fingerprint" in refused.stderr and "--trust-on-first-use" in refused.stderr
    assert not is_enrolled(load_config(data_dir).key_dir)
    tofu = kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer.token, "--trust-on-first-use")
    assert tofu.returncode == 0 and offer.fingerprint in tofu.stdout and "compare the fingerprint" in tofu.stdout
    assert is_enrolled(load_config(data_dir).key_dir)


def test_sync_before_enrollment_says_to_enroll(data_dir: Path) -> None:
    out = kiosk(data_dir, "sync", "--once")
    assert out.returncode == 1 and "kiosk enroll" in out.stderr


def test_second_agent_for_the_same_data_dir_is_refused(enrolled: Path) -> None:
    with AgentLock(enrolled):
        out = kiosk(enrolled, "sync", "--once")
    assert out.returncode == 1 and "already running" in out.stderr


def test_revoked_device_stops_and_says_so(enrolled: Path, gateway: LiveGateway) -> None:
    store = open_store(enrolled)
    fill_outbox(store, 2)
    gateway.revoke(load_identity(load_config(enrolled).key_dir).device_id)
    out = kiosk(enrolled, "sync", "--once", "--json")
    assert out.returncode == EXIT_REVOKED
    assert "revoked" in out.stderr
    assert json.loads(out.stdout)["errors"][0]["code"] == "revoked_device"
    assert make_agent(enrolled, store).run() == EXIT_REVOKED
    daemon = kiosk(enrolled, "sync")
    assert daemon.returncode == EXIT_REVOKED and "stopped" in daemon.stderr and "revoked" in daemon.stderr
    info = summary(store, load_config(enrolled))
    assert info["revoked"] is True and info["outbox_pending"] == 2
    assert info["stopped"]["code"] == "revoked_device" and "revoked" in info["stopped"]["reason"]
    assert feed_state(store, state.PUSH)["last_error_code"] == "revoked_device"
    # No new real record on a revoked kiosk, and nothing half-written; training still runs.
    audit_before = store.read("SELECT count(*) AS n FROM audit")[0]["n"]
    with pytest.raises(FlowError, match="stopped real work.*revoked_device") as err:
        with store.unit_of_work("S001") as uow:
            uow.log("payment.order", "U1")
            uow.push(wire.kinds.PAYMENT_ORDER, "U1", {"items": []})
    assert err.value.code == "kiosk_halted" and "training still works" in (err.value.hint or "")
    assert store.read("SELECT count(*) AS n FROM audit")[0]["n"] == audit_before
    assert outbox_counts(store)["pending"] == 2
    training = kiosk(enrolled, "simulate", "--handovers", "1", "--json")
    assert training.returncode == 0 and json.loads(training.stdout.splitlines()[-1])["delivered"] == 1
    store.close()


@ENGINES
def test_export_then_import_then_online_sync_stores_each_record_once(enrolled: Path, gateway: LiveGateway,
                                                                     tmp_path: Path) -> None:
    store = open_store(enrolled)
    ids = fill_outbox(store, 12)
    (enrolled / "kiosk.toml").write_text("[sync]\nbatch_max_records = 5\n")
    out = kiosk(enrolled, "export", "--out", str(tmp_path / "usb"), "--json")
    assert out.returncode == 0, out.stderr
    exported = json.loads(out.stdout)
    assert exported["records"] == 12 and len(exported["files"]) == 3
    assert outbox_counts(store)["pending"] == 12
    for name in exported["files"]:
        gateway.gateway.import_envelope(Path(name).read_bytes())
    assert gateway.status()["records"] == 12
    result = make_agent(enrolled, store).cycle()
    assert (result.push.accepted, result.push.rejected) == (12, 0)
    status = gateway.status()
    # Stored once each; the online resend is only counted as a duplicate delivery.
    assert (status["records"], status["duplicates"]) == (12, 12)
    assert {r[0] for r in gateway.query("SELECT record_id FROM records")} == set(ids)
    store.close()


@pytest.mark.parametrize("fingerprint", ["ab" * 32])
def test_enroll_with_a_wrong_fingerprint_stores_nothing(data_dir: Path, gateway: LiveGateway,
                                                        fingerprint: str) -> None:
    offer = gateway.token()
    out = kiosk(data_dir, "enroll", "--gateway", gateway.url, "--token", offer.token,
                "--fingerprint", fingerprint)
    assert out.returncode == 1 and "fingerprint" in out.stderr
    assert not is_enrolled(load_config(data_dir).key_dir)
