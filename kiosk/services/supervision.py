"""Supervision ledger (督查台账): handover progress per project and service point.

For each project: how many units there are, how many are eligible (first
registration approved), delivered (a handover reached 'delivered'), pending
(eligible, not delivered, nothing in the way) and blocked, grouped by the
first handover gate the unit fails today (``kiosk.services.gates``, the
same evaluation the handover runs), so the ledger never calls a unit ready
that the counter would refuse. The people present and the re-verification of
the certificate's signed approval belong to the moment of handover and are
not part of the ledger.

The days from joint acceptance (``projects.accepted_at``) to certificate
delivery are counted in calendar days at the county (``[county] time_zone``,
through ``kiosk.rules.county_time``); the report's ``day`` is the county's
today. Training data is left out unless asked for.

The report only reads the store.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import statistics
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kiosk.errors import ValidationError
from kiosk.rules.county_time import county_date
from kiosk.services.context import Context
from kiosk.services.evaluations import LEVEL_LABELS, LEVELS
from kiosk.services.gates import BLOCKED_LABELS, first_case_failure, load_facts

__all__: list[str] = []

# The handover gates that can hold back a unit of an eligible project, in the ledger's (and its
# CSV's) column order, which predates the gates' order and is kept for the files already made.
BLOCK_REASONS: tuple[str, ...] = (
    "not_registered", "unpaid", "developer_restricted", "contract_not_filed", "keys_not_ready")
BLOCK_LABELS: dict[str, str] = {code: BLOCKED_LABELS[code] for code in BLOCK_REASONS}

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("project_id", "项目编号"), ("name", "项目名称"), ("service_point", "服务网点"),
    ("units", "单元总数"), ("eligible", "可交付"), ("delivered", "已交证"), ("pending", "待办理"),
    *((f"blocked.{code}", f"受阻：{label}") for code, label in BLOCK_LABELS.items()),
    ("days.min", "验收至交证天数（最少）"), ("days.median", "验收至交证天数（中位）"),
    ("days.max", "验收至交证天数（最多）"), ("days.count", "已统计交证数"),
    # The 好差评 columns came last, after the files above were first made: appended, never inserted.
    *((f"evaluations.{code}", f"好差评：{label}") for code, label in LEVEL_LABELS.items()),
)


def _county_date(stamp: str, zone: dt.tzinfo) -> dt.date:
    return county_date(dt.datetime.fromisoformat(stamp), zone)


def _days_summary(days: list[int]) -> dict[str, float | int | None]:
    if not days:
        return {"min": None, "median": None, "max": None, "count": 0}
    median = statistics.median(days)
    # A median of whole days is shown as one; only an even count can give a half day.
    return {"min": min(days), "median": int(median) if median == int(median) else median,
            "max": max(days), "count": len(days)}


def _empty_row() -> dict[str, Any]:
    return {"units": 0, "eligible": 0, "delivered": 0, "pending": 0,
            "blocked": {code: 0 for code in BLOCK_REASONS},
            "evaluations": {code: 0 for code, _ in LEVELS}}


def _add(target: dict[str, Any], unit_eligible: bool, delivered: bool, reason: str | None) -> None:
    target["units"] += 1
    target["eligible"] += int(unit_eligible)
    if delivered:
        target["delivered"] += 1
    elif unit_eligible:
        if reason is None:
            target["pending"] += 1
        else:
            target["blocked"][reason] += 1


def supervision_report(ctx: Context, *, include_training: bool = False) -> dict[str, Any]:
    """The ledger as a dict: ``{generated_at, day, include_training, projects: [...], totals}``."""
    store, now = ctx.store, ctx.now()
    every = int(include_training)
    projects = store.read(
        "SELECT id, name, service_point, accepted_at FROM projects WHERE ? OR training = 0 "
        "ORDER BY service_point, id", (every,))
    units = store.read(
        "SELECT u.code, u.project_id, p.eligible, "
        "(SELECT min(h.delivered_at) FROM handovers h WHERE h.unit_code = u.code "
        " AND h.state = 'delivered' AND (? OR h.training = 0)) AS delivered_at "
        "FROM units u JOIN projects p ON p.id = u.project_id "
        "WHERE ? OR (u.training = 0 AND p.training = 0) ORDER BY u.code", (every, every))
    rows = {p["id"]: {"project_id": p["id"], "name": p["name"], "service_point": p["service_point"],
                      **_empty_row()} for p in projects}
    accepted = {p["id"]: p["accepted_at"] for p in projects}
    days: dict[str, list[int]] = {p["id"]: [] for p in projects}
    totals = _empty_row()
    facts = load_facts(store, ctx.today(), include_training=include_training)
    for unit in units:
        delivered = unit["delivered_at"] is not None
        eligible = bool(unit["eligible"])
        failed = None if delivered or not eligible else first_case_failure(facts[unit["code"]])
        reason = failed.check if failed else None
        _add(rows[unit["project_id"]], eligible, delivered, reason)
        _add(totals, eligible, delivered, reason)
        start = accepted[unit["project_id"]]
        if delivered and start:
            days[unit["project_id"]].append(
                (_county_date(unit["delivered_at"], ctx.zone) - _county_date(start, ctx.zone)).days)
    # The buyers' 好差评 of delivered handovers, counted per level (kiosk.services.evaluations).
    for e in store.read("SELECT u.project_id, e.level FROM evaluations e JOIN units u ON u.code = e.unit_code "
                        "WHERE ? OR e.training = 0", (every,)):
        if e["project_id"] in rows:
            rows[e["project_id"]]["evaluations"][e["level"]] += 1
            totals["evaluations"][e["level"]] += 1
    for project_id, row in rows.items():
        row["days_acceptance_to_certificate"] = _days_summary(days[project_id])
    totals["projects"] = len(rows)
    totals["days_acceptance_to_certificate"] = _days_summary([d for ds in days.values() for d in ds])
    return {"generated_at": now.isoformat(), "day": ctx.today().isoformat(), "include_training": include_training,
            "projects": list(rows.values()), "totals": totals}


def _cell(row: dict[str, Any], key: str) -> Any:
    if key.startswith("blocked."):
        return row["blocked"][key.split(".", 1)[1]]
    if key.startswith("evaluations."):
        return row["evaluations"][key.split(".", 1)[1]]
    if key.startswith("days."):
        value = row["days_acceptance_to_certificate"][key.split(".", 1)[1]]
        return "" if value is None else value
    return row[key]


def csv_rows(report: dict[str, Any]) -> Iterable[list[Any]]:
    """The header, then one row per project; blocked reasons and day counts as their own columns."""
    yield [label for _, label in CSV_COLUMNS]
    for row in report["projects"]:
        yield [_cell(row, key) for key, _ in CSV_COLUMNS]


def csv_text(report: dict[str, Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(csv_rows(report))
    return out.getvalue()


def write_csv(report: dict[str, Any], path: Path | str) -> Path:
    """Write the ledger as CSV in UTF-8 with a byte-order mark, which Excel needs to show Chinese."""
    target = Path(path)
    try:
        target.write_text(csv_text(report), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ValidationError(f"cannot write the CSV file {target}: {exc.strerror or exc}",
                              field="csv", code="csv_write",
                              hint="choose a folder that exists and can be written to") from None
    return target


def export_names(at: dt.datetime) -> tuple[str, str]:
    """The CSV's and the PDF's file names for an export at ``at`` (county time): ASCII, as a FAT
    stick and every office computer reads them, and to the second, so a second export never
    overwrites the first."""
    stem = f"supervision-ledger-{at.strftime('%Y%m%d-%H%M%S')}"
    return f"{stem}.csv", f"{stem}.pdf"


def export_ledger(report: dict[str, Any], folder: Path, render_pdf: Callable[[dict[str, Any]], bytes],
                  at: dt.datetime) -> tuple[Path, Path]:
    """The ledger as CSV and as the printed PDF (``render_pdf(report)``, drawn by the caller) into
    ``folder``; the PDF is drawn only once the CSV is written (drawing takes a moment).

    Both files or neither: a PDF that cannot be written takes its CSV away again, so a stick never
    holds half an export that looks whole.
    """
    if not folder.is_dir():
        raise ValidationError(f"the folder {folder} is not there any more", field="folder", code="media_gone",
                              hint="plug the USB stick in again and choose it once more")
    csv_name, pdf_name = export_names(at)
    csv_path = write_csv(report, folder / csv_name)
    pdf_path = folder / pdf_name
    try:
        pdf_path.write_bytes(render_pdf(report))
    except OSError as exc:
        _remove(csv_path)
        raise ValidationError(f"cannot write the PDF file {pdf_path}: {exc.strerror or exc}",
                              field="pdf", code="pdf_write",
                              hint="choose a folder that exists and can be written to") from None
    except BaseException:
        _remove(csv_path)
        raise
    return csv_path, pdf_path


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):  # the stick may be gone: the caller's error says what happened
        path.unlink()
