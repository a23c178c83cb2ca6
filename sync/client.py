"""Signed requests to the gateway, its answers mapped onto ``sync.errors``.

Every request carries the five signing headers of ``sync.wire.signing`` with
a timestamp of *estimated server time*: the local clock plus the offset
learnt from ``X-JX-Server-Time`` on every answer. A ``stale_timestamp`` or
``replayed_nonce`` refusal is retried once at once with the corrected clock
and a fresh nonce; anything else is classified (retryable, permanent,
trust broken) and raised.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from kiosk.identity import Identity
from sync import wire
from sync.errors import (AuditDiverged, BadResponse, BadSignature, ClockSkew, DeviceRevoked, Incompatible, RateLimited, Refused,
                         Retryable, ServerError, SyncError, TrustBroken)
from sync.transport import Response, Transport
from sync.wire import errors as codes

log = logging.getLogger(__name__)


class GatewayClient:
    def __init__(self, identity: Identity, base_url: str, transport: Transport, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.identity = identity
        self.base_url = base_url.rstrip("/")
        self.transport = transport
        self.clock = clock
        self.offset = 0.0

    def now(self) -> float:
        """Best estimate of the gateway's clock."""
        return self.clock() + self.offset

    def learn_server_time(self, server_time: float) -> None:
        self.offset = server_time - self.clock()

    def call(self, method: str, path: str, *, query: Mapping[str, str] | None = None,
             body: bytes = b"", content_type: str | None = None) -> Response:
        target = path + ("?" + urlencode(dict(query)) if query else "")
        attempt = 0
        while True:
            attempt += 1
            headers = wire.sign_request(self.identity.keys.sign, device_id=self.identity.device_id,
                                        method=method, target=target, body=body, now=self.now())
            if content_type:
                headers["Content-Type"] = content_type
            resp = self.transport.request(method, self.base_url + target, headers=headers,
                                          body=body if method != "GET" else None)
            self._learn_from(resp)
            if resp.status == 200:
                return resp
            err = self._classify(method, target, resp)
            if isinstance(err, ClockSkew | _Replayed) and attempt == 1:
                log.info("retrying %s %s at once: %s", method, target, err.code)
                continue
            raise err

    def _learn_from(self, resp: Response) -> None:
        raw = resp.header(wire.kinds.H_SERVER_TIME)
        if raw is None:
            return
        try:
            self.learn_server_time(float(raw))
        except ValueError:
            log.warning("ignoring a malformed %s header", wire.kinds.H_SERVER_TIME)

    def _classify(self, method: str, target: str, resp: Response) -> SyncError:
        where = f"{method} {target}"
        body: Any = None
        try:
            body = wire.parse_json(resp.body, what="the error answer")
        except wire.WireError:
            body = None
        if isinstance(body, Mapping) and isinstance(body.get("server_time"), int | float):
            self.learn_server_time(float(body["server_time"]))
        if resp.status == 429:
            return RateLimited(f"{where}: the gateway asks to slow down (HTTP 429)",
                               retry_after=_retry_after(resp))
        err = wire.error_from_body(resp.status, body)
        if resp.status >= 500:
            return ServerError(f"{where}: gateway error HTTP {resp.status}: {err.message}",
                               status=resp.status, hint="the agent retries by itself")
        message = f"{where}: refused by the gateway ({err.code}): {err.message}"
        if err.code == codes.REVOKED_DEVICE:
            return DeviceRevoked(f"this device has been revoked by the county platform: {err.message}",
                                 hint="syncing has stopped; contact the county platform administrator")
        if err.code == codes.AUDIT_REWOUND:
            return TrustBroken(message, code=err.code, hint=err.hint)
        if err.code == codes.AUDIT_DIVERGED:
            return AuditDiverged(message, hint=err.hint)
        if err.code == codes.STALE_TIMESTAMP:
            return ClockSkew(message, hint=err.hint)
        if err.code == codes.REPLAYED_NONCE:
            return _Replayed(message)
        if err.code in (codes.UNKNOWN_SUITE, codes.UNSUPPORTED_VERSION):
            return Incompatible(message, code=err.code, hint="update the kiosk software")
        return Refused(message, status=resp.status, code=err.code, hint=err.hint)


class _Replayed(Retryable):
    code = "replayed_nonce"


def _retry_after(resp: Response) -> float | None:
    """Retry-After in delta-seconds (the protocol's form); anything else leaves the wait to the backoff."""
    raw = (resp.header("Retry-After") or "").strip()
    return float(raw) if raw.isascii() and raw.isdigit() else None


def bad_response(what: str, exc: wire.WireError) -> SyncError:
    """Map a wire failure while reading a 200 answer onto the agent's tree."""
    if isinstance(exc, wire.SignatureError):
        return BadSignature(f"{what} is not signed by the pinned platform key: {exc.message}",
                            hint="syncing has stopped: the answer was tampered with or comes from another "
                                 "server; check the network path and the gateway address")
    if isinstance(exc, wire.UnknownSuite | wire.UnsupportedVersion):
        return Incompatible(f"{what}: {exc.message}", code=exc.code, hint="update the kiosk software")
    return BadResponse(f"{what} is unusable ({exc.code}): {exc.message}",
                       hint="nothing was applied; the agent retries by itself")
