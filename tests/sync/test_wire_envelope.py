"""Batch and changes envelopes: round trip and every kind of damage refused with its code."""

from __future__ import annotations

import hashlib
import struct

import pytest
import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke

from sync import wire
from sync.wire import kinds
from sync.wire.encoding import canonical_json
from sync.wire.envelope import HEADER_VERSION


@pytest.fixture(scope="module")
def device() -> wire.KeyPair:
    return wire.KeyPair.generate()


@pytest.fixture(scope="module")
def platform() -> wire.KeyPair:
    return wire.KeyPair.generate()


def _records(n: int) -> list[dict]:
    return [wire.make_record(record_id=f"rec-{i}", seq=10 + i, kind=kinds.HANDOVER_READY,
                             subject=f"unit-{i}", training=i % 2 == 0,
                             created_at="2026-11-28T04:00:00Z", payload={"n": i, "名": "郏县"})
            for i in range(n)]


def _seal(device: wire.KeyPair, platform: wire.KeyPair, n: int = 3) -> bytes:
    return wire.seal_batch(_records(n), device_id="dev-1", batch_id="batch-1",
                           audit_head={"seq": 7, "hash": "ab" * 32}, signer=device.sign,
                           recipient=platform.public.kem)


def test_batch_round_trip_carries_header_and_records(device, platform):
    batch = wire.open_batch(_seal(device, platform), sender=device.public.sign,
                            recipient=platform.kem)
    assert batch.batch_id == "batch-1" and batch.device_id == "dev-1"
    assert batch.header["count"] == 3
    assert (batch.header["seq_first"], batch.header["seq_last"]) == (10, 12)
    assert batch.header["audit_head"] == {"seq": 7, "hash": "ab" * 32}
    assert batch.header["suite"] == kinds.SUITE_HPKE_X25519
    assert batch.records == _records(3)


def test_plaintext_is_not_visible_in_the_envelope(device, platform):
    data = _seal(device, platform)
    assert "郏县".encode() not in data and b"rec-0" not in data


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_tampered_ciphertext_fails_signature(device, platform):
    data = _seal(device, platform)
    env = wire.parse_envelope(data)
    at = 13 + len(env.header_bytes) + 40
    with pytest.raises(wire.SignatureError) as err:
        wire.open_batch(_flip(data, at), sender=device.public.sign, recipient=platform.kem)
    assert err.value.code == "bad_signature"


def test_tampered_signature_refused(device, platform):
    data = _seal(device, platform)
    with pytest.raises(wire.SignatureError):
        wire.open_batch(_flip(data, len(data) - 5), sender=device.public.sign,
                        recipient=platform.kem)


def test_header_changed_and_resigned_fails_decryption(device, platform):
    env = wire.parse_envelope(_seal(device, platform))
    forged = dict(env.header, batch_id="batch-2")
    data = wire.pack(canonical_json(forged), env.ciphertext, device.sign)
    with pytest.raises(wire.DecryptError) as err:
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)
    assert err.value.code == "decrypt_failed"


def test_header_changed_without_resigning_fails_signature(device, platform):
    env = wire.parse_envelope(_seal(device, platform))
    forged = canonical_json(dict(env.header, count=2))
    data = (b"JXSE\x01" + struct.pack(">I", len(forged)) + forged
            + struct.pack(">I", len(env.ciphertext)) + env.ciphertext + env.signature)
    with pytest.raises(wire.SignatureError):
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)


def test_another_devices_key_is_refused(device, platform):
    other = wire.KeyPair.generate()
    data = wire.seal_batch(_records(1), device_id="dev-1", batch_id="b", audit_head=None,
                           signer=other.sign, recipient=platform.public.kem)
    with pytest.raises(wire.SignatureError):
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)


def test_sealed_to_another_platform_cannot_be_opened(device, platform):
    data = wire.seal_batch(_records(1), device_id="dev-1", batch_id="b", audit_head=None,
                           signer=device.sign, recipient=wire.KeyPair.generate().public.kem)
    with pytest.raises(wire.DecryptError):
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)


def test_unknown_suite_refused_before_crypto(device, platform):
    env = wire.parse_envelope(_seal(device, platform))
    header = dict(env.header, suite=kinds.SUITE_RESERVED_SM)
    data = wire.pack(canonical_json(header), env.ciphertext, device.sign)
    with pytest.raises(wire.UnknownSuite) as err:
        wire.parse_envelope(data)
    assert err.value.code == "unknown_suite" and "SM2-SM3-SM4" in str(err.value)


def test_unsupported_layout_version(device, platform):
    data = bytearray(_seal(device, platform))
    data[4] = 9
    with pytest.raises(wire.UnsupportedVersion) as err:
        wire.parse_envelope(bytes(data))
    assert err.value.code == "unsupported_version"


