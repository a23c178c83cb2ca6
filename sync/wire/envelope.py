"""The sealed envelope: one binary layout for batches (kiosk -> county) and
changes pages (county -> kiosk).

Layout (all integers unsigned big-endian; nothing may follow the signature)::

    offset      size  field
    0           4     magic  b"JXSE"
    4           1     layout version, 1
    5           4     H = header length
    9           H     header: canonical JSON, UTF-8 (see below)
    9+H         4     C = ciphertext length
    13+H        C     HPKE ciphertext: 32-byte encapsulated key || AES-256-GCM output
    13+H+C      64    Ed25519 signature by the sender over bytes [0, 13+H+C),
                      domain ``JX-ENVELOPE-1``

The plaintext is zstd-compressed canonical JSON, sealed in HPKE base mode
(RFC 9180, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, single-shot,
empty ``aad``) to the recipient's X25519 key with ``info`` = SHA-256 of the
exact header bytes (32 bytes, ``hpke_info``), so a header changed after
sealing fails to decrypt even if re-signed, and a header or ciphertext
changed at all fails the signature.

Why a digest and not the header itself (protocol version 1 used the raw
header, about 340 bytes): RFC 9180 section 7.2.1 only obliges an
implementation to accept an ``info`` of 64 bytes, so a county platform's HPKE
library may refuse a longer one. A 32-byte digest binds the header as firmly
and every conforming library must take it.

Header fields, common: ``v`` (2), ``type`` ("batch" | "changes"), ``suite``
(``SUITE_HPKE_X25519``), ``compression`` ("zstd"), ``device_id`` (the
sender of a batch, the recipient of a changes page), ``created_at`` (ISO-8601
UTC), ``count`` (number of records or items inside).

* batch: ``batch_id``, ``seq_first``, ``seq_last`` (outbox sequence range,
  null when empty), ``audit_head`` ({seq, hash} of the kiosk audit chain).
  Plaintext: ``{"records": [record, ...], "checkpoints": [checkpoint, ...]}``;
  ``checkpoints`` (optional) are the device's signed audit checkpoints the
  county has not acknowledged, oldest first, the last at ``audit_head``
  (``sync.wire.checkpoints``).
* changes: ``cursor``, ``next_cursor``. Plaintext: the page
  ``{cursor, next_cursor, items, server_time}``.

Parsing checks the structure, the layout version, the header ``v`` and the
suite before any cryptography, so a damaged or foreign envelope is refused
with ``bad_envelope`` / ``unsupported_version`` / ``unknown_suite``.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from sync.wire.encoding import canonical_json, parse_json, sign, verify
from sync.wire.errors import (
    BAD_ENVELOPE, BAD_SIGNATURE, DecryptError, MalformedError, UnknownSuite, UnsupportedVersion,
)
from sync.wire.kinds import SUITE_HPKE_X25519, SUPPORTED_SUITES

MAGIC = b"JXSE"
LAYOUT_VERSION = 1
# The protocol version: 2 since ``info`` became the header's SHA-256 (1 used the raw header).
HEADER_VERSION = 2
SIGNATURE_SIZE = 64
MAX_HEADER_SIZE = 64 * 1024
DEFAULT_MAX_PLAINTEXT = 256 * 1024 * 1024
# The gateway's default request body limit; a sender keeps each envelope below it.
DEFAULT_MAX_BODY = 16 * 1024 * 1024
TYPE_BATCH = "batch"
TYPE_CHANGES = "changes"
DOMAIN = b"JX-ENVELOPE-1"
_ZSTD_LEVEL = 3
_SUITES = {SUITE_HPKE_X25519: hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256,
                                         hpke.AEAD.AES_256_GCM)}
_U32 = struct.Struct(">I")


def hpke_info(header_bytes: bytes) -> bytes:
    """The HPKE ``info`` that binds a sealed body to its clear header: SHA-256 of the header bytes."""
    return hashlib.sha256(header_bytes).digest()


def utc_now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Envelope:
    """A parsed but not yet verified envelope."""

    header: dict[str, Any]
    header_bytes: bytes
    ciphertext: bytes
    signed_part: bytes
    signature: bytes

    @property
    def type(self) -> str:
        return str(self.header["type"])

    @property
    def device_id(self) -> str:
        return str(self.header["device_id"])

    def verify(self, sender: Ed25519PublicKey) -> None:
        """Raise ``SignatureError(bad_signature)`` unless ``sender`` signed exactly these bytes."""
        verify(sender, self.signature, DOMAIN, self.signed_part, what=f"the {self.type} envelope",
               code=BAD_SIGNATURE)

    def decrypt(self, recipient: X25519PrivateKey, *,
                max_plaintext: int = DEFAULT_MAX_PLAINTEXT) -> Any:
        """Open, decompress (capped at ``max_plaintext`` bytes) and parse the sealed JSON."""
        try:
            compressed = _SUITES[self.header["suite"]].decrypt(self.ciphertext, recipient,
                                                               info=hpke_info(self.header_bytes))
        except InvalidTag:
            raise DecryptError(f"the {self.type} envelope cannot be opened",
                               hint="ciphertext or header altered, or sealed to another key"
                               ) from None
        try:
            # Every frame of the stream (RFC 8878), so bytes after the first frame are read, not ignored.
            reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(compressed),
                                                                read_across_frames=True)
            plain = reader.read(max_plaintext + 1)
        except zstandard.ZstdError as exc:
            raise MalformedError(f"the {self.type} envelope's compressed body is damaged: {exc}",
                                 code=BAD_ENVELOPE) from None
        if len(plain) > max_plaintext:
            raise MalformedError(f"the {self.type} envelope expands beyond {max_plaintext} bytes",
                                 code=BAD_ENVELOPE, hint="send smaller batches")
        return parse_json(plain, what=f"the {self.type} envelope's body", code=BAD_ENVELOPE)


def pack(header_bytes: bytes, ciphertext: bytes, signer: Ed25519PrivateKey) -> bytes:
    """Lay out and sign an envelope from already-sealed parts (tests use it to forge headers)."""
    signed = (MAGIC + bytes([LAYOUT_VERSION]) + _U32.pack(len(header_bytes)) + header_bytes
              + _U32.pack(len(ciphertext)) + ciphertext)
    return signed + sign(signer, DOMAIN, signed)


def compress(body: Any) -> bytes:
    """The bytes that are sealed: ``body``'s canonical JSON as one zstd frame."""
    return zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compress(canonical_json(body))


