"""The gateway's guard against a kiosk whose audit chain went back, over real HTTP: refused
unless the batch carries a kiosk.reset with an authorisation this gateway signed for this device,
used once; a resend of records it already holds is never refused."""

from __future__ import annotations

from gateway_harness import ENGINES, SignedClient, record

from county import resets
from county.service import Gateway
from county.store import transaction
from sync import wire
from sync.wire import kinds

pytestmark = ENGINES


def _authorise(admin: Gateway, device_id: str) -> dict:
    with admin.locked() as conn, transaction(conn):
        return resets.authorise(conn, admin.keys, device_id=device_id, technician="T-01",
                                reason="disk replaced", ttl_hours=1, now=admin.clock())


def _refusal(client: SignedClient, records: list[dict], batch_id: str) -> dict:
    """Send ``records`` under audit head 1 (a kiosk that started again); the refusal's body."""
    client.audit_seq = 0
    resp = client.post_batch(client.seal(records, batch_id))
    assert resp.status_code == 409, resp.text
    return resp.json()["error"]


def test_new_records_under_an_older_audit_head_are_refused_but_resends_are_not(client, admin):
    first = [record("rw-1"), record("rw-2", seq=2)]
    client.ack(client.seal(first, "rw-a"), "rw-a")
    client.ack(client.seal([record("rw-3", seq=3)], "rw-b"), "rw-b")
    before = admin.status()["records"]

    client.audit_seq = 0
    resend = client.seal(first, "rw-sneakernet")
    assert client.post_batch(resend).status_code == 200

    error = _refusal(client, [record("rw-new", seq=1)], "rw-c")
    assert error["code"] == "audit_rewound" and "kiosk init --reset" in error["hint"]
    assert "behind entry 3" in error["message"]
    assert admin.status()["records"] == before


def test_a_reset_this_gateway_authorised_is_accepted_once(client, admin, new_device):
    client.ack(client.seal([record("rs-1"), record("rs-2", seq=2), record("rs-3", seq=3)], "rs-a"), "rs-a")
    device_id = client.device.device_id
    other = new_device()
    foreign = wire.KeyPair.generate()

    def reset_record(rid: str, item: dict) -> dict:
        return record(rid, kinds.KIOSK_RESET, device_id, payload={"authorisation": item, "reason": "lost"})

    for_other = _authorise(admin, other.device_id)
    good = _authorise(admin, device_id)
    forged = wire.make_item(foreign.sign, item_id=good["item_id"], kind=kinds.RESET_AUTHORISATION,
                            subject=device_id, issued_at=good["issued_at"], data=good["data"])
    for rid, item, why in (("rs-forged", forged, "signature"), ("rs-other", for_other, "another device"),
                           ("rs-unknown", {**good, "item_id": "nope"}, "signature")):
        error = _refusal(client, [reset_record(rid, item), record(f"{rid}-x", seq=2)], rid)
        assert error["code"] == "audit_rewound" and why in error["message"], error

    client.audit_seq = 0
    ack = client.ack(client.seal([reset_record("rs-ok", good), record("rs-after", seq=2)], "rs-ok"), "rs-ok")
    assert ack.accepted == ["rs-ok", "rs-after"]
    with admin.locked() as conn:
        used = conn.execute("SELECT used_by_record FROM reset_authorisations WHERE item_id = ?",
                            (good["item_id"],)).fetchone()[0]
        head = conn.execute("SELECT audit_seq FROM device_heads WHERE device_id = ?",
                            (device_id,)).fetchone()[0]
    assert used == "rs-ok" and head == 2
    assert client.ack(client.seal([record("rs-next", seq=3)], "rs-next"), "rs-next").accepted == ["rs-next"]

    error = _refusal(client, [reset_record("rs-again", good)], "rs-again")
    assert "already used by record rs-ok" in error["message"]
