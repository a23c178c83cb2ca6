"""Connection admission and deadlines in front of uvicorn's HTTP/1.1 protocol.

uvicorn keeps a connection that never sends a request for ever and has no
deadline for a request head, so idle or one-byte-a-second clients can hold
every file descriptor the process has: new connections then fail to be
accepted at all ("Too many open files"), sync requests time out, and shutdown
waits on them. ``guarded_protocol`` puts three rules in front of it:

- at most ``max_connections`` open at once (kept below the descriptor limit, so
  the database, the key file and the accept loop always have descriptors), and
  at most ``per_address`` from one client address; a connection over either is
  reset as soon as it is accepted, which frees its descriptor at once;
- the request head must be complete within ``header_timeout`` seconds of the
  connection opening or of the previous response (slow heads are dropped however
  steadily they trickle);
- the request body must be complete within ``body_timeout`` seconds of its head.

Drops are counted and reported in one summary line per ``report_every``
seconds at most, never one line per connection.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

log = logging.getLogger("county.connections")

# Descriptors kept back from the connection cap: database, WAL, key files, the
# listening socket, the event loop and a margin for connections being refused.
MIN_RESERVE = 64
REPORT_EVERY = 10.0

OVER_CAP = "over the connection cap"
OVER_ADDRESS_CAP = "over the per-address cap"
SLOW_HEAD = "request head not complete in time"
SLOW_BODY = "request body not complete in time"


def raise_descriptor_limit() -> int:
    """Raise the soft open-file limit to the hard one where allowed; returns the soft limit."""
    try:
        import resource
    except ImportError:  # not on POSIX: nothing to raise, assume the common default
        return 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:
            log.warning("cannot raise the open-file limit from %d to %d: %s", soft, target, exc)
    return int(soft) if soft != resource.RLIM_INFINITY else 65536


def _reserve(descriptor_limit: int) -> int:
    return max(MIN_RESERVE, descriptor_limit // 8)


def connection_cap(descriptor_limit: int) -> int:
    """The largest safe number of concurrent connections under ``descriptor_limit``."""
    return max(1, descriptor_limit - _reserve(descriptor_limit))


def accept_backlog(descriptor_limit: int) -> int:
    """The listen backlog, which is also how many connections asyncio accepts in one go: each
    holds a descriptor until the protocol refuses it, so the batch must fit in the reserve."""
    return max(16, min(2048, _reserve(descriptor_limit) // 2))


@dataclass(frozen=True)
class ConnectionPolicy:
    max_connections: int
    per_address: int
    header_timeout: float
    body_timeout: float
    report_every: float = REPORT_EVERY


class ConnectionGuard:
    """Counts open connections per address and drops, and logs drops as a periodic summary."""

    def __init__(self, policy: ConnectionPolicy) -> None:
        self.policy = policy
        self.open = 0
        self.by_address: Counter[str] = Counter()
        self.dropped: Counter[str] = Counter()
        self._pending: Counter[str] = Counter()
        self._pending_from: Counter[str] = Counter()
        self._last_report = -REPORT_EVERY
        self._report_timer: asyncio.TimerHandle | None = None

    def admit(self, address: str) -> str | None:
        """None when ``address`` may open one more connection, else why not."""
        if self.open >= self.policy.max_connections:
            return OVER_CAP
        if self.by_address[address] >= self.policy.per_address:
            return OVER_ADDRESS_CAP
        self.open += 1
        self.by_address[address] += 1
        return None

    def release(self, address: str) -> None:
        self.open -= 1
        self.by_address[address] -= 1
        if self.by_address[address] <= 0:
            del self.by_address[address]

    def drop(self, reason: str, address: str) -> None:
        """Count one dropped connection; called on the event loop."""
        self.dropped[reason] += 1
        self._pending[reason] += 1
        self._pending_from[address] += 1
        if self._report_timer is None:
            wait = self._last_report + self.policy.report_every - time.monotonic()
            if wait <= 0:
                self._report()
            else:
                self._report_timer = asyncio.get_running_loop().call_later(wait, self._report)

    def _report(self) -> None:
        self._report_timer = None
        if not self._pending:
            return
        self._last_report = time.monotonic()
        what = ", ".join(f"{n} {why}" for why, n in self._pending.most_common())
        busiest, count = self._pending_from.most_common(1)[0]
        log.warning("connections dropped: %s (most from %s: %d); %d open of at most %d",
                    what, busiest, count, self.open, self.policy.max_connections)
        self._pending.clear()
        self._pending_from.clear()


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with admission and head/body deadlines (see the module doc)."""

    guard: ConnectionGuard

    def __init__(self, config: Config, server_state: ServerState, app_state: dict[str, Any],
                 _loop: asyncio.AbstractEventLoop | None = None) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._address = ""
        self._admitted = False
        self._deadline: asyncio.TimerHandle | None = None
        self._deadline_for: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        peer = transport.get_extra_info("peername")
        self._address = str(peer[0]) if isinstance(peer, tuple) and peer else "unknown"
        refused = self.guard.admit(self._address)
        if refused is not None:
            self.guard.drop(refused, self._address)
            transport.abort()
            return
        self._admitted = True
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._admitted:
            return
        self._admitted = False
        self._disarm()
        self.guard.release(self._address)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        """Keep the one deadline that fits the request's phase; re-arming the same phase keeps it."""
        if self.transport.is_closing():
            self._disarm()
            return
        state = self.conn.their_state
        if state is h11.IDLE:
            phase, seconds, reason = "head", self.guard.policy.header_timeout, SLOW_HEAD
        elif state is h11.SEND_BODY:
            phase, seconds, reason = "body", self.guard.policy.body_timeout, SLOW_BODY
        else:
            self._disarm()
            return
        key = (phase, self.cycle)
        if self._deadline is not None and self._deadline_for == key:
            return
        self._disarm()
        self._deadline_for = key
        self._deadline = self.loop.call_later(seconds, self._expire, reason)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._deadline_for = None

    def _expire(self, reason: str) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.guard.drop(reason, self._address)
            self.transport.abort()


def guarded_protocol(guard: ConnectionGuard) -> type[GuardedH11Protocol]:
    """A protocol class bound to ``guard``, for ``uvicorn.Config(http=...)``."""
    return type("BoundGuardedH11Protocol", (GuardedH11Protocol,), {"guard": guard})
