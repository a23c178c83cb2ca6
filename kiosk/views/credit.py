"""CreditView: the credit restriction list (信用监管) as the back office sees it.

Each restriction with its source (the platform's reason), its dates and whether it holds today,
the restricted developer's units with any supervisor override, the developers a violation can be
recorded against, and the violations recorded here, newest first. Overrides and violations are
written by ``kiosk.services.credit``; nothing here holds personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.rules.county_time import county_date
from kiosk.services.context import Context
from kiosk.services.credit import VIOLATIONS, in_force

__all__ = ["CreditView", "DeveloperRow", "RestrictedUnit", "RestrictionRow", "ViolationRow", "credit_view"]

RECENT_VIOLATIONS = 50


@dataclass(frozen=True, slots=True)
class RestrictedUnit:
    """A unit of a restricted developer; ``override_by`` (a supervisor's label) when it may proceed."""

    unit_code: str
    project_name: str
    building: str
    room: str
    override_by: str | None
    override_reason: str | None
    override_at: str | None


@dataclass(frozen=True, slots=True)
class RestrictionRow:
    """``reason`` as the platform sent it; ``since``/``until`` county dates; ``in_force`` today;
    ``lifted_at`` the instant the platform's lifting was applied here (UTC) and ``lifted_on`` its day
    in the county, the date a lifted restriction ended (its ``until`` is the one it was published with)."""

    uscc: str
    developer_name: str
    reason: str
    since: dt.date
    until: dt.date | None
    lifted_at: str | None
    lifted_on: dt.date | None
    in_force: bool
    uscc_check_failed: bool
    units: tuple[RestrictedUnit, ...]


@dataclass(frozen=True, slots=True)
class DeveloperRow:
    uscc: str
    name: str
    restricted: bool


@dataclass(frozen=True, slots=True)
class ViolationRow:
    id: int
    uscc: str
    developer_name: str
    kind: str
    kind_label: str
    note: str
    unit_code: str | None
    recorded_by: str
    at: str


@dataclass(frozen=True, slots=True)
class CreditView:
    """``kinds``: (kind, Chinese label) of the violations ``record_violation`` takes."""

    as_of: dt.datetime
    restrictions: tuple[RestrictionRow, ...]
    developers: tuple[DeveloperRow, ...]
    violations: tuple[ViolationRow, ...]
    kinds: tuple[tuple[str, str], ...]


def credit_view(ctx: Context, *, include_training: bool = False) -> CreditView:
    """Restrictions in force first, then by developer; units of training projects only when asked."""
    store, today = ctx.store, ctx.today()
    names = {r["uscc"]: r["name"] for r in store.read("SELECT uscc, name FROM developers")}
    scope = "" if include_training else " AND u.training = 0"
    restrictions = []
    for r in store.read("SELECT * FROM restrictions ORDER BY uscc"):
        overrides = {o["unit_code"]: o for o in store.read(
            "SELECT unit_code, supervisor, reason, at FROM overrides WHERE uscc = ? ORDER BY id", (r["uscc"],))}
        units = tuple(
            RestrictedUnit(unit_code=u["code"], project_name=u["name"], building=u["building"], room=u["room"],
                           override_by=overrides[u["code"]]["supervisor"] if u["code"] in overrides else None,
                           override_reason=overrides[u["code"]]["reason"] if u["code"] in overrides else None,
                           override_at=overrides[u["code"]]["at"] if u["code"] in overrides else None)
            for u in store.read("SELECT u.code, p.name, u.building, u.room FROM units u JOIN projects p "
                                f"ON p.id = u.project_id WHERE p.developer_uscc = ?{scope} ORDER BY u.code",
                                (r["uscc"],)))
        restrictions.append(RestrictionRow(
            uscc=r["uscc"], developer_name=names.get(r["uscc"], ""), reason=r["reason"],
            since=dt.date.fromisoformat(r["since"]),
            until=dt.date.fromisoformat(r["until"]) if r["until"] else None, lifted_at=r["lifted_at"],
            lifted_on=county_date(dt.datetime.fromisoformat(r["lifted_at"]), ctx.zone) if r["lifted_at"] else None,
            in_force=r["lifted_at"] is None and in_force(r, today),
            uscc_check_failed=bool(r["uscc_check_failed"]), units=units))
    restrictions.sort(key=lambda row: (not row.in_force, row.developer_name, row.uscc))
    held = {row.uscc for row in restrictions if row.in_force}
    developers = tuple(DeveloperRow(uscc=uscc, name=name, restricted=uscc in held)
                       for uscc, name in sorted(names.items(), key=lambda item: (item[1], item[0])))
    violations = tuple(
        ViolationRow(id=v["id"], uscc=v["uscc"], developer_name=names.get(v["uscc"], ""), kind=v["kind"],
                     kind_label=VIOLATIONS.get(v["kind"], v["kind"]), note=v["note"], unit_code=v["unit_code"],
                     recorded_by=v["recorded_by"], at=v["at"])
        for v in store.read("SELECT * FROM violations ORDER BY id DESC LIMIT ?", (RECENT_VIOLATIONS,)))
    return CreditView(as_of=ctx.now(), restrictions=tuple(restrictions), developers=developers,
                      violations=violations, kinds=tuple(VIOLATIONS.items()))
