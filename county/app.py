"""The HTTP face of the gateway (FastAPI on uvicorn).

Handlers read raw bodies themselves so that the size cap is enforced before
the body is read (``Content-Length`` first, then a running count while
streaming) and so that no request reaches JSON or envelope parsing before the
device, its clock and its signature have been checked. Every refusal is a
``sync.wire.WireError`` answered as ``{"error": {...}, "server_time"}`` with
the code's HTTP status; every answer carries ``X-JX-Server-Time``.

Requests over a rate (per client address before routing, per device once its
signature is verified, failed enrollments per address) are answered ``429``
with ``Retry-After`` (``county.limits``); connection admission and deadlines
sit below, in the HTTP protocol (``county.connections``).

``GET /v1/health`` (readiness: the database answers and is migrated) and
``GET /metrics`` (Prometheus text, ``county.metrics``) are unsigned operator
routes; a ``500`` is answered outside every middleware, so it sets
``X-JX-Server-Time`` itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from county import metrics
from county.limits import AddressRateLimit, Limits, Throttled, client_address, throttled_response
from county.service import Device, Gateway
from sync import wire
from sync.wire import errors as codes
from sync.wire import kinds, signing

PATH_METRICS = "/metrics"
ENROLL_MAX_BODY = 64 * 1024
HEALTH_MAX_BODY = 256 * 1024


class ServerTimeHeader:
    """Adds ``X-JX-Server-Time`` to every answer, errors included (pure ASGI: no body buffering)."""

    def __init__(self, app: ASGIApp, clock: Callable[[], float]) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_time(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((kinds.H_SERVER_TIME.lower().encode(),
                                f"{self.clock():.3f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_time)


def _target(request: Request) -> str:
    path = request.scope.get("raw_path") or request.scope["path"].encode("utf-8")
    query = request.scope.get("query_string", b"")
    text = path.decode("latin-1")
    return f"{text}?{query.decode('latin-1')}" if query else text


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with ``body_too_large`` as soon as it is known to exceed ``limit``."""
    declared = request.headers.get("content-length")
    too_large = wire.RequestRefused(f"the request body exceeds the {limit}-byte limit",
                                    code=codes.BODY_TOO_LARGE, hint="send smaller batches")
    if declared is not None:
        if not declared.isdigit():
            raise wire.WireError("Content-Length is not a number", code=codes.BAD_REQUEST)
        if int(declared) > limit:
            raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:
        raise wire.WireError(f"the connection closed after {size} bytes of the body",
                             code=codes.BAD_REQUEST, hint="nothing was applied; resend") from None
    return b"".join(chunks)


def _limits(request: Request) -> Limits:
    limits: Limits = request.app.state.limits
    return limits


def _gateway(request: Request) -> Gateway:
    gateway: Gateway = request.app.state.gateway
    return gateway


async def _authenticated_body(request: Request, limit: int) -> tuple[Gateway, Device, bytes]:
    gw = _gateway(request)
    auth, device = await run_in_threadpool(gw.authenticate, method=request.method,
                                           target=_target(request), headers=request.headers)
    _limits(request).check_device(device.device_id)
    body = await read_body(request, limit)
    await run_in_threadpool(gw.accept_body, auth, body)
    return gw, device, body


def _codes(status: int, *extra: str) -> list[str]:
    return sorted({c for c, st in codes.HTTP_STATUS.items() if st == status} | set(extra))


_SERVER_TIME = {kinds.H_SERVER_TIME: {
    "description": "the gateway's clock, Unix seconds; every answer carries it", "required": True,
    "schema": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}}}
_ERROR_BODY = {"type": "object", "required": ["error", "server_time"], "properties": {
    "error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string", "enum": sorted(codes.CODES)}, "message": {"type": "string"},
        "hint": {"type": "string"}}},
    "server_time": {"type": "number"}}}


def _error(status: int, description: str, only: tuple[str, ...] = ()) -> dict[str, Any]:
    """A refusal: its codes are listed so a client knows what it must handle."""
    listed = sorted(only) if only else _codes(status)
    return {"description": f"{description}; error.code one of: {', '.join(listed)}",
            "headers": _SERVER_TIME,
            "content": {"application/json": {"schema": _ERROR_BODY}}}


