"""Credit supervision (信用监管): the restriction list, supervisor overrides and violations.

The platform publishes restrictions on developers (by unified social credit
code). A restricted developer's units cannot be handed over unless a
supervisor overrides it for that unit with a written reason, which is audited
and pushed. Staff record developer violations, which go to the platform.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.errors import FlowError, ValidationError
from kiosk.masterdata import uscc_check_failed
from kiosk.rules.county_time import county_date
from kiosk.rules.reason import required_reason
from kiosk.rules.uscc import parse_uscc
from kiosk.services.approvals import is_training, item_data, require_field
from kiosk.services.context import Context
from kiosk.services.staff import SUPERVISOR_ROLES, Actor, require
from kiosk.store import Store, UnitOfWork
from sync.wire import kinds

__all__ = ["override", "record_violation"]

VIOLATIONS: dict[str, str] = {
    "late_handover": "逾期交房",
    "contract_breach": "合同违约",
    "missing_documents": "资料不全",
}


def active_restriction(store: Store, uscc: str, today: dt.date) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM restrictions WHERE uscc = ? AND lifted_at IS NULL", (uscc,))
    if not rows:
        return None
    return rows[0] if in_force(rows[0], today) else None


def in_force(restriction: dict[str, Any], today: dt.date) -> bool:
    """Whether a restriction row (not lifted) holds on ``today``: from ``since`` to ``until``."""
    day = today.isoformat()
    return bool(restriction["since"] <= day and not (restriction["until"] and restriction["until"] < day))


def override_for(store: Store, unit_code: str, uscc: str) -> dict[str, Any] | None:
    rows = store.read("SELECT * FROM overrides WHERE unit_code = ? AND uscc = ? ORDER BY id DESC LIMIT 1",
                      (unit_code, uscc))
    return rows[0] if rows else None


def override(ctx: Context, supervisor: Actor, unit_code: str, reason: str) -> int:
    """Let one unit of a restricted developer proceed; the written reason is audited and pushed."""
    require(ctx.store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    reason = required_reason(reason, why=f"unit {unit_code} may proceed despite the restriction")
    unit = ctx.store.read("SELECT p.developer_uscc FROM units u JOIN projects p ON p.id = u.project_id "
                          "WHERE u.code = ?", (unit_code,))
    if not unit:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
    uscc = unit[0]["developer_uscc"]
    if active_restriction(ctx.store, uscc, ctx.today()) is None:
        raise FlowError(f"the developer of unit {unit_code} is not restricted; no override is needed",
                        code="not_restricted")
    with ctx.store.unit_of_work(supervisor.label) as uow:
        row_id = uow.insert("overrides", {"uscc": uscc, "unit_code": unit_code, "supervisor": supervisor.label,
                                          "reason": reason, "at": uow.at})
        uow.log("restriction.override", unit_code, {"uscc": uscc, "reason": reason})
        uow.push(kinds.RESTRICTION_OVERRIDDEN, unit_code, {"unit_code": unit_code, "uscc": uscc,
                                                          "supervisor": supervisor.id, "reason": reason},
                 training=supervisor.training)
    return row_id


def _typed_credit_code(store: Store, text: str) -> str:
    """A credit code a person entered: strictly checked, unless the platform sent this very code flagged."""
    parsed = parse_uscc(text, strict=False)
    if not parsed.check_ok and not uscc_check_failed(store, parsed.normalized):
        parse_uscc(text)  # raises the strict check's error, which says which character is wrong
    return parsed.normalized


def record_violation(ctx: Context, actor: Actor, uscc: str, kind: str, note: str, *,
                     unit_code: str | None = None) -> int:
    require(ctx.store, actor, now=ctx.now())
    code = _typed_credit_code(ctx.store, uscc)
    if kind not in VIOLATIONS:
        raise ValidationError(f"unknown violation {kind!r}; one of {', '.join(VIOLATIONS)}", field="kind",
                              code="unknown_violation")
    if not note.strip():
        raise ValidationError("describe the violation", field="note", code="note_required")
    with ctx.store.unit_of_work(actor.label) as uow:
        row_id = uow.insert("violations", {"uscc": code, "kind": kind, "note": note.strip(),
                                           "unit_code": unit_code, "recorded_by": actor.label, "at": uow.at})
        uow.log("violation.record", code, {"kind": kind, "unit": unit_code})
        uow.push(kinds.VIOLATION_RECORDED, code, {"uscc": code, "kind": kind, "name": VIOLATIONS[kind],
                                                 "note": note.strip(), "unit_code": unit_code},
                 training=actor.training)
    return row_id


def apply_restriction_set(uow: UnitOfWork, item: dict[str, Any]) -> None:
    if is_training(item):
        raise FlowError("the restriction list is never changed by training items", code="training_scope")
    # Signed by the platform: a code failing its check character is kept and flagged.
    parsed = parse_uscc(str(item["subject"]), strict=False)
    uscc, failed = parsed.normalized, int(not parsed.check_ok)
    data = item_data(item)
    reason = str(require_field(item, "reason"))
    since = str(data.get("since") or county_date(dt.datetime.fromisoformat(uow.at)).isoformat())
    uow.execute("INSERT INTO restrictions (uscc, reason, since, until, lifted_at, uscc_check_failed, updated_at) "
                "VALUES (?, ?, ?, ?, NULL, ?, ?) ON CONFLICT(uscc) DO UPDATE SET reason = excluded.reason, "
                "since = excluded.since, until = excluded.until, lifted_at = NULL, "
                "uscc_check_failed = excluded.uscc_check_failed, updated_at = excluded.updated_at",
                (uscc, reason, since, data.get("until"), failed, uow.at))
    uow.log("restriction.set", uscc, {"reason": reason, "since": since, "until": data.get("until"),
                                      **({"uscc_check_failed": True} if failed else {})})


def apply_restriction_lifted(uow: UnitOfWork, item: dict[str, Any]) -> None:
    if is_training(item):
        raise FlowError("the restriction list is never changed by training items", code="training_scope")
    uscc = parse_uscc(str(item["subject"]), strict=False).normalized
    uow.execute("UPDATE restrictions SET lifted_at = ?, updated_at = ? WHERE uscc = ?", (uow.at, uow.at, uscc))
    uow.log("restriction.lifted", uscc)
