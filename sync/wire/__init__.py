"""The sync wire protocol (version 2, specified in docs/protocol.md), shared by the
kiosk's sync agent (``sync``) and the county gateway (``county``). Imports only the standard library,
``cryptography`` and ``zstandard``: the gateway uses it without pulling in the
kiosk core. Everything below is re-exported here: ``from sync import wire``.

API summary
-----------
Keys (``keys``)
    ``KeyPair.generate()``, ``.public`` -> ``PublicKeys``, ``.to_private_dict()`` /
    ``KeyPair.from_private_dict(d)``; ``PublicKeys.to_dict()`` / ``from_dict(d)``
    (raw 32-byte keys, base64url), ``.fingerprint()`` (64 hex, SHA-256 of
    sign||kem), ``.short_fingerprint()``, ``.check_fingerprint(fp)``.
Records (``records``)
    ``make_record(...)``, ``validate_record(r)``, ``record_digest(r)``.
Envelope (``envelope``)
    ``seal_batch(records, device_id=, batch_id=, audit_head=, signer=, recipient=)`` -> bytes
    (``batch_header``/``batch_body``/``changes_header``, ``compress``, ``hpke_info`` are its steps);
    ``parse_envelope(data)`` -> ``Envelope`` (structure, version, suite; no crypto);
    ``open_batch(data_or_env, sender=, recipient=)`` -> ``Batch(header, records)``;
    ``seal_changes(page, device_id=, signer=, recipient=)``;
    ``open_changes(data, device_id=, sender=, recipient=)`` -> ``SealedPage``.
Messages (``messages``)
    ``make_ack`` / ``verify_ack`` -> ``Ack``, ``Rejection``; ``make_item`` /
    ``verify_item`` -> ``Item``; ``make_page``.
Requests (``signing``)
    ``sign_request(signer, device_id=, method=, target=, body=, now=)`` -> headers;
    ``parse_request_headers``, ``check_timestamp``, ``check_signature``,
    ``check_body``, ``verify_request`` (clock and ±window injectable, default 300 s).
Enrollment (``enrollment``)
    ``EnrollmentOffer`` (QR text), ``enroll_request`` / ``verify_enroll_request``,
    ``enroll_response`` / ``parse_enroll_response`` -> ``Enrollment``.
Audit checkpoints (``checkpoints``)
    ``make_checkpoint(key, seq=, hash=, prev_seq=, prev_hash=, at=)`` -> signed dict;
    ``verify_checkpoint(obj, device_key)`` -> ``Checkpoint``; ``verify_chain(objs, device_key)``;
    ``check_extends(held, chain, device_id=)`` (raises ``audit_diverged``). The module
    docstring says why a chain of signed checkpoints proves "extends".
Names (``kinds``)
    record kinds, item kinds, paths, header names, suite ids.
Errors (``errors``)
    the codes below, ``HTTP_STATUS``, ``error_body``, ``error_from_body``.

HTTP surface
------------
=====================  =========  =========================  ======================
path                   signed     request body               answer (200)
=====================  =========  =========================  ======================
POST /v1/enroll        no         enroll request JSON        enroll answer JSON
POST /v1/batches       yes        batch envelope (binary)    signed ack JSON
GET  /v1/changes       yes        none; ``?cursor=`` (opt.)  changes envelope
POST /v1/health        yes        any JSON object            ``{"ok", "server_time"}``
=====================  =========  =========================  ======================

Refusals answer ``{"error": {"code", "message", "hint"?}, "server_time"}``
with the status from ``HTTP_STATUS``; ``error_from_body`` rebuilds the
exception; ``rate_limited`` (429) also carries ``Retry-After`` in whole
seconds. Every answer carries ``X-JX-Server-Time``. Details of each format
are in the docstrings of ``envelope`` (binary layout, header), ``records``,
``messages`` (ack, item, page), ``signing`` (headers) and ``enrollment``
(QR text). Record and item kinds are listed in ``kinds``.

Exception tree (``errors``), each with a stable ``code``::

    WireError                     base; .code, .message, .hint, .http_status
    ├── MalformedError            bad_envelope, malformed_json, bad_item, bad_ack,
    │                             bad_checkpoint
    │   ├── UnsupportedVersion    unsupported_version
    │   └── UnknownSuite          unknown_suite
    ├── SignatureError            bad_signature, bad_item_signature
    ├── DecryptError              decrypt_failed
    ├── RequestRefused            bad_headers, unknown_device, revoked_device,
    │                             device_mismatch, stale_timestamp, replayed_nonce,
    │                             body_too_large, body_mismatch, audit_diverged
    ├── EnrollmentError           bad_enrollment, token_unknown, token_used,
    │                             token_expired, fingerprint_mismatch
    └── RecordRejected            conflict, invalid_record (inside an ack)

Plus ``bad_request``, ``not_found`` and ``server_error`` on plain ``WireError``.
Retry guidance for the agent: ``server_error``/5xx, 429 and network failures
are retryable; ``stale_timestamp`` is retryable after correcting the clock
offset from ``server_time``; ``replayed_nonce`` means resend with a fresh
nonce; ``revoked_device`` stops the agent, and so does ``audit_diverged``
(the batch's audit checkpoint is older than, or does not extend, the one the
gateway last acknowledged for the device: its audit chain was cut short,
rewritten or restored from an older copy; only a county-authorised
``kiosk.reset`` record is accepted past it) and ``audit_rewound`` (the same
for a kiosk that sends no checkpoints, or a reset that is not authorised);
the rest are permanent for that request.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The names are loaded on first use (PEP 562): the kiosk core reaches only the calendar leaf
# (``sync.wire.calendar``) for its business dates, and importing this package must not cost every
# process that reads its configuration the cryptography and compression libraries (about 75 ms of
# the touchscreen app's start).
if TYPE_CHECKING:
    from sync.wire import kinds
    from sync.wire.checkpoints import Checkpoint, check_extends, make_checkpoint, verify_chain, verify_checkpoint
    from sync.wire.encoding import b64d, b64e, canonical_json, parse_json, sha256_hex
    from sync.wire.enrollment import (
        Enrollment, EnrollmentOffer, EnrollRequest, enroll_request, enroll_response,
        parse_enroll_response, verify_enroll_request,
    )
    from sync.wire.envelope import (
        DEFAULT_MAX_BODY, DEFAULT_MAX_PLAINTEXT, Batch, Envelope, SealedPage, batch_body, batch_header,
        changes_header, compress, hpke_info, open_batch, open_changes, pack, seal,
        seal_batch, seal_changes, utc_now_iso,
    )
    from sync.wire.envelope import parse as parse_envelope
    from sync.wire.errors import (
        CODES, HTTP_STATUS, DecryptError, EnrollmentError, MalformedError, RecordRejected,
        RequestRefused, SignatureError, UnknownSuite, UnsupportedVersion, WireError, error_body,
        error_from_body,
    )
    from sync.wire.keys import KeyPair, PublicKeys, short_form
    from sync.wire.messages import (
        Ack, Item, Rejection, make_ack, make_item, make_page, verify_ack, verify_item,
    )
    from sync.wire.records import make_record, record_digest, validate_record
    from sync.wire.signing import (
        DEFAULT_WINDOW_SECONDS, RequestAuth, check_body, check_signature, check_timestamp,
        parse_request_headers, sign_request, verify_request,
    )

_MODULE_OF = {
    "kinds": "", "Checkpoint": "checkpoints", "check_extends": "checkpoints",
    "make_checkpoint": "checkpoints", "verify_chain": "checkpoints", "verify_checkpoint": "checkpoints",
    "b64d": "encoding", "b64e": "encoding", "canonical_json": "encoding", "parse_json": "encoding",
    "sha256_hex": "encoding",
    "Enrollment": "enrollment", "EnrollmentOffer": "enrollment", "EnrollRequest": "enrollment",
    "enroll_request": "enrollment", "enroll_response": "enrollment", "parse_enroll_response": "enrollment",
    "verify_enroll_request": "enrollment",
    "DEFAULT_MAX_BODY": "envelope", "DEFAULT_MAX_PLAINTEXT": "envelope", "Batch": "envelope",
    "Envelope": "envelope", "SealedPage": "envelope", "batch_body": "envelope", "batch_header": "envelope",
    "changes_header": "envelope", "compress": "envelope", "hpke_info": "envelope", "open_batch": "envelope",
    "open_changes": "envelope", "pack": "envelope", "seal": "envelope", "seal_batch": "envelope",
    "seal_changes": "envelope", "utc_now_iso": "envelope", "parse_envelope": "envelope",
    "CODES": "errors", "HTTP_STATUS": "errors", "DecryptError": "errors", "EnrollmentError": "errors",
    "MalformedError": "errors", "RecordRejected": "errors", "RequestRefused": "errors",
    "SignatureError": "errors", "UnknownSuite": "errors", "UnsupportedVersion": "errors",
    "WireError": "errors", "error_body": "errors", "error_from_body": "errors",
    "KeyPair": "keys", "PublicKeys": "keys", "short_form": "keys",
    "Ack": "messages", "Item": "messages", "Rejection": "messages", "make_ack": "messages",
    "make_item": "messages", "make_page": "messages", "verify_ack": "messages", "verify_item": "messages",
    "make_record": "records", "record_digest": "records", "validate_record": "records",
    "DEFAULT_WINDOW_SECONDS": "signing", "RequestAuth": "signing", "check_body": "signing",
    "check_signature": "signing", "check_timestamp": "signing", "parse_request_headers": "signing",
    "sign_request": "signing", "verify_request": "signing",
}
_SUBMODULES = frozenset({"calendar", "checkpoints", "credit_code", "encoding", "enrollment", "envelope", "errors",
                         "keys", "kinds", "messages", "records", "signing", "vectors"})
# Re-exported under another name than the module's own.
_RENAMED = {"parse_envelope": "parse"}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        # A submodule by attribute (``wire.enrollment``), as when this package imported them all.
        if name.startswith("_") or name not in _SUBMODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
    if not module:
        value: Any = importlib.import_module(f"{__name__}.{name}")
    else:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), _RENAMED.get(name, name))
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CODES", "Checkpoint", "batch_body", "batch_header", "changes_header", "compress", "hpke_info", "check_extends", "make_checkpoint", "verify_chain", "verify_checkpoint",
    "DEFAULT_MAX_BODY", "DEFAULT_MAX_PLAINTEXT", "DEFAULT_WINDOW_SECONDS", "HTTP_STATUS", "Ack", "Batch",
    "DecryptError", "EnrollRequest", "Enrollment", "EnrollmentError", "EnrollmentOffer",
    "Envelope", "Item", "KeyPair", "MalformedError", "PublicKeys", "RecordRejected",
    "Rejection", "RequestAuth", "RequestRefused", "SealedPage", "SignatureError", "UnknownSuite",
    "UnsupportedVersion", "WireError", "b64d", "b64e", "canonical_json", "check_body",
    "check_signature", "check_timestamp", "enroll_request", "enroll_response", "error_body",
    "error_from_body", "kinds", "make_ack", "make_item", "make_page", "make_record",
    "open_batch", "open_changes", "pack", "parse_enroll_response", "parse_envelope",
    "parse_json", "parse_request_headers", "record_digest", "seal", "seal_batch",
    "seal_changes", "sha256_hex", "short_form", "sign_request", "utc_now_iso",
    "validate_record", "verify_ack", "verify_enroll_request", "verify_item", "verify_request",
]
