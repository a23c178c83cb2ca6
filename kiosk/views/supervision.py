"""SupervisionView: the supervision ledger (督查台账) as the back office shows and charts it.

Built from ``kiosk.services.supervision.supervision_report`` (the one place the
ledger is counted), one row per project, one per service point (its projects
summed) and the totals. Blocked units are listed by the first handover check
they fail, in the ledger's reason order; the 好差评 counts by level from best
to worst. Nothing personal: the ledger counts units, it names no one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.services.context import Context
from kiosk.services.evaluations import LEVEL_LABELS
from kiosk.services.supervision import BLOCK_LABELS, BLOCK_REASONS, supervision_report

__all__ = ["LedgerRow", "SupervisionView", "supervision_view"]


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One project, one service point or the totals. ``blocked`` and ``evaluations`` are
    ``(code, count)`` pairs in ``BLOCK_REASONS`` and ``LEVELS`` order; ``days_*`` are the calendar
    days from joint acceptance to certificate delivery (None before a delivery)."""

    key: str                  # project id, service point id, or '' for the totals
    name: str                 # project name; the service point id for a service point; '' for the totals
    service_point: str
    units: int
    eligible: int
    delivered: int
    pending: int
    blocked: tuple[tuple[str, int], ...]
    evaluations: tuple[tuple[str, int], ...]
    days_min: float | None
    days_median: float | None
    days_max: float | None
    days_count: int

    @property
    def blocked_total(self) -> int:
        return sum(n for _, n in self.blocked)

    @property
    def evaluations_total(self) -> int:
        return sum(n for _, n in self.evaluations)


@dataclass(frozen=True, slots=True)
class SupervisionView:
    """``report`` is the service's dict itself, what the CSV and the printed ledger are made from."""

    generated_at: dt.datetime
    day: dt.date
    include_training: bool
    projects: tuple[LedgerRow, ...]
    service_points: tuple[LedgerRow, ...]
    totals: LedgerRow
    block_labels: tuple[tuple[str, str], ...]       # (code, plain-Chinese label)
    evaluation_labels: tuple[tuple[str, str], ...]  # (code, the national label)
    report: Mapping[str, Any]

    def projects_of(self, service_point: str) -> tuple[LedgerRow, ...]:
        """The projects of one service point; every project for ''."""
        return tuple(p for p in self.projects if not service_point or p.service_point == service_point)

    def summary_of(self, service_point: str) -> LedgerRow:
        """One service point's row; the totals for ''."""
        return next((s for s in self.service_points if s.key == service_point), self.totals)


def _row(row: Mapping[str, Any], key: str, name: str, service_point: str) -> LedgerRow:
    days = row["days_acceptance_to_certificate"]
    return LedgerRow(key=key, name=name, service_point=service_point, units=row["units"],
                     eligible=row["eligible"], delivered=row["delivered"], pending=row["pending"],
                     blocked=tuple((code, int(row["blocked"][code])) for code in BLOCK_REASONS),
                     evaluations=tuple((code, int(row["evaluations"][code])) for code in LEVEL_LABELS),
                     days_min=days["min"], days_median=days["median"], days_max=days["max"],
                     days_count=days["count"])


def _service_point(point: str, rows: list[LedgerRow], day_spans: list[Mapping[str, Any]]) -> LedgerRow:
    """A service point's projects summed; its day span from its projects' spans (the median of
    medians is not a median, so a service point shows the range and the count, not a median)."""
    counted = [s for s in day_spans if s["count"]]
    return LedgerRow(
        key=point, name=point, service_point=point, units=sum(r.units for r in rows),
        eligible=sum(r.eligible for r in rows), delivered=sum(r.delivered for r in rows),
        pending=sum(r.pending for r in rows),
        blocked=tuple((code, sum(dict(r.blocked)[code] for r in rows)) for code in BLOCK_REASONS),
        evaluations=tuple((code, sum(dict(r.evaluations)[code] for r in rows)) for code in LEVEL_LABELS),
        days_min=min((s["min"] for s in counted), default=None), days_median=None,
        days_max=max((s["max"] for s in counted), default=None), days_count=sum(s["count"] for s in counted))


def supervision_view(ctx: Context, *, include_training: bool = False) -> SupervisionView:
    report = supervision_report(ctx, include_training=include_training)
    projects = tuple(_row(p, p["project_id"], p["name"], p["service_point"]) for p in report["projects"])
    points: dict[str, list[int]] = {}
    for n, p in enumerate(report["projects"]):
        points.setdefault(p["service_point"], []).append(n)
    service_points = tuple(
        _service_point(point, [projects[n] for n in members],
                       [report["projects"][n]["days_acceptance_to_certificate"] for n in members])
        for point, members in points.items())
    return SupervisionView(
        generated_at=dt.datetime.fromisoformat(report["generated_at"]), day=dt.date.fromisoformat(report["day"]),
        include_training=include_training, projects=projects, service_points=service_points,
        totals=_row(report["totals"], "", "", ""), block_labels=tuple(BLOCK_LABELS.items()),
        evaluation_labels=tuple(LEVEL_LABELS.items()), report=report)
