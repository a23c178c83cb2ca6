"""Pulling changes over real HTTP: audience, cursor paging, approvals and auto-approve."""

from __future__ import annotations

import time

from gateway_harness import ENGINES, GatewayProcess, SignedClient, enroll, issue_token, record

from sync import wire
from sync.wire import kinds

pytestmark = ENGINES

USCC = "91410425MA9XXXXX1A"


def _kinds(items: list[wire.Item]) -> list[str]:
    return [i.kind for i in items]


def test_each_device_sees_its_approvals_and_its_service_points_data(gateway, new_device):
    a = SignedClient(gateway.url, new_device("sp-north"))
    b = SignedClient(gateway.url, new_device("sp-south"))
    a.ack(a.seal([record("chg-a1", kinds.CONTRACT_SIGNED, "contract-a")], "chg-a"), "chg-a")
    b.ack(b.seal([record("chg-b1", kinds.CONTRACT_SIGNED, "contract-b")], "chg-b"), "chg-b")
    gateway.cli("approve", "--record", "chg-a1", "--json")
    gateway.cli("publish", "--kind", kinds.MASTER_PROJECT, "--subject", "proj-n",
                "--data", '{"name": "北区"}', "--service-point", "sp-north", "--json")
    gateway.cli("restrict", "--uscc", USCC, "--reason", "资金监管", "--json")

    seen_a = {(i.kind, i.subject) for i in a.all_items()}
    seen_b = {(i.kind, i.subject) for i in b.all_items()}
    assert (kinds.CONTRACT_FILED, "contract-a") in seen_a
    assert (kinds.MASTER_PROJECT, "proj-n") in seen_a
    assert (kinds.RESTRICTION_SET, USCC) in seen_a and (kinds.RESTRICTION_SET, USCC) in seen_b
    assert (kinds.CONTRACT_FILED, "contract-a") not in seen_b
    assert (kinds.MASTER_PROJECT, "proj-n") not in seen_b


def test_cursor_advances_and_an_empty_page_keeps_it(client, gateway):
    page = client.changes()
    end = page.next_cursor
    while page.next_cursor != page.cursor:
        page = client.changes(page.next_cursor)
        end = page.next_cursor
    assert client.changes(end).items == [] and client.changes(end).next_cursor == end
    gateway.cli("publish", "--kind", kinds.CONFIG, "--subject", "sp-1",
                "--data", '{"sync": {"interval_s": 30}}', "--service-point", "sp-1")
    newer = client.changes(end)
    assert [i["kind"] for i in newer.items] == [kinds.CONFIG] and int(newer.next_cursor) > int(end)


def test_items_in_a_page_reverify_and_a_forged_one_fails(client, gateway):
    gateway.cli("publish", "--kind", kinds.STAFF_ROSTER, "--subject", "sp-1",
                "--data", '{"staff": []}', "--service-point", "sp-1")
    items = client.changes().items
    assert items
    for raw in items:
        wire.verify_item(raw, client.device.platform.sign)
    forged = dict(items[-1], data={"staff": [{"id": "intruder"}]})
    try:
        wire.verify_item(forged, client.device.platform.sign)
    except wire.SignatureError as exc:
        assert exc.code == "bad_item_signature"
    else:
        raise AssertionError("a forged item verified")


def test_page_is_sealed_to_the_device(client):
    resp = client.send("GET", kinds.PATH_CHANGES)
    other = wire.KeyPair.generate()
    try:
        wire.open_changes(resp.content, device_id=client.device.device_id,
                          sender=client.device.platform.sign, recipient=other.kem)
    except wire.DecryptError as exc:
        assert exc.code == "decrypt_failed"
    else:
        raise AssertionError("another key opened the page")


def test_approve_confirm_and_refund_issue_signed_items(gateway, client):
    order = {"items": [{"payee": "契税", "amount_fen": 150000},
                       {"payee": "登记费", "amount_fen": 8000}]}
    client.ack(client.seal([record("pay-1", kinds.PAYMENT_ORDER, "order-1", payload=order),
                            record("reg-1", kinds.REGISTRATION_REQUESTED,
                                   "410425001001GB00001F00010001", seq=2)], "pay"), "pay")
    confirmed = gateway.cli_json("confirm-payment", "--order", "order-1")
    assert [(i["data"]["payee"], i["data"]["amount_fen"]) for i in confirmed["items"]] == [
        ("契税", 150000), ("登记费", 8000)]
    assert all(i["data"]["receipt_no"] and i["data"]["channel_serial"] for i in confirmed["items"])
    approved = gateway.cli_json("approve", "--record", "reg-1", "--certificate-no",
                                "豫(2026)郏县不动产权第0012345号")
    assert approved["approved"][0]["items"][0]["data"]["certificate_no"].endswith("0012345号")
    refunded = gateway.cli_json("confirm-payment", "--order", "order-1", "--refund")
    assert len(refunded["items"]) == 2

    items = client.all_items()
    assert _kinds(items).count(kinds.PAYMENT_CONFIRMED) == 2
    assert _kinds(items).count(kinds.PAYMENT_REFUNDED) == 2
    reg = [i for i in items if i.kind == kinds.REGISTRATION_RECORDED]
    assert reg[0].data["record_id"] == "reg-1" and reg[0].data["e_cert_token"]

    again = gateway.cli("confirm-payment", "--order", "order-1", check=False)
    assert again.returncode == 1 and "already confirmed" in again.stderr


def test_auto_approve_drives_the_demo(new_db):
    with GatewayProcess(new_db(), auto_approve=0.2) as gw:
        device = enroll(gw.url, issue_token(gw.db, gw.url), fingerprint=gw.fingerprint)
        c = SignedClient(gw.url, device)
        unit = "410425001001GB00001F00010002"
        c.ack(c.seal([
            record("auto-1", kinds.FIRST_REGISTRATION_REQUESTED, "proj-1"),
            record("auto-2", kinds.HANDOVER_READY, unit, seq=2),
            record("auto-3", kinds.CONTRACT_SIGNED, "contract-1", seq=3),
            record("auto-4", kinds.PAYMENT_ORDER, "order-2", seq=4,
                   payload={"items": [{"payee": "契税", "amount_fen": 1}]}),
            record("auto-5", kinds.MAIL_REQUESTED, "mail-1", seq=5),
            record("auto-6", "buyer.identified", "case-1", seq=6),
            record("auto-7", kinds.CONTRACT_SIGNED, "training-contract", seq=7, training=True),
        ], "auto"), "auto")
        deadline = time.monotonic() + 10
        items: list[wire.Item] = []
        while time.monotonic() < deadline and len(items) < 5:
            time.sleep(0.2)
            items = c.all_items()
        by_kind = {i.kind: i for i in items}
        assert set(by_kind) == {kinds.FIRST_REGISTRATION_APPROVED, kinds.REGISTRATION_RECORDED,
                                kinds.CONTRACT_FILED, kinds.PAYMENT_CONFIRMED, kinds.MAIL_TRACKING}
        cert = by_kind[kinds.REGISTRATION_RECORDED].data["certificate_no"]
        assert cert.startswith("豫(") and cert.endswith("号") and "郏县不动产权第" in cert
        assert by_kind[kinds.MAIL_TRACKING].data["carrier"] == "EMS"
        assert by_kind[kinds.CONTRACT_FILED].data["filing_no"]
        assert "training-contract" not in {i.subject for i in items}, "training records are never decided"