_RATE_LIMITED = {
    "description": "too many requests or connections: wait Retry-After seconds (integer), then retry; "
                   "error.code rate_limited",
    "headers": {"Retry-After": {"description": "delta-seconds", "schema": {"type": "string", "pattern": "^[0-9]+$"}}},
    "content": {"application/json": {"schema": _ERROR_BODY}}}
_SIGNED_ERRORS: dict[int | str, Any] = {
    400: _error(400, "malformed signing headers or body", (
        codes.BAD_HEADERS, codes.BODY_MISMATCH, codes.BAD_ENVELOPE, codes.UNSUPPORTED_VERSION,
        codes.UNKNOWN_SUITE, codes.DECRYPT_FAILED, codes.BAD_CHECKPOINT, codes.MALFORMED_JSON,
        codes.BAD_REQUEST)),
    401: _error(401, "unknown device, clock outside the window, or a signature that does not verify"),
    403: _error(403, "revoked device, or a batch naming another device"),
    409: _error(409, "nonce reused, or the device's audit chain went back or diverged",
                (codes.REPLAYED_NONCE, codes.AUDIT_REWOUND, codes.AUDIT_DIVERGED)),
    413: _error(413, "body larger than the gateway accepts"),
    429: _RATE_LIMITED,
    500: _error(500, "the gateway failed; nothing was applied"),
}
_B64URL_32 = {"type": "string", "pattern": "^[A-Za-z0-9_-]{43}=?$",
              "description": "32 raw bytes, base64url (padding optional)"}
_B64URL_SIG = {"type": "string", "pattern": f"^{signing.SIGNATURE.pattern}$",
               "description": "64-byte Ed25519 signature, base64url"}
_HEX64 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_DEVICE_ID = {"type": "string", "pattern": f"^{signing.DEVICE_ID.pattern}$"}
_HEADERS = {
    kinds.H_DEVICE: (_DEVICE_ID, "the device id issued at enrollment"),
    kinds.H_TIMESTAMP: ({"type": "string", "pattern": f"^{signing.TIMESTAMP.pattern}$"},
                        "Unix seconds, the device's estimate of the gateway clock; refused outside "
                        f"±{wire.DEFAULT_WINDOW_SECONDS} s"),
    kinds.H_NONCE: ({"type": "string", "pattern": f"^{signing.NONCE.pattern}$"},
                    "16 random bytes in base64url, never reused by the device"),
    kinds.H_BODY_SHA256: ({"type": "string", "pattern": f"^{signing.BODY_SHA256.pattern}$"},
                          "SHA-256 of the exact body bytes (of nothing for GET), hex"),
    kinds.H_SIGNATURE: (_B64URL_SIG, "Ed25519 over 'JX-REQ-1' LF and the canonical request"),
}
_SIGNED = {"parameters": [
    {"name": name, "in": "header", "required": True, "schema": schema, "description": text}
    for name, (schema, text) in _HEADERS.items()]}
_KEYS = {"type": "object", "required": ["sign", "kem"],
         "properties": {"sign": {**_B64URL_32, "description": "Ed25519 public key, raw, base64url"},
                        "kem": {**_B64URL_32, "description": "X25519 public key, raw, base64url"}}}
_ENROLL_BODY = {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "required": ["token", "keys", "proof"],
    "properties": {"token": {"type": "string", "pattern": f"^{wire.enrollment.TOKEN.pattern}$",
                             "description": "the one-time token from the enrollment QR"},
                   "keys": _KEYS,
                   "label": {"type": "string", "maxLength": wire.enrollment.MAX_LABEL, "default": "",
                             "pattern": "^[^\\u0000]*$", "description": "free text without NUL"},
                   "proof": {**_B64URL_SIG, "description": "Ed25519 by the new 'sign' key over 'JX-ENROLL-1' "
                                                           "LF and the canonical JSON of {token, keys, label}"}}}}}}
_ENROLLED = {"description": "enrolled", "headers": _SERVER_TIME, "content": {"application/json": {"schema": {
    "type": "object",
    "required": ["device_id", "service_point", "platform", "fingerprint", "server_time"],
    "properties": {"device_id": _DEVICE_ID, "service_point": {"type": "string"},
                   "platform": _KEYS, "fingerprint": _HEX64,
                   "server_time": {"type": "number"}}}}}}