def seal(header: Mapping[str, Any], body: Any, *, recipient: X25519PublicKey,
         signer: Ed25519PrivateKey) -> bytes:
    """Compress ``body`` (JSON value), seal it to ``recipient`` bound to ``header``, sign."""
    suite = header.get("suite")
    if suite not in _SUITES:
        raise UnknownSuite(f"cannot seal with suite {suite!r}")
    header_bytes = canonical_json(dict(header))
    compressed = compress(body)
    ciphertext = _SUITES[suite].encrypt(compressed, recipient, info=hpke_info(header_bytes))
    return pack(header_bytes, ciphertext, signer)


def _take(data: bytes, at: int, size: int, what: str) -> bytes:
    if len(data) < at + size:
        raise MalformedError(f"the envelope is truncated: {what} needs bytes {at}..{at + size}, "
                             f"only {len(data)} received", code=BAD_ENVELOPE,
                             hint="the transfer was cut short; send it again")
    return data[at:at + size]


def parse(data: bytes) -> Envelope:
    """Split an envelope into its parts and check layout, version and suite (no crypto)."""
    data = bytes(data)
    if _take(data, 0, 4, "the magic") != MAGIC:
        raise MalformedError("not a sealed envelope (wrong magic bytes)", code=BAD_ENVELOPE)
    version = _take(data, 4, 1, "the layout version")[0]
    if version != LAYOUT_VERSION:
        raise UnsupportedVersion(f"envelope layout version {version} is not supported "
                                 f"(this side speaks {LAYOUT_VERSION})",
                                 hint="update the older side")
    (hlen,) = _U32.unpack(_take(data, 5, 4, "the header length"))
    if hlen > MAX_HEADER_SIZE:
        raise MalformedError(f"the envelope header claims {hlen} bytes, "
                             f"more than the {MAX_HEADER_SIZE} allowed", code=BAD_ENVELOPE)
    header_bytes = _take(data, 9, hlen, "the header")
    (clen,) = _U32.unpack(_take(data, 9 + hlen, 4, "the ciphertext length"))
    ciphertext = _take(data, 13 + hlen, clen, "the ciphertext")
    end = 13 + hlen + clen
    signature = _take(data, end, SIGNATURE_SIZE, "the signature")
    if len(data) != end + SIGNATURE_SIZE:
        raise MalformedError(f"{len(data) - end - SIGNATURE_SIZE} unexpected bytes after the "
                             "envelope signature", code=BAD_ENVELOPE)
    header = parse_json(header_bytes, what="the envelope header", code=BAD_ENVELOPE)
    _check_header(header)
    return Envelope(header, header_bytes, ciphertext, data[:end], signature)


