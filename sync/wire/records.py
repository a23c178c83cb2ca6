"""Outbox records as they travel inside a batch.

A record is a JSON object::

    {"record_id": str,   # kiosk-assigned, unique forever; 1-128 of [A-Za-z0-9._:-]
     "seq": int,         # the kiosk outbox sequence (transport order, not content)
     "kind": str,        # see kinds.py, e.g. "registration.requested"
     "subject": str,     # what the record is about (unit code, order id, ...)
     "training": bool,   # training-mode record: stored, never acted on as real
     "created_at": str,  # ISO-8601, when the kiosk committed it
     "payload": {...}}   # the flow's data, stored by the gateway as given

Idempotency is by ``record_id``; ``record_digest`` is the content both ends
compare: every field except ``seq``, so the same record sent in another batch
(a resend, or sneakernet then online) is the same record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from sync.wire.encoding import canonical_json
from sync.wire.errors import INVALID_RECORD, RecordRejected

RECORD_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
KIND = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")
MAX_SUBJECT = 256
CONTENT_FIELDS = ("record_id", "kind", "subject", "training", "created_at", "payload")


def make_record(*, record_id: str, seq: int, kind: str, subject: str, training: bool,
                created_at: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    record = {"record_id": record_id, "seq": seq, "kind": kind, "subject": subject,
              "training": training, "created_at": created_at, "payload": dict(payload)}
    validate_record(record)
    return record


def validate_record(record: Any) -> None:
    """Raise ``RecordRejected(invalid_record)`` naming the first field that is wrong."""
    def bad(reason: str) -> RecordRejected:
        return RecordRejected(reason, code=INVALID_RECORD)

    if not isinstance(record, Mapping):
        raise bad("a record must be a JSON object")
    rid = record.get("record_id")
    if not isinstance(rid, str) or not RECORD_ID.fullmatch(rid):
        raise bad("record_id must be 1-128 characters of A-Z a-z 0-9 . _ : -")
    seq = record.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise bad("seq must be a non-negative integer")
    kind = record.get("kind")
    if not isinstance(kind, str) or len(kind) > 64 or not KIND.fullmatch(kind):
        raise bad("kind must be a dotted lowercase name such as 'registration.requested'")
    subject = record.get("subject")
    # NUL is no character of a subject or a time, and a PostgreSQL gateway's text cannot hold it.
    if not isinstance(subject, str) or len(subject) > MAX_SUBJECT or "\x00" in subject:
        raise bad(f"subject must be a string of at most {MAX_SUBJECT} characters, without NUL")
    if not isinstance(record.get("training"), bool):
        raise bad("training must be true or false")
    created = record.get("created_at")
    if not isinstance(created, str) or not 10 <= len(created) <= 40 or "\x00" in created:
        raise bad("created_at must be an ISO-8601 timestamp, without NUL")
    if not isinstance(record.get("payload"), Mapping):
        raise bad("payload must be a JSON object")
    extra = set(record) - set(CONTENT_FIELDS) - {"seq"}
    if extra:
        raise bad(f"unexpected record fields: {', '.join(sorted(extra))}")


def record_digest(record: Mapping[str, Any]) -> str:
    """SHA-256 (hex) over the canonical JSON of the record's content fields."""
    return hashlib.sha256(canonical_json({k: record[k] for k in CONTENT_FIELDS})).hexdigest()
