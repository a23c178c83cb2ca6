"""The vectors checked by another implementation: pyhpke (HPKE, RFC 9180) and PyNaCl (libsodium's
Ed25519 and X25519), reading docs/protocol.md's rules and nothing of this repository's code.

If these pass, a county platform built on any conforming HPKE and Ed25519 library can open what the
kiosk seals and verify what it signs, and the reverse.

Bytes on the wire only: no gateway or database is involved, so nothing here depends on the
gateway's storage engine.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
from pathlib import Path
from typing import Any

import pytest
import zstandard
from nacl.exceptions import BadSignatureError
from nacl.public import PrivateKey
from nacl.signing import SigningKey, VerifyKey
from pyhpke import AEADId, CipherSuite, KDFId, KEMId

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "protocol-vectors"
SUITE = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.AES256_GCM)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text("utf-8"))
    return data


def canonical(obj: Any) -> bytes:
    """docs/protocol.md section 3: sorted keys, no whitespace, UTF-8, no escaping beyond JSON's."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify(public_hex: str, domain: str, data: bytes, signature: bytes) -> None:
    VerifyKey(bytes.fromhex(public_hex)).verify(domain.encode("ascii") + b"\n" + data, signature)


def unsigned(obj: dict[str, Any]) -> bytes:
    return canonical({k: v for k, v in obj.items() if k != "sig"})


@pytest.fixture(scope="module")
def keys() -> dict[str, Any]:
    return load("keys.json")


def test_keys_and_fingerprints(keys):
    for party in ("device", "platform"):
        k = keys[party]
        sign_pub = bytes(SigningKey(bytes.fromhex(k["ed25519_seed"])).verify_key)
        kem_pub = bytes(PrivateKey(bytes.fromhex(k["x25519_private"])).public_key)
        assert (sign_pub.hex(), kem_pub.hex()) == (k["ed25519_public"], k["x25519_public"])
        assert b64url(k["public_keys_json"]["sign"]) == sign_pub and b64url(k["public_keys_json"]["kem"]) == kem_pub
        fingerprint = hashlib.sha256(sign_pub + kem_pub).hexdigest()
        assert fingerprint == k["fingerprint"]
        assert k["short_fingerprint"] == "-".join(fingerprint[i:i + 4] for i in range(0, 16, 4))


def open_envelope(v: dict[str, Any], sender_sign_hex: str, recipient_kem_hex: str) -> Any:
    data = bytes.fromhex(v["envelope_hex"])
    assert data[:4] == b"JXSE" and data[4] == 1
    (hlen,) = struct.unpack(">I", data[5:9])
    header_bytes = data[9:9 + hlen]
    (clen,) = struct.unpack(">I", data[9 + hlen:13 + hlen])
    ciphertext = data[13 + hlen:13 + hlen + clen]
    signed, signature = data[:13 + hlen + clen], data[13 + hlen + clen:]
    assert len(signature) == 64
    verify(sender_sign_hex, "JX-ENVELOPE-1", signed, signature)
    header = json.loads(header_bytes)
    assert canonical(header) == header_bytes and header["v"] == 2
    assert header["suite"] == "HPKE-X25519-HKDF_SHA256-AES_256_GCM" and header["compression"] == "zstd"
    info = hashlib.sha256(header_bytes).digest()
    assert len(info) == 32 and info.hex() == v["hpke_info_hex"]
    enc, ct = ciphertext[:32], ciphertext[32:]
    recipient = SUITE.create_recipient_context(
        enc, SUITE.kem.deserialize_private_key(bytes.fromhex(recipient_kem_hex)), info=info)
    compressed = recipient.open(ct, aad=b"")
    assert compressed.hex() == v["compressed_hex"]
    plain = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(compressed), read_across_frames=True).read()
    assert plain.decode("utf-8") == v["plaintext_text"]
    # The same ephemeral key (RFC 9180 DeriveKeyPair of ikmE) makes byte-identical ciphertext here too.
    assert SUITE.kem.derive_key_pair(bytes.fromhex(v["hpke"]["ikmE"])).private_key.to_private_bytes().hex() == (
        v["hpke"]["skE"])
    eks = SUITE.kem.derive_key_pair(bytes.fromhex(v["hpke"]["ikmE"]))
    enc2, sender = SUITE.create_sender_context(SUITE.kem.deserialize_public_key(bytes.fromhex(v["hpke"]["pkR"])),
                                               info=info, eks=eks)
    assert enc2 + sender.seal(compressed, aad=b"") == ciphertext
    return header, json.loads(plain)


