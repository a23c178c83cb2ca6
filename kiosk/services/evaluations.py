"""政务服务"好差评": the buyer's evaluation of a delivered handover.

Five levels, as the national government-service evaluation system names them
(非常满意 满意 基本满意 不满意 非常不满意); a reason is asked for, and optional,
only for the two lower levels (where it is what the supervisor acts on). One
evaluation per delivered handover: it is the service that is rated, and a
second tap must not count twice. The evaluation is stored through a unit of
work (the reason encrypted, as free text may name people), audited, and synced
to the county as its own record kind (``evaluation.recorded``); the
supervision ledger counts the levels per project.
"""

from __future__ import annotations

import uuid

from kiosk.errors import FlowError, ValidationError
from kiosk.services.context import Context
from kiosk.services.staff import Actor, require
from kiosk.store import Store
from sync.wire import kinds

__all__ = ["record_evaluation"]

# (code, the national label) from best to worst; the codes are what the ledger and the wire carry.
LEVELS: tuple[tuple[str, str], ...] = (
    ("very_satisfied", "非常满意"), ("satisfied", "满意"), ("basically_satisfied", "基本满意"),
    ("dissatisfied", "不满意"), ("very_dissatisfied", "非常不满意"))
LEVEL_LABELS: dict[str, str] = dict(LEVELS)
REASON_LEVELS: frozenset[str] = frozenset({"dissatisfied", "very_dissatisfied"})
MAX_REASON = 300
CONTEXT = "evaluations.reason"


def evaluated(store: Store, unit_code: str) -> bool:
    """Whether the unit's delivered handover has its evaluation already (a read, not a command)."""
    return bool(store.read("SELECT 1 FROM evaluations WHERE unit_code = ? LIMIT 1", (unit_code,)))


def record_evaluation(ctx: Context, actor: Actor, unit_code: str, level: str, reason: str | None = None) -> str:
    """Record the evaluation of the unit's delivered handover; returns the evaluation id."""
    require(ctx.store, actor, now=ctx.now())
    if level not in LEVEL_LABELS:
        raise ValidationError(f"unknown evaluation level {level!r}; one of {', '.join(LEVEL_LABELS)}",
                              field="level", code="evaluation_level")
    text = (reason or "").strip()
    if text and level not in REASON_LEVELS:
        raise ValidationError("a reason is only asked for 不满意 and 非常不满意", field="reason",
                              code="evaluation_reason")
    if len(text) > MAX_REASON:
        raise ValidationError(f"the reason has {len(text)} characters; at most {MAX_REASON}",
                              field="reason", code="evaluation_reason")
    handovers = ctx.store.read("SELECT id, training FROM handovers WHERE unit_code = ? AND state = 'delivered' "
                               "ORDER BY delivered_at DESC LIMIT 1", (unit_code,))
    if not handovers:
        raise FlowError(f"unit {unit_code} has no delivered handover to evaluate", code="not_delivered",
                        hint="the evaluation is offered after the certificate is delivered")
    handover = handovers[0]
    training = bool(handover["training"])
    evaluation_id = uuid.uuid4().hex
    with ctx.store.unit_of_work(actor.label) as uow:
        done = uow.conn.execute("SELECT 1 FROM evaluations WHERE handover_id = ?", (handover["id"],)).fetchone()
        if done:
            raise FlowError(f"the handover of unit {unit_code} is already evaluated", code="already_evaluated",
                            hint="one evaluation per handover")
        uow.insert("evaluations", {
            "id": evaluation_id, "unit_code": unit_code, "handover_id": handover["id"], "level": level,
            "reason_enc": uow.vault.encrypt(text, CONTEXT) if text else None, "training": int(training),
            "created_at": uow.at})
        uow.log("evaluation.record", evaluation_id, {"unit": unit_code, "handover": handover["id"],
                                                     "level": level, "with_reason": bool(text)})
        uow.push(kinds.EVALUATION_RECORDED, evaluation_id, {
            "evaluation_id": evaluation_id, "unit_code": unit_code, "handover_id": handover["id"],
            "level": level, "level_label": LEVEL_LABELS[level], "reason": text or None}, training=training)
    return evaluation_id
