"""StaffView: the roster (持证上岗) as a supervisor sees it.

Role, certification and its expiry, whether the account is active or locked
after wrong PINs, whether it has a PIN on this kiosk (a member added at another
terminal has none until a supervisor sets one here), and for a member added on
this kiosk how the platform took the addition. Who is logged in is the UI's
state, not the store's; the PIN hashes never leave the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.services.context import Context
from kiosk.services.staff import REPLACED_BY_ROSTER
from kiosk.store import outbox
from sync.wire import kinds

__all__ = ["ROLE_NAMES", "StaffRow", "StaffView", "staff_view"]

ROLE_NAMES = {"staff": "窗口人员", "supervisor": "主管", "technician": "技术人员"}


@dataclass(frozen=True, slots=True)
class StaffRow:
    """``cert_days_left`` is negative once the certification expired; ``may_log_in`` sums up
    active, certified, not locked and a PIN set here, as ``kiosk.services.staff.login`` judges them.

    ``addition``: for a member added on this kiosk, ``pending`` (not yet at the platform), ``accepted``
    (on the platform's roster) or ``refused`` (``refusal`` says the platform's code and reason; the
    record is in quarantine); None for members the platform's roster brought, and for a member added here
    whose number the platform's roster has named since (its entry is the member now)."""

    staff_id: str
    name: str
    role: str
    role_label: str
    cert_no: str
    cert_expires: dt.date
    cert_days_left: int
    cert_expired: bool
    active: bool
    locked: bool
    locked_until: str | None
    failures: int
    pin_set: bool
    may_log_in: bool
    addition: str | None
    refusal: str | None


@dataclass(frozen=True, slots=True)
class StaffView:
    as_of: dt.datetime
    rows: tuple[StaffRow, ...]


def _locked(locked_until: str | None, now: dt.datetime) -> bool:
    return bool(locked_until) and dt.datetime.fromisoformat(str(locked_until)) > now


_ADDITION = {outbox.PENDING: "pending", outbox.ACKED: "accepted", outbox.QUARANTINED: "refused"}


def _addition(fate: outbox.Fate | None) -> dict[str, str | None]:
    if fate is None:
        return {"addition": None, "refusal": None}
    return {"addition": _ADDITION[fate.state], "refusal": f"{fate.code}: {fate.reason}" if fate.code else None}


def staff_view(ctx: Context) -> StaffView:
    """Every staff member on this kiosk, by role then id."""
    now = ctx.now()
    rows = ctx.store.read("SELECT id, name_enc, role, cert_no, cert_expires, failures, locked_until, active, "
                          "pin_hash <> '' AS pin_set FROM staff ORDER BY role, id")
    additions = outbox.fates(ctx.store, kinds.STAFF_MEMBER_ADDED)
    if any(fate.state != outbox.ACKED for fate in additions.values()):
        # Once the platform's entry replaced a member added here, that entry is the member shown.
        for replaced in ctx.store.read("SELECT DISTINCT subject FROM audit WHERE action = ?", (REPLACED_BY_ROSTER,)):
            additions.pop(replaced["subject"], None)
    out = []
    for r in rows:
        expires = dt.date.fromisoformat(r["cert_expires"])
        days = (expires - ctx.today()).days
        locked = _locked(r["locked_until"], now)
        out.append(StaffRow(
            staff_id=r["id"], name=ctx.store.vault.decrypt(r["name_enc"], "staff.name") or "", role=r["role"],
            role_label=ROLE_NAMES.get(r["role"], r["role"]), cert_no=r["cert_no"], cert_expires=expires,
            cert_days_left=days, cert_expired=days < 0, active=bool(r["active"]), locked=locked,
            locked_until=r["locked_until"] if locked else None, failures=int(r["failures"]),
            pin_set=bool(r["pin_set"]), may_log_in=bool(r["active"]) and days >= 0 and not locked and bool(r["pin_set"]),
            **_addition(additions.get(r["id"]))))
    return StaffView(as_of=now, rows=tuple(out))