def test_protocol_1_envelope_refused_as_unsupported_before_crypto(device, platform):
    """Version 1 bound the raw header as HPKE info; its envelopes are told apart by the header's v."""
    env = wire.parse_envelope(_seal(device, platform))
    data = wire.pack(canonical_json(dict(env.header, v=1)), env.ciphertext, device.sign)
    with pytest.raises(wire.UnsupportedVersion) as err:
        wire.parse_envelope(data)
    assert err.value.code == "unsupported_version" and "version 1 is not supported" in str(err.value)


def test_info_is_the_header_digest_not_the_header(device, platform):
    env = wire.parse_envelope(_seal(device, platform))
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    assert wire.hpke_info(env.header_bytes) == hashlib.sha256(env.header_bytes).digest()
    assert suite.decrypt(env.ciphertext, platform.kem, info=hashlib.sha256(env.header_bytes).digest())
    with pytest.raises(InvalidTag):
        suite.decrypt(env.ciphertext, platform.kem, info=env.header_bytes)


def test_body_stream_read_to_its_end(device, platform):
    """Bytes after the first zstd frame are read as the stream's next frame, never ignored."""
    header = dict(wire.parse_envelope(_seal(device, platform, 1)).header)
    header_bytes = canonical_json(header)
    frame = wire.compress({"records": _records(1)})
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    for tail, ok in ((b"", True), (zstandard.ZstdCompressor().compress(b" "), True), (b"junk", False)):
        ct = suite.encrypt(frame + tail, platform.public.kem, info=wire.hpke_info(header_bytes))
        data = wire.pack(header_bytes, ct, device.sign)
        if ok:
            assert wire.open_batch(data, sender=device.public.sign, recipient=platform.kem).records
        else:
            with pytest.raises(wire.MalformedError, match="compressed body is damaged"):
                wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)


@pytest.mark.parametrize("cut", [0, 3, 4, 8, 20, 200, -64, -1])
def test_every_truncation_is_a_bad_envelope(device, platform, cut):
    data = _seal(device, platform)
    with pytest.raises(wire.MalformedError) as err:
        wire.parse_envelope(data[:cut])
    assert err.value.code == "bad_envelope"


def test_trailing_bytes_and_wrong_magic_refused(device, platform):
    data = _seal(device, platform)
    with pytest.raises(wire.MalformedError, match="unexpected bytes"):
        wire.parse_envelope(data + b"x")
    with pytest.raises(wire.MalformedError, match="magic"):
        wire.parse_envelope(b"JSON" + data[4:])


def test_header_not_json_refused(device):
    data = wire.pack(b"{not json", b"\0" * 48, device.sign)
    with pytest.raises(wire.MalformedError) as err:
        wire.parse_envelope(data)
    assert err.value.code == "bad_envelope"


def test_count_mismatch_refused(device, platform):
    header = {"v": HEADER_VERSION, "type": "batch", "suite": kinds.SUITE_HPKE_X25519, "compression": "zstd",
              "device_id": "dev-1", "batch_id": "b", "count": 5, "seq_first": 1, "seq_last": 1,
              "created_at": "2026-11-28T04:00:00Z", "audit_head": None}
    data = wire.seal(header, {"records": _records(1)}, recipient=platform.public.kem,
                     signer=device.sign)
    with pytest.raises(wire.MalformedError, match="says 5 records"):
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem)


def test_decompression_bomb_capped(device, platform):
    big = [dict(r, payload={"blob": "0" * 200_000}) for r in _records(2)]
    data = wire.seal_batch(big, device_id="dev-1", batch_id="b", audit_head=None,
                           signer=device.sign, recipient=platform.public.kem)
    assert len(data) < 5_000
    with pytest.raises(wire.MalformedError, match="expands beyond"):
        wire.open_batch(data, sender=device.public.sign, recipient=platform.kem,
                        max_plaintext=100_000)


def test_changes_page_round_trip_and_wrong_recipient(device, platform):
    item = wire.make_item(platform.sign, item_id="i1", kind=kinds.CONFIG, subject="sp",
                          issued_at="2026-11-28T04:00:00Z", data={"a": 1})
    page = wire.make_page(cursor="0", next_cursor="1", items=[item], server_time=1.5)
    data = wire.seal_changes(page, device_id="dev-1", signer=platform.sign,
                             recipient=device.public.kem)
    opened = wire.open_changes(data, device_id="dev-1", sender=platform.public.sign,
                               recipient=device.kem)
    assert (opened.cursor, opened.next_cursor, opened.server_time) == ("0", "1", 1.5)
    assert wire.verify_item(opened.items[0], platform.public.sign).data == {"a": 1}
    with pytest.raises(wire.MalformedError, match="another device"):
        wire.open_changes(data, device_id="dev-2", sender=platform.public.sign,
                          recipient=device.kem)
    with pytest.raises(wire.SignatureError):
        wire.open_changes(data, device_id="dev-1", sender=device.public.sign,
                          recipient=device.kem)
    with pytest.raises(wire.MalformedError, match="expected a batch"):
        wire.open_batch(data, sender=platform.public.sign, recipient=device.kem)
