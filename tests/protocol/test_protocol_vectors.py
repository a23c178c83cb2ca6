"""The test vectors in docs/protocol-vectors are what the code writes today, and the product opens them.

If this fails after a deliberate protocol change: regenerate with
``python -m sync.wire.vectors --out docs/protocol-vectors``, bump the protocol
version and say what changed in docs/protocol.md.

The vectors are bytes on the wire; no gateway or database is involved, so nothing here depends on
the gateway's storage engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync import wire
from sync.wire import vectors

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "protocol-vectors"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text("utf-8"))
    return data


def test_vector_files_are_exactly_what_the_code_writes():
    assert sorted(p.name for p in VECTORS.glob("*.json")) == sorted(vectors.build())
    assert vectors.differences(VECTORS) == []


def test_check_command_names_a_drifted_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert vectors.main(["--out", str(tmp_path)]) == 0
    assert vectors.main(["--check", str(tmp_path)]) == 0
    ack = json.loads((tmp_path / "ack.json").read_text("utf-8"))
    ack["ack"]["server_time"] = 1796025600.5
    (tmp_path / "ack.json").write_text(vectors.render(ack), "utf-8")
    (tmp_path / "keys.json").unlink()
    assert vectors.main(["--check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "ack.json: differs" in err and "keys.json: differs" in err and "batch" not in err


def test_version_is_named_the_same_everywhere():
    assert all(load(name)["protocol_version"] == wire.envelope.HEADER_VERSION == 2 for name in vectors.build())
    text = (VECTORS.parent / "protocol.md").read_text("utf-8")
    assert "Protocol version 2" in text and "`info` = SHA-256(header bytes)" in text


def test_derive_key_pair_matches_rfc_9180_appendix_a1():
    """RFC 9180 A.1.1 (DHKEM(X25519, HKDF-SHA256)): ikmE -> skEm, pkEm."""
    sk = vectors.derive_key_pair(bytes.fromhex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"))
    assert vectors._raw_private(sk).hex() == "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736"
    assert vectors._raw_public(sk.public_key()).hex() == (
        "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")


def _pair(party: str) -> wire.KeyPair:
    return vectors.fixed_keys(party)[0]


def test_product_opens_the_batch_vector():
    v = load("batch-envelope.json")
    device, platform = _pair("device"), _pair("platform")
    data = bytes.fromhex(v["envelope_hex"])
    batch = wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)
    assert batch.records == v["records"] and batch.header == v["header"]
    assert wire.verify_chain(batch.checkpoints, device.public.sign)[-1].ref == (
        v["header"]["audit_head"]["seq"], v["header"]["audit_head"]["hash"])
    assert {r["record_id"]: wire.record_digest(r) for r in batch.records} == v["record_digests"]
    # The product's own sealing makes the same header bytes and opens the same way.
    again = wire.seal_batch(v["records"], device_id=v["header"]["device_id"], batch_id=v["header"]["batch_id"],
                            audit_head=v["header"]["audit_head"], signer=device.sign, recipient=platform.public.kem,
                            created_at=v["header"]["created_at"],
                            checkpoints=[c["checkpoint"] for c in v["checkpoints"]])
    env = wire.parse_envelope(again)
    assert env.header_bytes.hex() == v["header_bytes_hex"] and len(again) == v["envelope_length"]
    assert env.ciphertext != bytes.fromhex(v["ciphertext_field_hex"])  # a fresh ephemeral key each time
    assert wire.open_batch(again, sender=device.public.sign, recipient=platform.kem).records == v["records"]


def test_product_opens_the_changes_vector():
    v = load("changes-envelope.json")
    device, platform = _pair("device"), _pair("platform")
    page = wire.open_changes(bytes.fromhex(v["envelope_hex"]), device_id=v["header"]["device_id"],
                             sender=platform.public.sign, recipient=device.kem)
    assert page.items == v["page"]["items"] and page.next_cursor == "1207"
    assert [wire.verify_item(i, platform.public.sign).item_id for i in page.items] == [
        i["item"]["item_id"] for i in v["items"]]


def test_product_verifies_requests_ack_and_enrollment():
    device, platform = _pair("device"), _pair("platform")
    batch = bytes.fromhex(load("batch-envelope.json")["envelope_hex"])
    for req in load("request-signing.json")["requests"]:
        body = batch if req["method"] == "POST" else b""
        auth = wire.verify_request(req["headers"], method=req["method"], target=req["target"], body=body,
                                   device=device.public.sign, clock=lambda: vectors.NOW)
        assert auth.nonce == req["nonce"]
    ack = load("ack.json")
    got = wire.verify_ack(ack["body_text"].encode("utf-8"), platform.public.sign,
                          device_id=ack["ack"]["device_id"], batch_id=ack["ack"]["batch_id"])
    assert got.server_time == 1796025600.25 and got.checkpoint == (97, "c5" * 32)
    enroll = load("enrollment.json")
    offer = wire.EnrollmentOffer.parse(enroll["qr_text"])
    assert offer.fingerprint == platform.public.fingerprint()
    assert wire.verify_enroll_request(enroll["request"]).keys.fingerprint() == device.public.fingerprint()
    assert wire.parse_enroll_response(enroll["response"],
                                      expected_fingerprint=offer.fingerprint).device_id == "d-5e1f0c2a9b7d4e31"


def test_one_changed_byte_anywhere_is_refused():
    v = load("batch-envelope.json")
    device, platform = _pair("device"), _pair("platform")
    data = bytes.fromhex(v["envelope_hex"])
    for at in (4, 9 + 5, v["layout"]["ciphertext_at"] + 3, len(data) - 1):
        changed = data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:]
        with pytest.raises(wire.WireError):
            wire.open_batch(changed, sender=device.public.sign, recipient=platform.kem)
