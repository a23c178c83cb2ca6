"""Request rate limits: per client address, per authenticated device, and on enrollment guessing.

Each limit answers ``429`` with ``Retry-After`` (whole seconds) and the usual
error body, code ``rate_limited``; the kiosk agent waits at least that long
before its next attempt. The per-device limit is taken only after the request's
signature has been verified, so nobody can spend a real device's allowance by
sending requests in its name. Enrollment counts failed attempts per address
(unknown, used or expired tokens, malformed requests): past the allowance the
address is refused until its oldest failure leaves the window, and every
failure is logged with the address and the code, never the token.

The defaults never throttle a working kiosk: an agent syncing every 2 s makes
about 2 requests a second, and a backlog drains in batches of hundreds of
records per request.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sync import wire
from sync.wire import errors as codes

if TYPE_CHECKING:
    from starlette.responses import JSONResponse
    from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("county.limits")

DEVICE_RATE = 10.0
ADDRESS_RATE = 50.0
BURST_SECONDS = 10.0
ENROLL_FAILURES = 10
ENROLL_WINDOW = 600.0
MAX_KEYS = 100_000


class Throttled(wire.WireError):
    """Too many requests; ``retry_after`` says how many seconds to wait."""

    code = codes.RATE_LIMITED

    def __init__(self, message: str, *, retry_after: float, hint: str | None = None) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(message, hint=hint or f"retry in {self.retry_after} s")


class TokenBuckets:
    """One token bucket per key: ``rate`` requests a second, bursts up to ``burst``."""

    def __init__(self, rate: float, burst: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> float:
        """Spend one token for ``key``: 0 when allowed, else the seconds until one is back."""
        now = self.clock()
        tokens, at = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate
        if len(self._buckets) >= MAX_KEYS and key not in self._buckets:
            self._forget_full(now)
        self._buckets[key] = (tokens - 1, now)
        return 0.0

    def _forget_full(self, now: float) -> None:
        """A bucket that has refilled is the same as no bucket."""
        for key in [k for k, (t, at) in self._buckets.items()
                    if t + (now - at) * self.rate >= self.burst]:
            del self._buckets[key]


class EnrollGuard:
    """At most ``failures`` failed enrollments per address within ``window`` seconds."""

    def __init__(self, failures: int, window: float, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.failures = failures
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def _recent(self, address: str, now: float) -> deque[float]:
        seen = self._seen.get(address)
        if seen is None:
            if len(self._seen) >= MAX_KEYS:
                for key in [k for k, q in self._seen.items() if q and now - q[-1] >= self.window]:
                    del self._seen[key]
            seen = self._seen[address] = deque()
        while seen and now - seen[0] >= self.window:
            seen.popleft()
        return seen

    def check(self, address: str) -> None:
        """Refuse ``address`` while it has used up its failed attempts."""
        now = self.clock()
        seen = self._recent(address, now)
        if len(seen) >= self.failures:
            log.warning("enrollment from %s refused: %d failed attempts in the last %.0f s",
                        address, len(seen), self.window)
            raise Throttled("too many failed enrollment attempts from this address",
                            retry_after=seen[0] + self.window - now,
                            hint="check the enrollment code with the county, then retry later")

    def failed(self, address: str, code: str) -> None:
        now = self.clock()
        seen = self._recent(address, now)
        seen.append(now)
        log.warning("enrollment from %s failed (%s): attempt %d of %d allowed in %.0f s",
                    address, code, len(seen), self.failures, self.window)


@dataclass
class Limits:
    """The gateway's request limits; a rate of 0 turns that limit off."""

    device_rate: float = DEVICE_RATE
    address_rate: float = ADDRESS_RATE
    enroll_failures: int = ENROLL_FAILURES
    enroll_window: float = ENROLL_WINDOW
    devices: TokenBuckets | None = field(init=False)
    addresses: TokenBuckets | None = field(init=False)
    enroll: EnrollGuard = field(init=False)

    def __post_init__(self) -> None:
        self.devices = (TokenBuckets(self.device_rate, self.device_rate * BURST_SECONDS)
                        if self.device_rate > 0 else None)
        self.addresses = (TokenBuckets(self.address_rate, self.address_rate * BURST_SECONDS)
                          if self.address_rate > 0 else None)
        self.enroll = EnrollGuard(self.enroll_failures, self.enroll_window)

    def check_device(self, device_id: str) -> None:
        wait = self.devices.take(device_id) if self.devices is not None else 0.0
        if wait:
            raise Throttled(f"device {device_id} is sending requests too fast", retry_after=wait)


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class AddressRateLimit:
    """Pure ASGI: refuses an address over its rate before any routing or body reading."""

    def __init__(self, app: ASGIApp, limits: Limits, clock: Callable[[], float]) -> None:
        self.app = app
        self.limits = limits
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        buckets = self.limits.addresses
        if scope["type"] == "http" and buckets is not None:
            wait = buckets.take(client_address(scope))
            if wait:
                await throttled_response(Throttled("too many requests from this address",
                                                   retry_after=wait), self.clock())(scope, receive, send)
                return
        await self.app(scope, receive, send)


def throttled_response(exc: Throttled, server_time: float) -> JSONResponse:
    from starlette.responses import JSONResponse

    return JSONResponse(wire.error_body(exc, server_time=server_time), status_code=429,
                        headers={"Retry-After": str(exc.retry_after)})
