"""The sync agent: one push-and-pull cycle, or cycles until told to stop.

A cycle pushes the whole outbox (batch by batch), then pulls every new page,
then reports the device's health on ``POST /v1/health``. Each feed's outcome
is recorded in ``sync_state``. Retryable and permanent failures are recorded
and the loop waits (capped exponential backoff with jitter) and tries again,
so the agent resumes by itself when the network or the gateway comes back.
A broken trust (bad platform signature, revoked device) is recorded and
stops the agent with its own exit code.

Stopping: ``stop`` (a ``threading.Event``, set by the SIGTERM handler) is
checked between batches and pages, so the batch in flight is sent and settled
before the agent exits. A SIGKILL at any moment is safe too: records leave
the outbox only when their ack is settled, and a resent batch is answered the
same by the idempotent gateway.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk import __version__, sdnotify, training
from kiosk.config import Config
from kiosk.errors import KioskError
from kiosk.store import Store, outbox, quarantine
from kiosk.store import sync_state as state
from kiosk.store.bookkeeping import bookkeeping
from sync import wire
from sync.client import GatewayClient
from sync.errors import EXIT_FAILED, EXIT_OK, RateLimited, SyncError, TrustBroken
from sync.pull import PullResult, pull_all
from sync.push import PushResult, push_all
from sync.schedule import Backoff

log = logging.getLogger(__name__)


@dataclass
class CycleResult:
    push: PushResult = field(default_factory=PushResult)
    pull: PullResult = field(default_factory=PullResult)
    errors: list[dict[str, str]] = field(default_factory=list)
    retry_after: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """The `kiosk sync --once --json` object; refused items are listed with the errors."""
        refused = [{"feed": state.PULL, "code": state.REFUSED_ITEM,
                    "message": f"pulled item {item} failed its signature check and was not applied"}
                   for item in self.pull.refused_ids]
        return {"pushed": self.push.pushed, "accepted": self.push.accepted,
                "rejected": self.push.rejected, "pulled": self.pull.pulled, "errors": self.errors + refused}


class Agent:
    def __init__(self, store: Store, config: Config, client: GatewayClient, *,
                 stop: threading.Event | None = None, backoff: Backoff | None = None,
                 sleep: Callable[[float], object] | None = None) -> None:
        training.refuse_sync(config, "syncs with the county")
        self.store = store
        self.config = config
        self.client = client
        self.stop = stop or threading.Event()
        self.backoff = backoff or Backoff(cap=float(config["sync"]["backoff_cap_seconds"]))
        self.sleep = sleep or self.stop.wait
        self.health_supported = True
        self.failures = 0

    def _feed(self, feed: str, result: CycleResult, step: Callable[[], object]) -> None:
        state.record_attempt(self.store, feed, self.store.clock())
        try:
            step()
        except TrustBroken as exc:
            state.record_failure(self.store, feed, self.store.clock(), exc.code, str(exc), halted=True)
            raise
        except (KioskError, sqlite3.OperationalError) as exc:
            # Local trouble (a busy database, an unreadable key) is retried like a network
            # failure: a daemon that dies on it would never resume by itself.
            code = exc.code if isinstance(exc, KioskError) else "local_database"
            log.warning("%s failed: %s", feed, exc)
            state.record_failure(self.store, feed, self.store.clock(), code, str(exc))
            result.errors.append({"feed": feed, "code": code, "message": str(exc)})
            if isinstance(exc, RateLimited) and exc.retry_after:
                result.retry_after = max(result.retry_after, exc.retry_after)

    def cycle(self) -> CycleResult:
        """One push-and-pull cycle; raises ``TrustBroken`` (after recording it) to stop, and
        ``StoreError(database_lost)`` when the database was deleted or replaced under the agent."""
        self.store.ensure_present()
        result = CycleResult()

        def push() -> None:
            result.push = push_all(self.client, self.store, stop=self.stop,
                                   batch_max=int(self.config["sync"]["batch_max_records"]))
            with bookkeeping(self.store.conn) as conn:
                state.record_success(conn, state.PUSH, self.store.clock())

        def pull() -> None:
            result.pull = pull_all(self.client, self.store, stop=self.stop)

        self._feed(state.PUSH, result, push)
        if not self.stop.is_set():
            self._feed(state.PULL, result, pull)
        if not result.errors and not self.stop.is_set():
            self._report_health()
        return result

    def _report_health(self) -> None:
        """Device health goes by its own endpoint, never through the outbox; failures only log."""
        if not self.health_supported:
            return
        counts = outbox.counts(self.store)
        body = wire.canonical_json({"version": __version__, "outbox_pending": counts[outbox.PENDING],
                                    "quarantined": quarantine.count_open(self.store),
                                    "offset_seconds": round(self.client.offset, 3)})
        try:
            self.client.call("POST", wire.kinds.PATH_HEALTH, body=body, content_type="application/json")
        except SyncError as exc:
            if getattr(exc, "status", None) == 404:
                self.health_supported = False
            log.info("health report not delivered: %s", exc)

    def next_delay(self, result: CycleResult) -> float:
        if result.errors:
            self.failures += 1
            return self.backoff.delay(self.failures, at_least=result.retry_after)
        self.failures = 0
        return float(self.config["sync"]["interval_seconds"])

    def run(self) -> int:
        """Cycle until ``stop`` is set; returns the exit code.

        Under systemd each finished cycle pings the watchdog and says the backlog in the unit's
        status, and the wait between cycles is cut into slices that ping too: a cycle stuck
        for longer than ``WatchdogSec`` stops the pings, and systemd restarts the agent."""
        while not self.stop.is_set():
            try:
                result = self.cycle()
            except TrustBroken as exc:
                log.error("sync stopped: %s", exc)
                sdnotify.status(f"stopped: {exc}")
                return exc.exit_code
            delay = self.next_delay(result)
            log.info("cycle: pushed %d, pulled %d, %d error(s); next in %.1f s", result.push.pushed,
                     result.pull.pulled, len(result.errors), delay)
            sdnotify.notify("WATCHDOG=1", f"STATUS={self.status_line(result)}")
            self._rest(delay)
        return EXIT_OK

    def status_line(self, result: CycleResult) -> str:
        """The backlog and the last cycle, for ``systemctl status``."""
        pending = outbox.counts(self.store)[outbox.PENDING]
        line = (f"backlog {pending} record(s) to push, {quarantine.count_open(self.store)} quarantined; "
                f"last cycle pushed {result.push.pushed}, pulled {result.pull.pulled}")
        return line + (f", {len(result.errors)} error(s): {result.errors[0]['code']}" if result.errors else "")

    def _rest(self, delay: float) -> None:
        step = sdnotify.watchdog_interval()
        slices = max(1, math.ceil(delay / step)) if step else 1
        for _ in range(slices):
            if self.stop.is_set():
                return
            self.sleep(delay / slices)
            if step:
                sdnotify.watchdog()


def once_exit_code(result: CycleResult) -> int:
    return EXIT_FAILED if result.errors else EXIT_OK