def test_batch_envelope_opens_and_verifies(keys):
    v = load("batch-envelope.json")
    header, body = open_envelope(v, keys["device"]["ed25519_public"], keys["platform"]["x25519_private"])
    assert body["records"] == v["records"] and header["count"] == len(body["records"])
    assert (header["seq_first"], header["seq_last"]) == (41, 42)
    previous = (0, "0" * 64)
    for cp in body["checkpoints"]:
        verify(keys["device"]["ed25519_public"], "JX-CHECKPOINT-1", unsigned(cp), b64url(cp["sig"]))
        assert (cp["prev_seq"], cp["prev_hash"]) == previous
        previous = (cp["seq"], cp["hash"])
    assert header["audit_head"] == {"seq": previous[0], "hash": previous[1]}
    for record in body["records"]:
        content = {k: record[k] for k in ("record_id", "kind", "subject", "training", "created_at", "payload")}
        assert hashlib.sha256(canonical(content)).hexdigest() == v["record_digests"][record["record_id"]]


def test_changes_envelope_and_items(keys):
    v = load("changes-envelope.json")
    header, page = open_envelope(v, keys["platform"]["ed25519_public"], keys["device"]["x25519_private"])
    assert (page["cursor"], page["next_cursor"]) == (header["cursor"], header["next_cursor"])
    for item, explained in zip(page["items"], v["items"], strict=True):
        assert unsigned(item).decode("utf-8") == explained["unsigned_canonical_text"]
        verify(keys["platform"]["ed25519_public"], "JX-ITEM-1", unsigned(item), b64url(item["sig"]))


def test_requests_are_signed_as_the_document_says(keys):
    envelope = bytes.fromhex(load("batch-envelope.json")["envelope_hex"])
    for req in load("request-signing.json")["requests"]:
        body = envelope if req["method"] == "POST" else b""
        h = req["headers"]
        assert h["X-JX-Body-SHA256"] == hashlib.sha256(body).hexdigest()
        assert len(b64url(h["X-JX-Nonce"])) == 16
        text = "\n".join((req["method"], req["target"], h["X-JX-Device"], h["X-JX-Timestamp"], h["X-JX-Nonce"],
                          h["X-JX-Body-SHA256"]))
        assert text == req["canonical_request_text"]
        verify(keys["device"]["ed25519_public"], "JX-REQ-1", text.encode("utf-8"), b64url(h["X-JX-Signature"]))
        with pytest.raises(BadSignatureError):
            verify(keys["device"]["ed25519_public"], "JX-REQ-1", text.replace("POST", "PUT").replace(
                "GET", "PUT").encode("utf-8"), b64url(h["X-JX-Signature"]))


def test_ack_is_signed_by_the_platform(keys):
    v = load("ack.json")
    body = json.loads(v["body_text"])
    assert isinstance(body["server_time"], float)
    assert unsigned(body).decode("utf-8") == v["unsigned_canonical_text"]
    verify(keys["platform"]["ed25519_public"], "JX-ACK-1", unsigned(body), b64url(body["sig"]))


def test_enrollment_proof_and_pinned_fingerprint(keys):
    v = load("enrollment.json")
    qr = json.loads(v["qr_text"])
    assert qr["jx"] == "enroll" and qr["v"] == 1 and qr["fp"] == keys["platform"]["fingerprint"]
    request = v["request"]
    sign_pub = b64url(request["keys"]["sign"])
    assert sign_pub.hex() == keys["device"]["ed25519_public"]
    VerifyKey(sign_pub).verify(b"JX-ENROLL-1\n" + canonical({k: request[k] for k in ("token", "keys", "label")}),
                               b64url(request["proof"]))
    platform = v["response"]["platform"]
    assert hashlib.sha256(b64url(platform["sign"]) + b64url(platform["kem"])).hexdigest() == qr["fp"]