_ACK = {"description": "signed acknowledgement (docs/protocol.md section 7)", "headers": _SERVER_TIME,
        "content": {"application/json": {"schema": {
            "type": "object",
            "required": ["type", "v", "device_id", "batch_id", "accepted", "rejected",
                         "server_time", "sig"],
            "properties": {
                "type": {"const": "ack"}, "v": {"const": 1}, "device_id": _DEVICE_ID,
                "batch_id": {"type": "string", "minLength": 1},
                "accepted": {"type": "array", "items": {"type": "string"}},
                "rejected": {"type": "array", "items": {
                    "type": "object", "required": ["record_id", "code", "reason"],
                    "properties": {"record_id": {"type": "string"},
                                   "code": {"type": "string", "enum": [codes.CONFLICT, codes.INVALID_RECORD]},
                                   "reason": {"type": "string"}}}},
                "server_time": {"type": "number"},
                "checkpoint": {"type": "object", "required": ["seq", "hash"],
                               "properties": {"seq": {"type": "integer", "minimum": 0}, "hash": _HEX64}},
                "sig": _B64URL_SIG}}}}}
_HEALTHY = {"description": "heartbeat noted", "headers": _SERVER_TIME,
            "content": {"application/json": {"schema": {
                "type": "object", "required": ["ok", "server_time"],
                "properties": {"ok": {"const": True}, "server_time": {"type": "number"}}}}}}
_READY = {"description": "ready: the database answers and carries every migration", "headers": _SERVER_TIME,
          "content": {"application/json": {"schema": {
              "type": "object", "required": ["ok", "engine", "database", "migrations", "server_time"],
              "properties": {"ok": {"type": "boolean"}, "engine": {"enum": ["sqlite", "postgresql"]},
                             "database": {"enum": ["reachable", "unreachable"]},
                             "migrations": {"type": "object", "required": ["known", "pending"], "properties": {
                                 "known": {"type": "integer"},
                                 "pending": {"type": ["array", "null"], "items": {"type": "string"}}}},
                             "problem": {"type": "string"}, "server_time": {"type": "number"}}}}}}
_ENVELOPE_SCHEMA = {
    "type": "string", "format": "binary",
    "x-magic": "4a58534501",
    "description": "a sealed envelope (docs/protocol.md section 5): the bytes 'JXSE' and layout version 0x01, "
                   "u32 header length, canonical-JSON header (v 2), u32 ciphertext length, HPKE ciphertext, "
                   "64-byte Ed25519 signature"}
_ENVELOPE_BODY = {"required": True, "content": {kinds.ENVELOPE_MEDIA_TYPE: {"schema": _ENVELOPE_SCHEMA}}}
_CURSOR = {"name": "cursor", "in": "query", "required": False,
           "description": "next_cursor of the last page applied; absent or 0 from the start",
           "schema": {"type": "string", "pattern": r"^[0-9]{1,18}$"}}


