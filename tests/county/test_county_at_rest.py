"""Personal data the gateway stores (record payloads, issued items) is sealed at rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gateway_harness import GatewayProcess, SignedClient, record

from county import at_rest, issuing
from county.errors import GatewayStoreError
from county.service import Gateway
from county.store import transaction
from sync.wire import kinds

PHONE, ADDRESS, ID_NUMBER, NAME = "13912345678", "郏县龙山大道88号", "41042519850315201X", "欧阳振华"


def test_payloads_and_items_are_sealed_in_the_file(gateway: GatewayProcess, admin: Gateway,
                                                   client: SignedClient) -> None:
    mail = record("mail-1", kinds.MAIL_REQUESTED, "YJ-1",
                  payload={"recipient": NAME, "phone": PHONE, "address": ADDRESS})
    assert list(client.ack(client.seal([mail], "mail-batch"), "mail-batch").accepted) == ["mail-1"]
    with admin.locked() as conn, transaction(conn):
        issuing.issue(conn, admin.keys, kind=kinds.MASTER_BUYER, subject="410425001001GB00001F00010101/1",
                      data={"name": NAME, "id_number": ID_NUMBER}, audience=issuing.device_audience("x"),
                      now=admin.clock())
        stored = conn.execute("SELECT unseal(payload, 'records.payload') FROM records "
                              "WHERE record_id = 'mail-1'").fetchone()[0]
    assert json.loads(stored)["phone"] == PHONE
    raw = b"".join(p.read_bytes() for p in gateway.db.parent.iterdir()
                   if p.name.startswith(gateway.db.name) and not p.name.endswith("-key"))
    for secret in (PHONE, ADDRESS, ID_NUMBER, NAME):
        for form in (secret.encode("utf-8"), secret.encode("gb18030")):
            assert form not in raw, "personal data in clear in the gateway database"


def test_a_foreign_key_or_moved_value_does_not_open(tmp_path: Path) -> None:
    sealer = at_rest.load_or_create(tmp_path / "g.db")
    assert (tmp_path / "g.db.storage-key").stat().st_mode & 0o777 == 0o600
    blob = sealer.seal("秘密", "records.payload")
    assert sealer.unseal(blob, "records.payload") == "秘密"
    with pytest.raises(GatewayStoreError, match="does not open"):
        sealer.unseal(blob, "items.body")
    with pytest.raises(GatewayStoreError, match="does not open"):
        at_rest.load_or_create(tmp_path / "other.db").unseal(blob, "records.payload")
    with pytest.raises(GatewayStoreError, match="not sealed"):
        sealer.unseal(b"plain text", "records.payload")
