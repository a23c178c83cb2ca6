"""The gateway's audit anchor over real HTTP: a batch's signed checkpoints must pass through the
checkpoint the gateway acknowledged for the device, or the whole batch is refused (audit_diverged),
new records or not; its acknowledgement names the checkpoint it then holds."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from gateway_harness import ENGINES, SignedClient, record

from county.service import Gateway
from sync import wire
from sync.wire import errors as codes

pytestmark = ENGINES

GENESIS = (0, "0" * 64)


def point(seq: int, fork: str = "") -> tuple[int, str]:
    """A stand-in for the audit entry ``seq``'s hash; another ``fork`` is another chain."""
    return seq, hashlib.sha256(f"{fork}{seq}".encode()).hexdigest()


def chain(client: SignedClient, *points: tuple[int, str], after: tuple[int, str] = GENESIS,
          key: wire.KeyPair | None = None) -> list[dict[str, Any]]:
    signer = (key or client.device.keys).sign
    out, prev = [], after
    for seq, digest in points:
        out.append(wire.make_checkpoint(signer, seq=seq, hash=digest, prev_seq=prev[0], prev_hash=prev[1],
                                        at="2026-11-30T05:00:00Z"))
        prev = (seq, digest)
    return out


def batch(client: SignedClient, batch_id: str, checkpoints: list[dict[str, Any]], *,
          records: list[dict[str, Any]] | None = None, head: tuple[int, str] | None = None) -> bytes:
    last = head or ((checkpoints[-1]["seq"], checkpoints[-1]["hash"]) if checkpoints else (1, "0" * 64))
    return wire.seal_batch(records if records is not None else [record(f"{batch_id}-r")],
                           device_id=client.device.device_id, batch_id=batch_id,
                           audit_head={"seq": last[0], "hash": last[1]}, signer=client.device.keys.sign,
                           recipient=client.device.platform.kem, checkpoints=checkpoints)


def refused(client: SignedClient, body: bytes) -> tuple[int, str, str]:
    resp = client.post_batch(body)
    err = resp.json()["error"]
    return resp.status_code, err["code"], err["message"]


def held(admin: Gateway, client: SignedClient) -> tuple[int, str] | None:
    with admin.locked() as conn:
        row = conn.execute("SELECT seq, hash FROM device_checkpoints WHERE device_id = ?",
                           (client.device.device_id,)).fetchone()
    return None if row is None else (row[0], row[1])


def test_a_chain_through_the_held_checkpoint_moves_it_forward_and_the_ack_names_it(
        client: SignedClient, admin: Gateway) -> None:
    c10, c20, c30, c40 = point(10), point(20), point(30), point(40)
    ack = client.ack(batch(client, "a1", chain(client, c10)), "a1")
    assert ack.checkpoint == c10 and held(admin, client) == c10
    # The ack of a2 was lost: the kiosk sends c20 again with c30; the gateway holds c20 and finds it.
    assert client.ack(batch(client, "a2", chain(client, c20, after=c10)), "a2").checkpoint == c20
    ack = client.ack(batch(client, "a3", chain(client, c20, c30, after=c10)), "a3")
    assert ack.checkpoint == c30 and ack.accepted == ["a3-r"]
    # A chain that starts right after the held checkpoint, and one that only restates it.
    assert client.ack(batch(client, "a4", chain(client, c40, after=c30)), "a4").checkpoint == c40
    assert client.ack(batch(client, "a5", chain(client, c40, after=c30)), "a5").checkpoint == c40
    assert held(admin, client) == c40


def test_older_forked_or_missing_checkpoints_are_refused_whole(client: SignedClient, admin: Gateway) -> None:
    c10, c20 = point(10), point(20)
    client.ack(batch(client, "b1", chain(client, c10, c20)), "b1")
    before = admin.status()["records"]

    # Going back, even with nothing but records the gateway already has (430 -> 282 -> 0).
    status, code, message = refused(client, batch(client, "b2", chain(client, point(15)),
                                                  records=[record("b1-r")]))
    assert (status, code) == (409, codes.AUDIT_DIVERGED)
    assert "older than entry 20 the county acknowledged" in message
    # Rewritten below the held checkpoint: same length or longer, another chain.
    status, code, message = refused(client, batch(client, "b3", chain(client, point(10, "x"), point(25, "x"))))
    assert (status, code) == (409, codes.AUDIT_DIVERGED) and "does not extend the checkpoint at entry 20" in message
    # Linking to a checkpoint the gateway no longer holds (a restored copy's last acknowledgement).
    status, code, _ = refused(client, batch(client, "b4", chain(client, point(30), after=c10)))
    assert (status, code) == (409, codes.AUDIT_DIVERGED)
    # Older kiosk software that sends no checkpoint, from a device that once did.
    status, code, message = refused(client, batch(client, "b5", []))
    assert (status, code) == (409, codes.AUDIT_DIVERGED) and "without an audit checkpoint" in message
    assert admin.status()["records"] == before and held(admin, client) == c20


@pytest.mark.parametrize("attack", ["other_key", "broken_link", "head_not_last"])
def test_checkpoints_not_signed_or_linked_by_the_device_are_refused(
        client: SignedClient, admin: Gateway, attack: str) -> None:
    c10, c20 = point(10), point(20)
    client.ack(batch(client, f"c1-{attack}", chain(client, c10)), f"c1-{attack}")
    if attack == "other_key":
        body = batch(client, "c2", chain(client, c20, after=c10, key=wire.KeyPair.generate()))
    elif attack == "broken_link":
        body = batch(client, "c2", chain(client, c20, after=c10) + chain(client, point(30), after=point(25)))
    else:
        body = batch(client, "c2", chain(client, c20, after=c10), head=point(21))
    status, code, _ = refused(client, body)
    assert (status, code) == (400, codes.BAD_CHECKPOINT)
    assert held(admin, client) == c10
