"""DiagnosticsView: what a technician checks on the terminal, none of it personal.

The sync agent's state as `kiosk status` reads it (enrollment, outbox backlog,
per-feed sync state with the last error, a stop), the open quarantine with each
record's code and reason, and the newest lines of the app's, the agent's and the
commands' logs. Log lines are scrubbed when written (``kiosk.logs``); the
quarantine reasons come from the platform and are scrubbed here on the way out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from kiosk import logs
from kiosk.rules.county_time import local_time
from kiosk.services.context import Context
from kiosk.status import summary
from kiosk.store import quarantine

__all__ = ["DiagnosticsView", "FeedRow", "LogLine", "QuarantineRow", "diagnostics_view"]

LOG_TAIL_BYTES = 64 * 1024
LOG_LINES = 60


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One sync feed (``push``/``pull``); times are the county's wall clock (``local``), '' when never."""

    feed: str
    last_attempt: str
    last_success: str
    last_error: str
    last_error_code: str
    last_error_at: str
    consecutive_failures: int
    halted: bool


@dataclass(frozen=True, slots=True)
class QuarantineRow:
    record_id: str
    kind: str
    code: str
    reason: str
    at: str


@dataclass(frozen=True, slots=True)
class LogLine:
    """One log line; ``level`` is DEBUG..CRITICAL, or '' for a line that is not a log object;
    ``ts`` the county's wall clock (``local``)."""

    ts: str
    level: str
    process: str
    message: str


@dataclass(frozen=True, slots=True)
class DiagnosticsView:
    enrolled: bool
    device_id: str
    gateway_url: str
    enrollment_error: str
    outbox_pending: int
    outbox_acked: int
    feeds: tuple[FeedRow, ...]
    stopped_code: str     # '' unless the agent stopped (revoked device, broken trust)
    stopped_reason: str
    quarantine: tuple[QuarantineRow, ...]
    log_lines: tuple[LogLine, ...]  # newest last

    @property
    def last_errors(self) -> tuple[FeedRow, ...]:
        """The feeds whose last error is still on record."""
        return tuple(f for f in self.feeds if f.last_error_code)


def local(iso: str, zone: dt.tzinfo) -> str:
    """An ISO 8601 moment as the county's wall clock, ``YYYY-MM-DD HH:MM:SS``; '' stays ''."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return local_time(moment, zone).strftime("%Y-%m-%d %H:%M:%S")


def _feed(row: dict[str, object], zone: dt.tzinfo) -> FeedRow:
    def text(key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    return FeedRow(text("feed"), local(text("last_attempt"), zone), local(text("last_success"), zone),
                   logs.scrub(text("last_error")), text("last_error_code"), local(text("last_error_at"), zone),
                   int(str(row.get("consecutive_failures") or 0)), bool(row.get("halted")))


def _log_line(process: str, line: str) -> LogLine:
    try:
        entry = json.loads(line)
    except ValueError:
        return LogLine("", "", process, logs.scrub(line))
    if not isinstance(entry, dict):
        return LogLine("", "", process, logs.scrub(line))
    return LogLine(str(entry.get("ts", "")), str(entry.get("level", "")), str(entry.get("process", process)),
                   logs.scrub(str(entry.get("msg", ""))))


def recent_log_lines(ctx: Context, limit: int = LOG_LINES) -> tuple[LogLine, ...]:
    """The newest ``limit`` lines of the current log files of every process, oldest first."""
    found: list[LogLine] = []
    for name, text in logs.recent_lines(ctx.config, max_bytes=LOG_TAIL_BYTES).items():
        if not name.endswith(".jsonl"):
            continue  # rotated files hold older lines than the current ones
        lines = text.splitlines()
        if len(text.encode("utf-8")) >= LOG_TAIL_BYTES and lines:
            lines = lines[1:]  # the tail starts inside a line
        process = name.removesuffix(".jsonl")
        found.extend(_log_line(process, line) for line in lines[-limit:] if line.strip())
    found.sort(key=lambda entry: entry.ts)  # ISO 8601 UTC: sorts as time
    return tuple(replace(entry, ts=local(entry.ts, ctx.zone)) for entry in found[-limit:])


def diagnostics_view(ctx: Context, *, log_lines: int = LOG_LINES) -> DiagnosticsView:
    state = summary(ctx.store, ctx.config)
    stopped = state["stopped"] or {}
    return DiagnosticsView(
        enrolled=bool(state["enrolled"]),
        device_id=state["device_id"] or "",
        gateway_url=state["gateway_url"] or "",
        enrollment_error=state["enrollment_error"] or "",
        outbox_pending=int(state["outbox_pending"]),
        outbox_acked=int(state["outbox_acked"]),
        feeds=tuple(_feed(row, ctx.zone) for row in state["feeds"].values()),
        stopped_code=str(stopped.get("code") or ""),
        stopped_reason=logs.scrub(str(stopped.get("reason") or "")),
        quarantine=tuple(QuarantineRow(r.record_id, r.kind, r.code, logs.scrub(r.reason), local(r.at, ctx.zone))
                         for r in quarantine.open_records(ctx.store)),
        log_lines=recent_log_lines(ctx, log_lines),
    )