def create_app(gateway: Gateway | None = None, *, limits: Limits | None = None,
               docs: bool = False) -> FastAPI:
    """The application; ``gateway`` may be None only to render the OpenAPI document.

    ``docs`` serves the interactive pages at /docs and /redoc and the document at
    /openapi.json; off, as in production, the document is still printed by
    ``county-gateway openapi``."""
    app = FastAPI(
        docs_url="/docs" if docs else None, redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        responses={429: _RATE_LIMITED},
        title="Jia County 交房即交证 reference gateway",
        version=str(wire.envelope.HEADER_VERSION),
        description="Server side of the kiosk sync protocol, version "
                    f"{wire.envelope.HEADER_VERSION}. docs/protocol.md is the normative text; this "
                    "document declares what the gateway checks in each request.",
    )
    app.state.gateway = gateway
    app.state.limits = limits = limits if limits is not None else Limits()
    clock = gateway.clock if gateway is not None else time.time

    def refused(code: str) -> None:
        if gateway is not None:
            gateway.counts.refused(code)

    @app.exception_handler(wire.WireError)
    async def wire_error(request: Request, exc: wire.WireError) -> JSONResponse:
        refused(exc.code)
        if isinstance(exc, Throttled):
            return throttled_response(exc, clock())
        return JSONResponse(wire.error_body(exc, server_time=clock()), status_code=exc.http_status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises after this answer and uvicorn logs the traceback once. The answer is
        # made outside every middleware, ServerTimeHeader too, so it carries the server time itself.
        refused(codes.SERVER_ERROR)
        err = wire.WireError("the gateway failed unexpectedly; the request was not applied",
                             code=codes.SERVER_ERROR, hint="retry later")
        now = clock()
        return JSONResponse(wire.error_body(err, server_time=now), status_code=500,
                            headers={kinds.H_SERVER_TIME: f"{now:.3f}"})

    @app.post(kinds.PATH_ENROLL, summary="Enroll a device with a one-time token",
              openapi_extra={"requestBody": _ENROLL_BODY},
              responses={200: _ENROLLED,
                         400: _error(400, "malformed request", (codes.BAD_ENROLLMENT, codes.MALFORMED_JSON,
                                                                codes.BAD_REQUEST)),
                         401: _error(401, "the proof does not verify with the presented key",
                                     (codes.BAD_SIGNATURE,)),
                         404: _error(404, "token unknown", (codes.TOKEN_UNKNOWN,)),
                         410: _error(410, "token already used by another device, or expired"),
                         413: _error(413, "body over 64 KiB"), 429: _RATE_LIMITED,
                         500: _error(500, "the gateway failed; nothing was applied")})
    async def enroll(request: Request) -> JSONResponse:
        address = client_address(request.scope)
        limits.enroll.check(address)
        try:
            body = await read_body(request, ENROLL_MAX_BODY)
            return JSONResponse(await run_in_threadpool(_gateway(request).enroll, body))
        except wire.WireError as exc:
            limits.enroll.failed(address, exc.code)
            raise

    @app.post(kinds.PATH_BATCHES, summary="Push a sealed batch; answers a signed acknowledgement",
              openapi_extra={**_SIGNED, "requestBody": _ENVELOPE_BODY},
              responses={200: _ACK, **_SIGNED_ERRORS})
    async def batches(request: Request) -> Response:
        started = time.perf_counter()
        gw, device, body = await _authenticated_body(request, _gateway(request).max_body)
        ack = await run_in_threadpool(gw.receive_batch, device, body)
        gw.counts.batch(time.perf_counter() - started)
        return Response(ack, media_type="application/json")

    @app.get(kinds.PATH_CHANGES, summary="Pull the next signed page of changes, sealed to the device",
             openapi_extra={"parameters": [*_SIGNED["parameters"], _CURSOR]},
             responses={200: {"description": "changes envelope", "headers": _SERVER_TIME,
                              "content": {kinds.ENVELOPE_MEDIA_TYPE: {"schema": _ENVELOPE_SCHEMA}}},
                        **_SIGNED_ERRORS})
    async def changes(request: Request) -> Response:
        gw, device, _ = await _authenticated_body(request, 0)
        data = await run_in_threadpool(gw.changes, device, request.query_params.get("cursor"))
        return Response(data, media_type=kinds.ENVELOPE_MEDIA_TYPE)

    @app.post(kinds.PATH_HEALTH, summary="Device heartbeat (not stored as a record)",
              openapi_extra={**_SIGNED, "requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object",
                                                  "description": "any JSON object, at most 256 KiB"}}}}},
              responses={200: _HEALTHY, **_SIGNED_ERRORS})
    async def health(request: Request) -> JSONResponse:
        gw, device, body = await _authenticated_body(request, HEALTH_MAX_BODY)
        return JSONResponse(await run_in_threadpool(gw.health, device, body))

    @app.get(kinds.PATH_HEALTH, summary="Readiness for load balancers and monitoring (unsigned; not used by devices)",
             responses={200: _READY, 503: {**_READY, "description": "not ready: the database is unreachable or "
                                                                   "lacks a migration; 'problem' says which"}})
    async def ready(request: Request) -> JSONResponse:
        answer = await run_in_threadpool(_gateway(request).readiness)
        answer["server_time"] = clock()
        return JSONResponse(answer, status_code=200 if answer["ok"] else 503)

    @app.get(PATH_METRICS, summary="Prometheus text: counts and batch latency, no personal data",
             responses={200: {"description": "Prometheus text exposition format 0.0.4", "headers": _SERVER_TIME,
                              "content": {"text/plain": {"schema": {"type": "string"}}}},
                        500: _error(500, "the gateway failed; nothing was applied")})
    async def prometheus(request: Request) -> Response:
        text = await run_in_threadpool(_gateway(request).metrics_text)
        return Response(text, media_type=metrics.MEDIA_TYPE)

    app.add_middleware(AddressRateLimit, limits=limits, clock=clock)
    app.add_middleware(ServerTimeHeader, clock=clock)
    return app
