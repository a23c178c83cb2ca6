"""Test vectors of the sync protocol (docs/protocol.md), written from this module's code.

    python -m sync.wire.vectors --out docs/protocol-vectors     # write the JSON files
    python -m sync.wire.vectors --check docs/protocol-vectors   # exit 1 when a file differs

Everything comes from the functions the kiosk and the gateway use (canonical
JSON, headers, compression, packing, request signing, acks, items,
checkpoints, enrollment) with fixed keys, times and nonces. Ed25519 is
deterministic, so those outputs are reproducible as they are. HPKE sealing is
not: the sender makes a fresh ephemeral key each time and
``cryptography``'s API does not take one. So the sealing step alone is done
here by RFC 9180's own algorithm (``_encap_and_seal``, base mode,
DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) with the ephemeral key
derived by ``DeriveKeyPair`` from a fixed ``ikmE``, showing every
intermediate value; the tests open the result with the product's own
``open_batch``/``open_changes`` and with an independent HPKE library.

Binary values are lowercase hex; text that travels as text is given as text
as well. Nothing here is used by the product at run time.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import struct
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.wire import checkpoints, enrollment, envelope, kinds, messages, signing
from sync.wire.encoding import b64e, canonical_json, sha256_hex
from sync.wire.keys import KeyPair
from sync.wire.records import make_record, record_digest

VERSION = envelope.HEADER_VERSION
NOW = 1796025600  # 2026-11-30T08:00:00Z
CREATED_AT = "2026-11-30T08:00:00Z"

# RFC 9180 identifiers of the one suite (section 7).
KEM_ID, KDF_ID, AEAD_ID = 0x0020, 0x0001, 0x0002
_KEM_SUITE_ID = b"KEM" + struct.pack(">H", KEM_ID)
_HPKE_SUITE_ID = b"HPKE" + struct.pack(">HHH", KEM_ID, KDF_ID, AEAD_ID)
_MODE_BASE = 0x00
_N_SECRET, _N_K, _N_N = 32, 32, 12


def _seed(label: str) -> bytes:
    return hashlib.sha256(f"jx-protocol-vectors {label}".encode("ascii")).digest()


def fixed_keys(party: str) -> tuple[KeyPair, dict[str, Any]]:
    """A party's key pair from fixed seeds, and its description (seeds, public keys, fingerprint)."""
    sign_seed, kem_seed = _seed(f"{party} ed25519"), _seed(f"{party} x25519")
    pair = KeyPair.from_private_dict({"sign_private": b64e(sign_seed), "kem_private": b64e(kem_seed)})
    sign_raw, kem_raw = pair.public.raw()
    return pair, {
        "ed25519_seed": sign_seed.hex(), "x25519_private": kem_seed.hex(),
        "ed25519_public": sign_raw.hex(), "x25519_public": kem_raw.hex(),
        "public_keys_json": pair.public.to_dict(),
        "fingerprint_input": (sign_raw + kem_raw).hex(),
        "fingerprint": pair.public.fingerprint(), "short_fingerprint": pair.public.short_fingerprint(),
    }


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt, ikm, hashlib.sha256).digest()


