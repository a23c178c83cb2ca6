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

``serve --plain-baseline`` adds ``POST /v1/bench/plain-batches``: unsigned,
unencrypted JSON ``{device_id, batch_id, records}`` stored through the same
idempotent path. It exists only so ``bench/sync.py`` can measure the cost of
the protocol's cryptography against the same server; it is off by default
and absent from the OpenAPI document.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from county.limits import AddressRateLimit, Limits, Throttled, client_address, throttled_response
from county.service import Device, Gateway
from sync import wire
from sync.wire import errors as codes
from sync.wire import kinds

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


_ERROR = {"description": "refused; body {error: {code, message, hint?}, server_time}",
          "content": {"application/json": {"schema": {"type": "object"}}}}
_SIGNED = {"parameters": [
    {"name": h, "in": "header", "required": True, "schema": {"type": "string"}}
    for h in (kinds.H_DEVICE, kinds.H_TIMESTAMP, kinds.H_NONCE, kinds.H_BODY_SHA256,
              kinds.H_SIGNATURE)]}
_KEYS = {"type": "object", "required": ["sign", "kem"],
         "properties": {"sign": {"type": "string", "description": "Ed25519, raw, base64url"},
                        "kem": {"type": "string", "description": "X25519, raw, base64url"}}}
_ENROLLED = {"description": "enrolled", "content": {"application/json": {"schema": {
    "type": "object",
    "required": ["device_id", "service_point", "platform", "fingerprint", "server_time"],
    "properties": {"device_id": {"type": "string"}, "service_point": {"type": "string"},
                   "platform": _KEYS, "fingerprint": {"type": "string"},
                   "server_time": {"type": "number"}}}}}}
_ACK = {"description": "signed acknowledgement (sync.wire.messages)",
        "content": {"application/json": {"schema": {
            "type": "object",
            "required": ["type", "v", "device_id", "batch_id", "accepted", "rejected",
                         "server_time", "sig"],
            "properties": {
                "type": {"const": "ack"}, "v": {"const": 1}, "device_id": {"type": "string"},
                "batch_id": {"type": "string"},
                "accepted": {"type": "array", "items": {"type": "string"}},
                "rejected": {"type": "array", "items": {
                    "type": "object", "required": ["record_id", "code", "reason"],
                    "properties": {"record_id": {"type": "string"}, "code": {"type": "string"},
                                   "reason": {"type": "string"}}}},
                "server_time": {"type": "number"}, "sig": {"type": "string"}}}}}}
_HEALTHY = {"description": "heartbeat noted", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"ok": {"type": "boolean"},
                                     "server_time": {"type": "number"}}}}}}
_ENVELOPE_BODY = {"required": True, "content": {kinds.ENVELOPE_MEDIA_TYPE: {
    "schema": {"type": "string", "format": "binary"}}}}


_THROTTLED = {"description": "rate limited; wait Retry-After seconds (code rate_limited)",
              "headers": {"Retry-After": {"schema": {"type": "integer"}}},
              "content": {"application/json": {"schema": {"type": "object"}}}}


def create_app(gateway: Gateway | None = None, *, limits: Limits | None = None,
               docs: bool = False) -> FastAPI:
    """The application; ``gateway`` may be None only to render the OpenAPI document.

    ``docs`` serves the interactive pages at /docs and /redoc and the document at
    /openapi.json; off, as in production, the document is still printed by
    ``county-gateway openapi``."""
    app = FastAPI(
        docs_url="/docs" if docs else None, redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        responses={429: _THROTTLED},
        title="Jia County 交房即交证 reference gateway",
        version="1",
        description="Server side of the kiosk sync protocol. Formats are defined in the "
                    "shared module sync.wire (envelope layout, signed items and acks, "
                    "request signing headers, error codes).",
    )
    app.state.gateway = gateway
    app.state.limits = limits = limits if limits is not None else Limits()
    clock = gateway.clock if gateway is not None else time.time

    @app.exception_handler(wire.WireError)
    async def wire_error(request: Request, exc: wire.WireError) -> JSONResponse:
        if isinstance(exc, Throttled):
            return throttled_response(exc, clock())
        return JSONResponse(wire.error_body(exc, server_time=clock()), status_code=exc.http_status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises after this answer and uvicorn logs the traceback once.
        err = wire.WireError("the gateway failed unexpectedly; the request was not applied",
                             code=codes.SERVER_ERROR, hint="retry later")
        return JSONResponse(wire.error_body(err, server_time=clock()), status_code=500)

    @app.post(kinds.PATH_ENROLL, summary="Enroll a device with a one-time token",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"type": "object", "required": ["token", "keys", "proof"],
                             "properties": {"token": {"type": "string"},
                                            "keys": _KEYS,
                                            "label": {"type": "string"},
                                            "proof": {"type": "string"}}}}}}},
              responses={200: _ENROLLED, 400: _ERROR, 401: _ERROR, 404: _ERROR, 410: _ERROR})
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
              responses={200: _ACK, 400: _ERROR, 401: _ERROR, 403: _ERROR, 409: _ERROR,
                         413: _ERROR})
    async def batches(request: Request) -> Response:
        gw, device, body = await _authenticated_body(request, _gateway(request).max_body)
        ack = await run_in_threadpool(gw.receive_batch, device, body)
        return Response(ack, media_type="application/json")

    @app.get(kinds.PATH_CHANGES, summary="Pull the next signed page of changes, sealed to the device",
             openapi_extra={**_SIGNED, "parameters": [
                 *_SIGNED["parameters"],
                 {"name": "cursor", "in": "query", "required": False,
                  "schema": {"type": "string"}}]},
             responses={200: {"description": "changes envelope",
                              "content": {kinds.ENVELOPE_MEDIA_TYPE: {
                                  "schema": {"type": "string", "format": "binary"}}}},
                        400: _ERROR, 401: _ERROR, 403: _ERROR, 409: _ERROR})
    async def changes(request: Request) -> Response:
        gw, device, _ = await _authenticated_body(request, 0)
        data = await run_in_threadpool(gw.changes, device, request.query_params.get("cursor"))
        return Response(data, media_type=kinds.ENVELOPE_MEDIA_TYPE)

    @app.post(kinds.PATH_HEALTH, summary="Device heartbeat (not stored as a record)",
              openapi_extra={**_SIGNED, "requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "object"}}}}},
              responses={200: _HEALTHY, 400: _ERROR, 401: _ERROR, 403: _ERROR, 409: _ERROR})
    async def health(request: Request) -> JSONResponse:
        gw, device, body = await _authenticated_body(request, HEALTH_MAX_BODY)
        return JSONResponse(await run_in_threadpool(gw.health, device, body))

    if gateway is not None and gateway.plain_baseline:
        @app.post("/v1/bench/plain-batches", include_in_schema=False)
        async def plain_batches(request: Request) -> Response:
            body = await read_body(request, _gateway(request).max_body)
            return Response(await run_in_threadpool(_gateway(request).receive_plain, body),
                            media_type="application/json")

    app.add_middleware(AddressRateLimit, limits=limits, clock=clock)
    app.add_middleware(ServerTimeHeader, clock=clock)
    return app
