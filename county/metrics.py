"""Prometheus metrics of the gateway (``GET /metrics``), right however many workers serve it.

What the database holds is counted there, so every worker answers the same and
nothing is lost with a worker: records stored, resends absorbed, records
rejected by code, devices enrolled and seen in the last hour. What only a
process sees (how long each accepted batch took, requests refused by code) is
counted in memory by each worker and added to ``metric_counts`` every
``FLUSH_EVERY`` seconds, whenever that worker answers ``/metrics`` itself, and
when it stops; a worker killed outright loses at most its last unflushed
seconds of those. Names are added in sorted order, so two workers flushing at
once never wait on each other in a cycle.

No label carries a device, a record or anything a person typed: labels are
protocol error codes and histogram bounds only.
"""

from __future__ import annotations

import logging
import threading

from county.store import Conn, Store

log = logging.getLogger("county.metrics")

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
FLUSH_EVERY = 2.0
LAST_FLUSH_TIMEOUT = 2.0
SEEN_WINDOW = 3600.0
PREFIX = "jx_gateway_"
MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_BUCKET = "batch_seconds_bucket:"
_REFUSED = "refused:"


class Counts:
    """This process's counts not yet added to the database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[str, float] = {}

    def _add(self, amounts: dict[str, float]) -> None:
        with self._lock:
            for name, value in amounts.items():
                self._pending[name] = self._pending.get(name, 0.0) + value

    def batch(self, seconds: float) -> None:
        """An accepted batch took ``seconds`` from its request to its acknowledgement."""
        bound = next((f"{b:g}" for b in BUCKETS if seconds <= b), "+Inf")
        self._add({_BUCKET + bound: 1, "batch_seconds_count": 1, "batch_seconds_sum": seconds})

    def refused(self, code: str) -> None:
        self._add({_REFUSED + code: 1})

    def flush(self, store: Store, *, timeout: float | None = None) -> None:
        """Add the pending counts to the database; kept for the next flush if that fails (or waits
        more than ``timeout`` seconds for a connection)."""
        with self._lock:
            taken, self._pending = self._pending, {}
        if not taken:
            return
        try:
            with store.session(timeout=timeout) as conn, conn.transaction():
                conn.executemany("INSERT INTO metric_counts (name, value) VALUES (?, ?) ON CONFLICT (name) "
                                 "DO UPDATE SET value = metric_counts.value + excluded.value",
                                 sorted(taken.items()))
        except Exception:
            self._add(taken)
            raise


class Flusher(threading.Thread):
    """Flushes a worker's counts every ``every`` seconds, and once more when stopped."""

    def __init__(self, counts: Counts, store: Store, every: float = FLUSH_EVERY) -> None:
        super().__init__(name="metrics-flush", daemon=True)
        self.counts = counts
        self.store = store
        self.every = every
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.every):
            self._flush()

    def stop(self) -> None:
        """The last flush waits briefly: a gateway whose database is gone must still stop soon."""
        self.stopping.set()
        self.join(timeout=5)
        self._flush(timeout=LAST_FLUSH_TIMEOUT)

    def _flush(self, timeout: float | None = None) -> None:
        try:
            self.counts.flush(self.store, timeout=timeout)
        except Exception as exc:
            log.warning("cannot add this worker's metric counts to the database (kept for the next try): %s", exc)


def render(conn: Conn, *, now: float) -> str:
    """The Prometheus text exposition of every gateway metric."""
    def one(sql: str, *params: float) -> float:
        return float(conn.execute(sql, params).fetchone()[0])

    counts = {str(r[0]): float(r[1]) for r in conn.execute("SELECT name, value FROM metric_counts")}
    rejected = {str(r[0]): int(r[1]) for r in conn.execute(
        "SELECT code, COUNT(*) FROM rejections GROUP BY code ORDER BY code")}
    out: list[str] = []

    def metric(name: str, kind: str, text: str, samples: list[tuple[str, float]]) -> None:
        out.extend([f"# HELP {PREFIX}{name} {text}", f"# TYPE {PREFIX}{name} {kind}"])
        out.extend(f"{PREFIX}{name}{labels} {_number(value)}" for labels, value in samples)

    metric("records_accepted_total", "counter", "Records stored, each once, since the database was made.",
           [("", one("SELECT COUNT(*) FROM records"))])
    metric("duplicates_total", "counter", "Records sent again and acknowledged without being stored twice.",
           [("", one("SELECT COUNT(*) FROM duplicates"))])
    metric("records_rejected_total", "counter", "Records answered as rejected in an acknowledgement, by code.",
           [(f'{{code="{code}"}}', n) for code, n in rejected.items()])
    metric("requests_refused_total", "counter", "Requests refused with an error answer, by protocol error code.",
           [(f'{{code="{name[len(_REFUSED):]}"}}', value) for name, value in sorted(counts.items())
            if name.startswith(_REFUSED)])
    cumulative, samples = 0.0, []
    for bound in [*(f"{b:g}" for b in BUCKETS), "+Inf"]:
        cumulative += counts.get(_BUCKET + bound, 0.0)
        samples.append((f'_bucket{{le="{bound}"}}', cumulative))
    samples += [("_sum", counts.get("batch_seconds_sum", 0.0)), ("_count", counts.get("batch_seconds_count", 0.0))]
    metric("batch_seconds", "histogram", "Time from a batch request to its acknowledgement, accepted batches.",
           samples)
    metric("devices_enrolled", "gauge", "Devices enrolled and not revoked.",
           [("", one("SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL"))])
    metric("devices_seen_last_hour", "gauge", "Devices that made a verified request in the last hour.",
           [("", one("SELECT COUNT(*) FROM devices WHERE last_seen >= ?", now - SEEN_WINDOW))])
    return "\n".join(out) + "\n"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