def _expand(prk: bytes, info: bytes, length: int) -> bytes:
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def _labeled_extract(suite_id: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return _extract(salt, b"HPKE-v1" + suite_id + label + ikm)


def _labeled_expand(suite_id: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    return _expand(prk, struct.pack(">H", length) + b"HPKE-v1" + suite_id + label + info, length)


def derive_key_pair(ikm: bytes) -> X25519PrivateKey:
    """RFC 9180 section 7.1.3 DeriveKeyPair for DHKEM(X25519, HKDF-SHA256)."""
    dkp_prk = _labeled_extract(_KEM_SUITE_ID, b"", b"dkp_prk", ikm)
    return X25519PrivateKey.from_private_bytes(_labeled_expand(_KEM_SUITE_ID, dkp_prk, b"sk", b"", 32))


def _encap_and_seal(plaintext: bytes, recipient: X25519PublicKey, info: bytes,
                    ikm_e: bytes) -> tuple[bytes, dict[str, str]]:
    """SetupBaseS with the ephemeral key from ``ikm_e``, then one Seal with empty aad (RFC 9180
    sections 4.1, 5.1, 5.2); returns the ciphertext field (enc || ct) and every intermediate."""
    sk_e = derive_key_pair(ikm_e)
    enc, pk_r = _raw_public(sk_e.public_key()), _raw_public(recipient)
    dh = sk_e.exchange(recipient)
    kem_context = enc + pk_r
    eae_prk = _labeled_extract(_KEM_SUITE_ID, b"", b"eae_prk", dh)
    shared_secret = _labeled_expand(_KEM_SUITE_ID, eae_prk, b"shared_secret", kem_context, _N_SECRET)
    psk_id_hash = _labeled_extract(_HPKE_SUITE_ID, b"", b"psk_id_hash", b"")
    info_hash = _labeled_extract(_HPKE_SUITE_ID, b"", b"info_hash", info)
    context = bytes([_MODE_BASE]) + psk_id_hash + info_hash
    secret = _labeled_extract(_HPKE_SUITE_ID, shared_secret, b"secret", b"")
    key = _labeled_expand(_HPKE_SUITE_ID, secret, b"key", context, _N_K)
    base_nonce = _labeled_expand(_HPKE_SUITE_ID, secret, b"base_nonce", context, _N_N)
    ct = AESGCM(key).encrypt(base_nonce, plaintext, b"")
    steps = {
        "mode": "base (0x00)", "kem_id": f"0x{KEM_ID:04x}", "kdf_id": f"0x{KDF_ID:04x}",
        "aead_id": f"0x{AEAD_ID:04x}", "ikmE": ikm_e.hex(), "skE": _raw_private(sk_e).hex(),
        "pkE_enc": enc.hex(), "pkR": pk_r.hex(), "dh": dh.hex(), "kem_context": kem_context.hex(),
        "shared_secret": shared_secret.hex(), "info": info.hex(), "psk_id_hash": psk_id_hash.hex(),
        "info_hash": info_hash.hex(), "key_schedule_context": context.hex(), "secret": secret.hex(),
        "key": key.hex(), "base_nonce": base_nonce.hex(), "aad": "", "sequence_number": "0",
        "nonce": base_nonce.hex(), "aead_ciphertext_with_tag": ct.hex(),
    }
    return enc + ct, steps


def _signed(domain: bytes, data: bytes, *, text: bool = True) -> dict[str, str]:
    message = domain + b"\n" + data
    shown = {"domain": domain.decode("ascii"), "signed_message_hex": message.hex()}
    return {**shown, "signed_message_text": message.decode("utf-8")} if text else shown


def _unsigned_bytes(obj: Mapping[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in obj.items() if k != "sig"})


def _sealed(header: dict[str, Any], body: Any, *, recipient: X25519PublicKey, signer: KeyPair,
            ikm_label: str) -> tuple[bytes, dict[str, Any]]:
    header_bytes = canonical_json(header)
    plain = canonical_json(body)
    compressed = envelope.compress(body)
    info = envelope.hpke_info(header_bytes)
    ciphertext, hpke_steps = _encap_and_seal(compressed, recipient, info, _seed(ikm_label))
    data = envelope.pack(header_bytes, ciphertext, signer.sign)
    signed_part = data[:-envelope.SIGNATURE_SIZE]
    h = len(header_bytes)
    return data, {
        "header": header, "header_bytes_text": header_bytes.decode("utf-8"),
        "header_bytes_hex": header_bytes.hex(), "header_length": h,
        "plaintext_text": plain.decode("utf-8"), "plaintext_sha256": sha256_hex(plain),
        "compressed_hex": compressed.hex(),
        "compressed_note": "one zstd frame (level 3, content size written); any valid zstd stream "
                           "of the same plaintext is equally correct, so compare the plaintext, not these bytes",
        "hpke_info_hex": info.hex(), "hpke": hpke_steps,
        "ciphertext_field_hex": ciphertext.hex(), "ciphertext_length": len(ciphertext),
        "layout": {"magic": envelope.MAGIC.hex(), "layout_version": envelope.LAYOUT_VERSION,
                   "header_length_u32be": struct.pack(">I", h).hex(), "header_at": 9,
                   "ciphertext_length_u32be": struct.pack(">I", len(ciphertext)).hex(),
                   "ciphertext_at": 13 + h, "signature_at": 13 + h + len(ciphertext)},
        "signature": {**_signed(envelope.DOMAIN, signed_part, text=False),
                      "signed_part_hex": signed_part.hex(),
                      "signature_hex": data[-envelope.SIGNATURE_SIZE:].hex()},
        "envelope_hex": data.hex(), "envelope_length": len(data), "envelope_sha256": sha256_hex(data),
    }


def _records() -> list[dict[str, Any]]:
    return [
        make_record(record_id="k-0001:handover.ready:41042500100200300400500001", seq=41,
                    kind=kinds.HANDOVER_READY, subject="410425001002GB00001F00010001", training=False,
                    created_at="2026-11-30T07:58:12Z", payload={"handover_id": "h-17", "holders": 2}),
        make_record(record_id="k-0001:payment.order:po-9", seq=42, kind=kinds.PAYMENT_ORDER,
                    subject="po-9", training=True, created_at="2026-11-30T07:59:30Z",
                    payload={"items": [{"payee": "郏县税务局", "amount_fen": 2580000},
                                       {"payee": "郏县不动产登记中心", "amount_fen": 8000}],
                             "note": "契税\n\"一码缴费\""}),
    ]


def _checkpoint_chain(device: KeyPair) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    first = checkpoints.make_checkpoint(device.sign, seq=64, hash="3a" * 32, prev_seq=0,
                                        prev_hash=checkpoints.GENESIS, at="2026-11-30T06:00:00Z")
    second = checkpoints.make_checkpoint(device.sign, seq=97, hash="c5" * 32, prev_seq=64,
                                         prev_hash="3a" * 32, at=CREATED_AT)
    explained = [{"checkpoint": cp, "unsigned_canonical_text": _unsigned_bytes(cp).decode("utf-8"),
                  **_signed(checkpoints.DOMAIN, _unsigned_bytes(cp))} for cp in (first, second)]
    return [first, second], explained


def _request(device: KeyPair, device_id: str, *, method: str, target: str, body: bytes,
             nonce: str) -> dict[str, Any]:
    headers = signing.sign_request(device.sign, device_id=device_id, method=method, target=target,
                                   body=body, now=NOW, nonce=nonce)
    canonical = signing.signed_text(method, target, device_id, NOW, nonce, sha256_hex(body))
    return {"method": method, "target": target, "body_length": len(body), "body_sha256": sha256_hex(body),
            "timestamp": NOW, "nonce": nonce, "nonce_bytes_hex": _nonce_bytes(nonce),
            "canonical_request_text": canonical.decode("utf-8"), **_signed(signing.DOMAIN, canonical),
            "headers": headers}


def _nonce_bytes(nonce: str) -> str:
    return base64.urlsafe_b64decode(nonce + "=" * (-len(nonce) % 4)).hex()


def build() -> dict[str, Any]:
    """Every vector file: name -> JSON object."""
    device, device_info = fixed_keys("device")
    platform, platform_info = fixed_keys("platform")
    device_id = "d-5e1f0c2a9b7d4e31"
    service_point = "JX-SP01"
    files: dict[str, Any] = {}

    files["keys.json"] = {
        "about": "Fixed key pairs. Ed25519 keys are 32-byte seeds (RFC 8032), X25519 private keys 32 raw bytes "
                 "(RFC 7748). Public keys travel as base64url without padding; the fingerprint is SHA-256 over "
                 "ed25519_public || x25519_public, lowercase hex; the short form is its first 16 hex digits in "
                 "groups of four.",
        "protocol_version": VERSION, "device": device_info, "platform": platform_info,
    }

    offer = enrollment.EnrollmentOffer("https://gateway.example.cn", "9f" * 24, platform.public.fingerprint(),
                                       service_point)
    request = enrollment.enroll_request(offer.token, device, label="1号机 售楼处")
    unsigned = {k: v for k, v in request.items() if k != "proof"}
    answer = enrollment.enroll_response(device_id=device_id, service_point=service_point,
                                        platform=platform.public, server_time=float(NOW))
    files["enrollment.json"] = {
        "about": "The enrollment QR text, the POST /v1/enroll body and its proof, and the answer. The proof is "
                 "Ed25519 by the new device key over the domain line and the canonical JSON of {token, keys, "
                 "label}.",
        "protocol_version": VERSION, "qr_text": offer.to_qr_text(),
        "request_unsigned_canonical_text": canonical_json(unsigned).decode("utf-8"),
        **_signed(enrollment.DOMAIN, canonical_json(unsigned)),
        "request": request, "request_body_text": canonical_json(request).decode("utf-8"),
        "response": answer,
    }

    records = _records()
    chain, chain_explained = _checkpoint_chain(device)
    head = {"seq": chain[-1]["seq"], "hash": chain[-1]["hash"]}
    # The reference kiosk's batch id: the same records always make the same batch (a resend).
    batch_id = hashlib.sha256("\n".join(r["record_id"] for r in records).encode("utf-8")).hexdigest()[:32]
    header = envelope.batch_header(records, device_id=device_id, batch_id=batch_id, audit_head=head,
                                   created_at=CREATED_AT)
    batch_bytes, batch_steps = _sealed(header, envelope.batch_body(records, chain),
                                       recipient=platform.public.kem, signer=device, ikm_label="batch ikmE")
    files["batch-envelope.json"] = {
        "about": "A batch (kiosk -> county) with two records and two audit checkpoints, sealed to the platform's "
                 "X25519 key and signed by the device's Ed25519 key. Open: check the layout, verify the "
                 "signature over signed_part with the device key, HPKE-open ciphertext_field (enc = first 32 "
                 "bytes) with info = SHA-256(header bytes) and empty aad, zstd-decompress, parse.",
        "protocol_version": VERSION, "sender": "device", "recipient": "platform",
        "records": records,
        "record_digests": {r["record_id"]: record_digest(r) for r in records},
        "record_digest_inputs": {r["record_id"]: canonical_json({k: r[k] for k in (
            "record_id", "kind", "subject", "training", "created_at", "payload")}).decode("utf-8")
            for r in records},
        "checkpoints": chain_explained,
        **batch_steps,
    }

    files["request-signing.json"] = {
        "about": "Signed requests: the canonical request is METHOD, target, device id, timestamp, nonce and body "
                 "SHA-256 joined by LF, signed after the domain line. The POST carries the batch envelope above "
                 "as its body; the GET has an empty body.",
        "protocol_version": VERSION, "device_id": device_id,
        "requests": [
            _request(device, device_id, method="POST", target=kinds.PATH_BATCHES, body=batch_bytes,
                     nonce=b64e(_seed("nonce 1")[:16])),
            _request(device, device_id, method="GET", target=f"{kinds.PATH_CHANGES}?cursor=1207", body=b"",
                     nonce=b64e(_seed("nonce 2")[:16])),
        ],
    }

    ack = messages.make_ack(platform.sign, device_id=device_id, batch_id=batch_id, accepted=[records[0]["record_id"]],
                            rejected=[messages.Rejection(records[1]["record_id"], "conflict",
                                                         "记录 k-0001:payment.order:po-9 已以其他内容收到")],
                            server_time=NOW + 0.25, checkpoint=(head["seq"], head["hash"]))
    files["ack.json"] = {
        "about": "The signed acknowledgement answering the batch above (the 200 body of POST /v1/batches). The "
                 "signature covers the domain line and the canonical JSON of the ack without 'sig'; note "
                 "server_time is a non-integer number and keeps its exact form.",
        "protocol_version": VERSION, "ack": ack,
        "unsigned_canonical_text": _unsigned_bytes(ack).decode("utf-8"),
        **_signed(messages.ACK_DOMAIN, _unsigned_bytes(ack)),
        "body_text": canonical_json(ack).decode("utf-8"),
    }

    items: list[Mapping[str, Any]] = [
        messages.make_item(platform.sign, item_id="4d2c9e0f7a1b4c3d8e5f6a7b8c9d0e1f", kind=kinds.REGISTRATION_RECORDED,
                           subject="410425001002GB00001F00010001", issued_at="2026-11-30T07:30:00Z",
                           data={"record_id": records[0]["record_id"],
                                 "certificate_no": "豫(2026)郏县不动产权第0001207号",
                                 "e_cert_token": "ec-7f3a", "register": {"use": "城镇住宅用地/住宅",
                                                                         "registered_on": "2026-11-30"}}),
        messages.make_item(platform.sign, item_id="5e3d0f1a8b2c4d5e9f6a7b8c9d0e1f20", kind=kinds.MASTER_UNIT,
                           subject="410425001002GB00001F00010002", issued_at="2026-11-30T07:31:00Z",
                           data={"area_m2": 89.5, "floor": 7, "training": False}),
    ]
    page = messages.make_page(cursor="1205", next_cursor="1207", items=items, server_time=NOW + 0.5)
    _, changes_steps = _sealed(
        envelope.changes_header(page, device_id=device_id, created_at=CREATED_AT), page,
        recipient=device.public.kem, signer=platform, ikm_label="changes ikmE")
    files["changes-envelope.json"] = {
        "about": "A changes page (county -> kiosk), the answer to the GET above: two items each signed on its own "
                 "by the platform, sealed to the device's X25519 key, the envelope signed by the platform.",
        "protocol_version": VERSION, "sender": "platform", "recipient": "device",
        "items": [{"item": item, "unsigned_canonical_text": _unsigned_bytes(item).decode("utf-8"),
                   **_signed(messages.ITEM_DOMAIN, _unsigned_bytes(item))} for item in items],
        "page": page,
        **changes_steps,
    }
    return files


def render(obj: Any) -> str:
    """A vector file's exact text."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def differences(directory: Path) -> list[str]:
    """The vector files in ``directory`` that are missing or differ from what the code writes now."""
    wrong = [name for name, obj in build().items()
             if not (directory / name).is_file() or (directory / name).read_text("utf-8") != render(obj)]
    return sorted(wrong)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.wire.vectors", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the vector files into this directory")
    group.add_argument("--check", type=Path, help="compare the files in this directory with the code")
    args = parser.parse_args(argv)
    if args.check is not None:
        wrong = differences(args.check)
        for name in wrong:
            print(f"{args.check / name}: differs from what the code writes; regenerate with --out",
                  file=sys.stderr)
        return 1 if wrong else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, obj in build().items():
        (args.out / name).write_text(render(obj), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