def _check_header(header: Any) -> None:
    if not isinstance(header, dict):
        raise MalformedError("the envelope header must be a JSON object", code=BAD_ENVELOPE)
    if header.get("v") != HEADER_VERSION:
        raise UnsupportedVersion(f"envelope header version {header.get('v')!r} is not supported "
                                 f"(this side speaks {HEADER_VERSION})", hint="update the older side")
    if header.get("suite") not in SUPPORTED_SUITES:
        raise UnknownSuite(f"envelope suite {header.get('suite')!r} is not supported; this side "
                           f"speaks {', '.join(sorted(SUPPORTED_SUITES))}",
                           hint="update the older side or re-seal with a supported suite")
    if header.get("compression") != "zstd":
        raise MalformedError(f"envelope compression {header.get('compression')!r} is not "
                             "supported (zstd only)", code=BAD_ENVELOPE)
    kind = header.get("type")
    required: dict[str, tuple[type, ...]] = {"device_id": (str,), "created_at": (str,),
                                             "count": (int,)}
    if kind == TYPE_BATCH:
        required |= {"batch_id": (str,), "seq_first": (int, type(None)),
                     "seq_last": (int, type(None)), "audit_head": (dict, type(None))}
    elif kind == TYPE_CHANGES:
        required |= {"cursor": (str,), "next_cursor": (str,)}
    else:
        raise MalformedError(f"envelope type {kind!r} is unknown (batch or changes)",
                             code=BAD_ENVELOPE)
    for name, types in required.items():
        value = header.get(name)
        if not isinstance(value, types) or isinstance(value, bool):
            raise MalformedError(f"envelope header field {name!r} is missing or has the wrong type",
                                 code=BAD_ENVELOPE)
    if header["count"] < 0 or (kind == TYPE_BATCH and not header["batch_id"]) or not header["device_id"]:
        raise MalformedError("envelope header has an empty id or a negative count",
                             code=BAD_ENVELOPE)


@dataclass(frozen=True)
class Batch:
    """An opened, verified batch."""

    header: dict[str, Any]
    records: list[dict[str, Any]]
    checkpoints: list[Any] = field(default_factory=list)

    @property
    def batch_id(self) -> str:
        return str(self.header["batch_id"])

    @property
    def device_id(self) -> str:
        return str(self.header["device_id"])


def seal_batch(records: Sequence[Mapping[str, Any]], *, device_id: str, batch_id: str,
               audit_head: Mapping[str, Any] | None, signer: Ed25519PrivateKey,
               recipient: X25519PublicKey, created_at: str | None = None,
               checkpoints: Sequence[Mapping[str, Any]] = ()) -> bytes:
    """Seal outbox records (see ``records``) and the unacknowledged audit checkpoints to the
    platform's KEM key, signed by the device."""
    header = batch_header(records, device_id=device_id, batch_id=batch_id, audit_head=audit_head,
                          created_at=created_at)
    return seal(header, batch_body(records, checkpoints), recipient=recipient, signer=signer)


def batch_header(records: Sequence[Mapping[str, Any]], *, device_id: str, batch_id: str,
                 audit_head: Mapping[str, Any] | None, created_at: str | None = None) -> dict[str, Any]:
    """The clear header of a batch envelope."""
    seqs = [int(r["seq"]) for r in records]
    return {
        "v": HEADER_VERSION, "type": TYPE_BATCH, "suite": SUITE_HPKE_X25519, "compression": "zstd",
        "device_id": device_id, "batch_id": batch_id, "count": len(records),
        "seq_first": min(seqs) if seqs else None, "seq_last": max(seqs) if seqs else None,
        "created_at": created_at or utc_now_iso(),
        "audit_head": dict(audit_head) if audit_head is not None else None,
    }


