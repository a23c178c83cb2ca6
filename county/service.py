"""The gateway's protocol logic, independent of the HTTP framework.

``Gateway`` owns the database (``county.store``: one SQLite connection under
a lock, or a PostgreSQL pool; FastAPI runs handlers in a thread pool) and the
platform keys. Cryptography (opening envelopes, sealing pages) runs outside
any database session.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from county import intake, metrics, migrations, platform_keys
from county.errors import GatewayStoreError
from county.issuing import ALL, device_audience, service_point_audience
from county.store import Conn, Row, Store, open_store, transaction
from sync import wire
from sync.wire import errors as codes

DEFAULT_MAX_BODY = wire.DEFAULT_MAX_BODY
DEFAULT_TOKEN_TTL_HOURS = 24.0
PAGE_SIZE = 500
NONCE_PRUNE_EVERY = 512
# A readiness probe waits this long for a database connection before it calls the gateway unready.
READY_TIMEOUT = 2.0


@dataclass(frozen=True)
class Device:
    device_id: str
    service_point: str
    keys: wire.PublicKeys


class Gateway:
    def __init__(self, db: str | Path, *, max_body: int = DEFAULT_MAX_BODY,
                 window: float = wire.DEFAULT_WINDOW_SECONDS,
                 clock: Callable[[], float] = time.time,
                 key_file: Path | None = None, platform_key: Path | None = None,
                 pool_size: int | None = None) -> None:
        """``db`` is a SQLite path or a ``postgresql://`` URI (``county.store.open_store``)."""
        self.store: Store = open_store(db, key_file=key_file, platform_key=platform_key,
                                       pool_size=pool_size)
        try:
            self.keys = platform_keys.load_or_create(self.store.platform_key)
            with self.store.session() as conn:
                platform_keys.pin(conn, self.keys, self.store.platform_key)
        except BaseException:
            self.store.close()
            raise
        self.max_body = max_body
        self.window = window
        self.clock = clock
        self._count_lock = threading.Lock()
        self._requests = 0
        self.nonce_prune_every = NONCE_PRUNE_EVERY
        self.counts = metrics.Counts()

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def locked(self) -> Iterator[Conn]:
        """A database session for one unit of work."""
        with self.store.session() as conn:
            yield conn

    # Enrollment -----------------------------------------------------------

    def issue_token(self, *, url: str, service_point: str,
                    ttl_hours: float = DEFAULT_TOKEN_TTL_HOURS) -> wire.EnrollmentOffer:
        # Hex, not base64: a technician may type it, and a token starting with "-" reads as an option.
        token = os.urandom(24).hex()
        now = self.clock()
        with self.locked() as conn, transaction(conn):
            conn.execute("INSERT INTO tokens (token_hash, service_point, url, created_at, "
                         "expires_at) VALUES (?, ?, ?, ?, ?)",
                         (_token_hash(token), service_point, url, now, now + ttl_hours * 3600))
        return wire.EnrollmentOffer(url.rstrip("/"), token, self.keys.public.fingerprint(),
                                    service_point)

    def enroll(self, body: bytes) -> dict[str, Any]:
        req = wire.verify_enroll_request(wire.parse_json(body, what="the enrollment request"))
        now = self.clock()
        with self.locked() as conn, transaction(conn):
            token = conn.execute("SELECT * FROM tokens WHERE token_hash = ?",
                                 (_token_hash(req.token),)).fetchone()
            if token is None:
                raise wire.EnrollmentError("this enrollment token is not known to the gateway",
                                           code=codes.TOKEN_UNKNOWN,
                                           hint="ask the county for a new enrollment code")
            if token["used_at"] is not None:
                again = self._same_device(conn, token["device_id"], req.keys)
                if again is not None:
                    return self._enrollment_answer(again, now)
                raise wire.EnrollmentError("this enrollment token was already used",
                                           code=codes.TOKEN_USED,
                                           hint="each code enrolls one device; ask for a new one")
            if token["expires_at"] < now:
                raise wire.EnrollmentError("this enrollment token has expired",
                                           code=codes.TOKEN_EXPIRED,
                                           hint="ask the county for a new enrollment code")
            device = Device(f"d-{uuid.uuid4().hex[:16]}", token["service_point"], req.keys)
            keys = req.keys.to_dict()
            conn.execute("INSERT INTO devices (device_id, service_point, label, sign_pub, kem_pub, "
                         "enrolled_at) VALUES (?, ?, ?, ?, ?, ?)",
                         (device.device_id, device.service_point, req.label, keys["sign"],
                          keys["kem"], now))
            conn.execute("UPDATE tokens SET used_at = ?, device_id = ? WHERE token_hash = ?",
                         (now, device.device_id, token["token_hash"]))
        return self._enrollment_answer(device, now)

    def _same_device(self, conn: Conn, device_id: str | None,
                     keys: wire.PublicKeys) -> Device | None:
        """A device retrying its own enrollment (the answer was lost) gets the same answer."""
        row = conn.execute("SELECT * FROM devices WHERE device_id = ?", (device_id,)).fetchone()
        if row is None or row["revoked_at"] is not None:
            return None
        device = _device(row)
        return device if device.keys.fingerprint() == keys.fingerprint() else None

    def _enrollment_answer(self, device: Device, now: float) -> dict[str, Any]:
        return wire.enroll_response(device_id=device.device_id, service_point=device.service_point,
                                    platform=self.keys.public, server_time=now)

    # Request authentication ----------------------------------------------

    def authenticate(self, *, method: str, target: str,
                     headers: Mapping[str, str]) -> tuple[wire.RequestAuth, Device]:
        """Every check that needs no body: headers, device, clock, signature."""
        auth = wire.parse_request_headers(headers)
        with self.locked() as conn:
            row = conn.execute("SELECT * FROM devices WHERE device_id = ?",
                               (auth.device_id,)).fetchone()
        if row is None:
            raise wire.RequestRefused(f"device {auth.device_id} is not enrolled at this gateway",
                                      code=codes.UNKNOWN_DEVICE, hint="enroll the device first")
        if row["revoked_at"] is not None:
            raise wire.RequestRefused(f"device {auth.device_id} has been revoked",
                                      code=codes.REVOKED_DEVICE,
                                      hint="contact the county to re-enroll this kiosk")
        wire.check_timestamp(auth, window=self.window, clock=self.clock)
        device = _device(row)
        wire.check_signature(auth, method=method, target=target, device=device.keys.sign)
        return auth, device

    def accept_body(self, auth: wire.RequestAuth, body: bytes) -> None:
        """Check the body against its signed hash, then spend the nonce."""
        wire.check_body(auth, wire.sha256_hex(body))
        now = self.clock()
        with self._count_lock:
            self._requests += 1
            prune = self._requests % self.nonce_prune_every == 0
        with self.locked() as conn, transaction(conn):
            spent = conn.execute("INSERT INTO nonces (device_id, nonce, seen_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (device_id, nonce) DO NOTHING RETURNING nonce",
                                 (auth.device_id, auth.nonce, now)).fetchone()
            if spent is None:
                raise wire.RequestRefused("this request nonce was already used",
                                          code=codes.REPLAYED_NONCE,
                                          hint="a replayed request; sign every send afresh")
            conn.execute("UPDATE devices SET last_seen = ? WHERE device_id = ?",
                         (now, auth.device_id))
            if prune:
                # Older nonces can only come with timestamps the window already refuses.
                conn.execute("DELETE FROM nonces WHERE seen_at < ?", (now - 2 * self.window,))

    # Batches --------------------------------------------------------------

    def receive_batch(self, device: Device, body: bytes) -> bytes:
        envelope = wire.parse_envelope(body)
        if envelope.device_id != device.device_id:
            raise wire.RequestRefused("the batch header names another device than the request",
                                      code=codes.DEVICE_MISMATCH)
        return self._store(envelope, device, source="http")

    def import_envelope(self, data: bytes) -> bytes:
        """Sneakernet: the envelope's own device signature authenticates it."""
        envelope = wire.parse_envelope(data)
        with self.locked() as conn:
            row = conn.execute("SELECT * FROM devices WHERE device_id = ?",
                               (envelope.device_id,)).fetchone()
        if row is None:
            raise wire.RequestRefused(f"device {envelope.device_id} is not enrolled here",
                                      code=codes.UNKNOWN_DEVICE)
        if row["revoked_at"] is not None:
            raise wire.RequestRefused(f"device {envelope.device_id} has been revoked",
                                      code=codes.REVOKED_DEVICE)
        return self._store(envelope, _device(row), source="import")

    def _store(self, envelope: wire.Envelope, device: Device, *, source: str) -> bytes:
        batch = wire.open_batch(envelope, sender=device.keys.sign, recipient=self.keys.kem)
        with self.locked() as conn:
            return intake.store_batch(conn, self.keys, batch, now=self.clock(), source=source)

    # Changes and health -----------------------------------------------------

    def changes(self, device: Device, cursor: str | None) -> bytes:
        cursor = cursor or "0"
        if not cursor.isascii() or not cursor.isdigit() or len(cursor) > 18:
            raise wire.WireError(f"cursor {cursor[:40]!r} is not one this gateway issued",
                                 code=codes.BAD_REQUEST,
                                 hint="start again without a cursor")
        with self.locked() as conn:
            rows = conn.execute(
                "SELECT seq, body FROM items WHERE seq > ? AND audience IN (?, ?, ?) "
                "ORDER BY seq LIMIT ?",
                (int(cursor), ALL, service_point_audience(device.service_point),
                 device_audience(device.device_id), PAGE_SIZE)).fetchall()
            items = [json.loads(conn.unseal(r["body"], "items.body")) for r in rows]
        next_cursor = str(rows[-1]["seq"]) if rows else cursor
        page = wire.make_page(cursor=cursor, next_cursor=next_cursor, items=items,
                              server_time=self.clock())
        return wire.seal_changes(page, device_id=device.device_id, signer=self.keys.sign,
                                 recipient=device.keys.kem)

    def health(self, device: Device, body: bytes) -> dict[str, Any]:
        report = wire.parse_json(body, what="the health report")
        if not isinstance(report, dict):
            raise wire.MalformedError("the health report must be a JSON object",
                                      code=codes.MALFORMED_JSON)
        now = self.clock()
        with self.locked() as conn, transaction(conn):
            conn.execute("UPDATE devices SET last_health = ?, last_seen = ? WHERE device_id = ?",
                         (json.dumps(report, ensure_ascii=False), now, device.device_id))
        return {"ok": True, "server_time": now}

    def readiness(self) -> dict[str, Any]:
        """``GET /v1/health``: whether the database answers and carries every migration this
        gateway knows; ``ok`` False names what is wrong."""
        answer: dict[str, Any] = {"ok": False, "engine": self.store.engine, "database": "unreachable",
                                  "migrations": {"known": len(migrations.names()), "pending": None}}
        try:
            with self.store.session(timeout=READY_TIMEOUT) as conn:
                pending = migrations.pending(conn)
        except GatewayStoreError as exc:
            answer["problem"] = exc.message
            return answer
        except Exception as exc:  # the engine's own error: the database is there but unusable
            answer["problem"] = f"database error: {type(exc).__name__}"
            return answer
        answer.update(database="reachable", migrations={"known": len(migrations.names()), "pending": pending})
        if pending:
            answer["problem"] = (f"the database lacks migration(s) {', '.join(pending)}: restart one gateway "
                                 "process on it to apply them")
        else:
            answer["ok"] = True
        return answer

    def metrics_text(self) -> str:
        """``GET /metrics``: this process's counts flushed first, then every count from the database."""
        self.counts.flush(self.store)
        with self.locked() as conn:
            return metrics.render(conn, now=self.clock())

    def status(self) -> dict[str, Any]:
        with self.locked() as conn:
            return intake.status(conn)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _device(row: Row) -> Device:
    return Device(row["device_id"], row["service_point"],
                  wire.PublicKeys.from_dict({"sign": row["sign_pub"], "kem": row["kem_pub"]}))