def batch_body(records: Sequence[Mapping[str, Any]],
               checkpoints: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The sealed body of a batch: the records, and the checkpoints when there are any."""
    body: dict[str, Any] = {"records": [dict(r) for r in records]}
    if checkpoints:
        body["checkpoints"] = [dict(c) for c in checkpoints]
    return body


def open_batch(data: bytes | Envelope, *, sender: Ed25519PublicKey, recipient: X25519PrivateKey,
               max_plaintext: int = DEFAULT_MAX_PLAINTEXT) -> Batch:
    """Verify and open a batch. Records are returned as sent: check each with
    ``records.validate_record`` so one bad record does not refuse the batch."""
    env = data if isinstance(data, Envelope) else parse(data)
    if env.type != TYPE_BATCH:
        raise MalformedError(f"expected a batch envelope, got {env.type!r}", code=BAD_ENVELOPE)
    env.verify(sender)
    body = env.decrypt(recipient, max_plaintext=max_plaintext)
    records = body.get("records") if isinstance(body, dict) else None
    if not isinstance(records, list):
        raise MalformedError("the batch body must be an object with a 'records' list",
                             code=BAD_ENVELOPE)
    if len(records) != env.header["count"]:
        raise MalformedError(f"the batch header says {env.header['count']} records, the sealed "
                             f"body holds {len(records)}", code=BAD_ENVELOPE)
    checkpoints = body.get("checkpoints", [])
    if not isinstance(checkpoints, list):
        raise MalformedError("the batch body's 'checkpoints' must be a list", code=BAD_ENVELOPE)
    return Batch(env.header, records, checkpoints)


@dataclass(frozen=True)
class SealedPage:
    """An opened, verified changes page; items are still individually unverified."""

    header: dict[str, Any]
    cursor: str
    next_cursor: str
    items: list[Any]
    server_time: float


def seal_changes(page: Mapping[str, Any], *, device_id: str, signer: Ed25519PrivateKey,
                 recipient: X25519PublicKey, created_at: str | None = None) -> bytes:
    """Seal a changes page (see ``messages.make_page``) to the device, signed by the platform."""
    return seal(changes_header(page, device_id=device_id, created_at=created_at), dict(page),
                recipient=recipient, signer=signer)


def changes_header(page: Mapping[str, Any], *, device_id: str,
                   created_at: str | None = None) -> dict[str, Any]:
    """The clear header of a changes envelope for ``page``."""
    return {
        "v": HEADER_VERSION, "type": TYPE_CHANGES, "suite": SUITE_HPKE_X25519,
        "compression": "zstd", "device_id": device_id, "cursor": str(page["cursor"]),
        "next_cursor": str(page["next_cursor"]), "count": len(page["items"]),
        "created_at": created_at or utc_now_iso(),
    }


def open_changes(data: bytes | Envelope, *, device_id: str, sender: Ed25519PublicKey,
                 recipient: X25519PrivateKey,
                 max_plaintext: int = DEFAULT_MAX_PLAINTEXT) -> SealedPage:
    """Verify and open a changes page sealed for ``device_id``."""
    env = data if isinstance(data, Envelope) else parse(data)
    if env.type != TYPE_CHANGES:
        raise MalformedError(f"expected a changes envelope, got {env.type!r}", code=BAD_ENVELOPE)
    env.verify(sender)
    if env.device_id != device_id:
        raise MalformedError("the changes page is addressed to another device", code=BAD_ENVELOPE)
    body = env.decrypt(recipient, max_plaintext=max_plaintext)
    if (not isinstance(body, dict) or not isinstance(body.get("items"), list)
            or not isinstance(body.get("server_time"), int | float)
            or body.get("cursor") != env.header["cursor"]
            or body.get("next_cursor") != env.header["next_cursor"]
            or len(body["items"]) != env.header["count"]):
        raise MalformedError("the changes page body does not match its header "
                             "(cursor, next_cursor, items, server_time)", code=BAD_ENVELOPE)
    return SealedPage(env.header, body["cursor"], body["next_cursor"], body["items"],
                      float(body["server_time"]))


__all__ = ["Batch", "Envelope", "SealedPage", "batch_body", "batch_header", "changes_header", "compress",
           "hpke_info", "open_batch", "open_changes", "pack", "parse", "seal", "seal_batch", "seal_changes",
           "utc_now_iso"]
