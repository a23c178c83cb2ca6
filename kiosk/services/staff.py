"""Staff roster, PIN login and who may act (持证上岗).

Staff carry a certification number with an expiry date: expired staff cannot
log in or act. PINs are hashed with scrypt. ``[security] pin_max_failures``
wrong PINs in a row (default five) lock the account for ``lockout_minutes``
(default fifteen); ``login`` reads both from the context's configuration. A
certification is valid through its expiry day in the county. Every
flow takes an ``Actor`` and checks it with ``require`` at the moment it acts,
so a certificate that expires during a shift stops the next action.

A staff member may be known by their ID card instead of the typed staff number
(``card_holder``): the roster keeps only the keyed digest of the ID number
(``staff.id_index``, the buyers' blind index), and the PIN is still asked, so a
lost card alone opens nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Literal

from kiosk.errors import AuthError, ValidationError
from kiosk.privacy import mask_id
from kiosk.rules.county_time import county_date, local_time
from kiosk.rules.idcard import parse_id_number
from kiosk.services.context import Context
from kiosk.store import Store, UnitOfWork, outbox
from sync.wire import kinds
from sync.wire.roster import MAX_TEXT, ROLES, STAFF_ID, TERMINAL_ROLES

# ``login`` makes the actor, so it takes none: run it with ``Kiosk.login``. The roster's upkeep on site
# (a supervisor's commands) runs with ``Kiosk.run``.
__all__ = ["add_member", "reset_pin", "unlock"]

Role = Literal["staff", "supervisor", "technician"]
# Who may do what beyond ordinary staff work.
SUPERVISOR_ROLES = frozenset({"supervisor"})
# The roles ``add_member`` takes, for screens to offer: the others come with the platform's roster.
ADDABLE_ROLES: tuple[str, ...] = TERMINAL_ROLES
# The audit action of a platform entry replacing a member whose addition here it had not taken.
REPLACED_BY_ROSTER = "staff.replaced_by_roster"

_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Actor:
    """Someone or something that changes state; ``label`` is what the audit log records."""

    id: str
    role: str
    training: bool = False

    @property
    def label(self) -> str:
        return f"{self.role}:{self.id}"


def hash_pin(pin: str) -> str:
    _check_pin(pin)
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "scrypt${n}${r}${p}$".format(**_SCRYPT) + \
        base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), dklen=32,
                         n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(got, base64.b64decode(digest))


def _check_pin(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and 6 <= len(pin) <= 12):
        raise ValidationError("a PIN is 6 to 12 digits", field="pin")


def add_staff(uow: UnitOfWork, staff_id: str, *, name: str, role: Role, cert_no: str,
              cert_expires: dt.date, pin: str, id_number: str | None = None) -> None:
    """Building block: adds a staff member inside the caller's unit of work (no actor check).

    ``id_number``: the staff member's ID card, kept as its keyed digest only (``card_holder``).
    """
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r}; one of {', '.join(ROLES)}", field="role")
    if not staff_id.strip() or not cert_no.strip():
        raise ValidationError("staff id and certification number are required", field="staff")
    uow.insert("staff", {
        "id": staff_id, "name_enc": uow.vault.encrypt(name, "staff.name"), "role": role,
        "cert_no": cert_no, "cert_expires": cert_expires.isoformat(), "pin_hash": hash_pin(pin),
        "updated_at": uow.at})
    uow.log("staff.add", staff_id, {"role": role, "cert_no": cert_no,
                                    "cert_expires": cert_expires.isoformat()})
    if id_number is not None:
        set_staff_card(uow, staff_id, id_number)


def card_index(uow: UnitOfWork, staff_id: str, id_number: str) -> bytes:
    """The digest the roster keeps for ``id_number``; refuses a number another staff member holds."""
    number = parse_id_number(id_number).normalized
    index = uow.vault.blind_index(number)
    other = uow.execute("SELECT id FROM staff WHERE id_index = ? AND id <> ?", (index, staff_id)).fetchone()
    if other is not None:
        raise ValidationError(f"the ID number {mask_id(number)} is already staff {other[0]}'s card",
                              field="id_number", code="staff_card_taken",
                              hint="each staff member is known by their own ID card")
    return index


def set_staff_card(uow: UnitOfWork, staff_id: str, id_number: str, *, only_if_unset: bool = False) -> None:
    """Building block: record ``staff_id``'s ID card (its digest); ``only_if_unset`` keeps a card
    already on the roster."""
    index = card_index(uow, staff_id, id_number)
    row = uow.execute("SELECT id_index FROM staff WHERE id = ?", (staff_id,)).fetchone()
    if row is None:
        raise ValidationError(f"no staff member with id {staff_id!r} on this kiosk", field="staff",
                              code="unknown_staff")
    if (only_if_unset and row[0] is not None) or row[0] == index:
        return
    uow.update("staff", {"id": staff_id}, {"id_index": index, "updated_at": uow.at})
    uow.log("staff.card", staff_id, {"id": mask_id(parse_id_number(id_number).normalized)})


def _row(store: Store, staff_id: str) -> dict[str, object]:
    rows = store.read("SELECT * FROM staff WHERE id = ?", (staff_id,))
    if not rows:
        raise AuthError(f"no staff member with id {staff_id!r} on this kiosk",
                        code="unknown_staff", hint="check the id, or ask a supervisor to sync the roster")
    return rows[0]


def _standing(row: dict[str, object], now: dt.datetime, today: dt.date) -> None:
    if not row["active"]:
        raise AuthError(f"staff {row['id']} is deactivated", code="inactive_staff",
                        hint="ask a supervisor")
    if dt.date.fromisoformat(str(row["cert_expires"])) < today:
        raise AuthError(f"staff {row['id']}'s certification {row['cert_no']} expired on "
                        f"{row['cert_expires']}", code="certificate_expired",
                        hint="renew the certification (持证上岗) before working at the kiosk")
    locked = row["locked_until"]
    if locked and dt.datetime.fromisoformat(str(locked)) > now:
        raise AuthError(f"staff {row['id']} is locked after repeated wrong PINs until "
                        f"{_wall_clock(str(locked))}", code="locked_out", hint="wait, or ask a supervisor")


def _wall_clock(stamp: str) -> str:
    # Staff read the county's clock on the wall, not UTC.
    return f"{local_time(dt.datetime.fromisoformat(stamp)):%Y-%m-%d %H:%M}"


def card_holder(ctx: Context, id_number: str) -> str:
    """The staff id whose ID card this is, if that staff member may log in now; the PIN is then
    asked with ``login`` as for a typed staff number (same lockout, same expiry).

    Refuses a card not on the roster (``unknown_card``), a buyer's card (``buyer_card``) and,
    as ``login`` does, a deactivated, expired or locked account.
    """
    store = ctx.store
    index = store.vault.blind_index(parse_id_number(id_number).normalized)
    rows = store.read("SELECT * FROM staff WHERE id_index = ?", (index,))
    if not rows:
        if store.read("SELECT 1 FROM buyers WHERE id_index = ? LIMIT 1", (index,)):
            raise AuthError("a buyer's ID card, not a staff member's", code="buyer_card",
                            hint="staff use their own card or staff number")
        raise AuthError("an ID card not on this kiosk's staff roster", code="unknown_card",
                        hint="log in with the staff number, or ask a supervisor to sync the roster")
    row = rows[0]
    _standing(row, ctx.now(), ctx.today())
    return str(row["id"])


def login(ctx: Context, staff_id: str, pin: str) -> Actor:
    """Check the PIN and return the actor; it makes the actor, so it is the one command without one.

    Wrong PINs count towards the ``[security]`` lockout (``pin_max_failures`` in a row lock the
    account for ``lockout_minutes``).
    """
    store, now = ctx.store, ctx.now()
    security = ctx.config["security"]
    max_failures, lockout_minutes = int(security["pin_max_failures"]), int(security["lockout_minutes"])
    row = _row(store, staff_id)
    _standing(row, now, ctx.today())
    if not row["pin_hash"]:
        raise AuthError(f"staff {staff_id} has no PIN on this kiosk yet (added at another terminal of the "
                        "service point)", code="pin_not_set",
                        hint="a supervisor sets one here with Reset PIN")
    if verify_pin(pin, str(row["pin_hash"])):
        with store.unit_of_work(f"{row['role']}:{staff_id}") as uow:
            uow.update("staff", {"id": staff_id}, {"failures": 0, "locked_until": None})
            uow.log("staff.login", staff_id)
        return Actor(staff_id, str(row["role"]))
    failures = int(row["failures"]) + 1  # type: ignore[call-overload]
    locked_until = None
    if failures >= max_failures:
        locked_until = (now + dt.timedelta(minutes=lockout_minutes)).isoformat()
        failures = 0
    with store.unit_of_work(f"{row['role']}:{staff_id}") as uow:
        uow.update("staff", {"id": staff_id}, {"failures": failures, "locked_until": locked_until})
        uow.log("staff.login_failed", staff_id, {"locked_until": locked_until})
    if locked_until:
        raise AuthError(f"wrong PIN; staff {staff_id} is now locked until {_wall_clock(locked_until)}",
                        code="locked_out", hint="wait, or ask a supervisor")
    raise AuthError(f"wrong PIN for staff {staff_id} ({max_failures - failures} tries left)",
                    code="wrong_pin")


def supervisor_login(ctx: Context, staff_id: str, pin: str) -> Actor:
    """A supervisor's approval of one action (e.g. a void): ``login``, then anyone but a supervisor
    is refused (``not_permitted``). A wrong PIN counts towards the lockout as at the login screen."""
    actor = login(ctx, staff_id, pin)
    if actor.role not in SUPERVISOR_ROLES:
        raise AuthError(f"{actor.label} is not a supervisor; the approval needs a supervisor's own number and PIN",
                        code="not_permitted", hint="ask a supervisor to enter their staff number and PIN")
    return actor


def require(store: Store, actor: Actor, *, now: dt.datetime,
            roles: frozenset[str] | None = None) -> None:
    """Refuse the action unless ``actor`` may act now (and has one of ``roles`` when given)."""
    if actor.role == "system":
        return
    row = _row(store, actor.id)
    # No context here: the expiry day is read in the default county zone (China).
    _standing(row, now, county_date(now))
    if roles and row["role"] not in roles:
        raise AuthError(f"{actor.label} may not do this; it needs a {' or '.join(sorted(roles))}",
                        code="not_permitted", hint="ask a supervisor")


# -- the roster's upkeep on site (supervisor) ---------------------------------------------------------
#
# The platform's roster (``staff.roster`` items) stays the source: an item naming a staff number replaces
# what is held here for it. These commands cover the service point between two rosters: a new colleague
# starting today, a forgotten PIN, an account locked by wrong PINs.
#
# * A new member is pushed (``staff.member_added``, without the PIN): the gateway adds them to the
#   service point's roster, so the next roster keeps them and the service point's other kiosks learn
#   of them; it refuses the record (quarantine, with its reason) when the platform knows the number
#   already or the supervisor is not one on its roster.
# * A PIN never leaves the terminal: a 6-digit PIN's scrypt hash falls to a search of a million
#   values, so sending it would spread the PIN to the platform and every kiosk of the service point,
#   where no lockout stops the search. A reset PIN works on this kiosk; the platform's items carry a
#   PIN hash only when the platform itself sets a new one, and that one then wins.
# * Unlocking stays local: wrong tries and the lock are this terminal's own count; the platform holds
#   nothing to change. Both are in the audit chain, whose signed checkpoints the platform receives.


def _real_roster(ctx: Context, supervisor: Actor, what: str) -> None:
    require(ctx.store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    if supervisor.training:
        # Staff accounts are real: a practice session would leave a real login behind.
        raise AuthError(f"a training session cannot {what}: staff accounts are real", code="training_roster",
                        hint="end the training session and do it in a real one")


def add_member(ctx: Context, supervisor: Actor, staff_id: str, *, name: str, role: Role, cert_no: str,
               cert_expires: dt.date, pin: str) -> None:
    """Add a staff member: a new staff number (capital letters and digits, as the login keypad types
    them), a certification still valid today, and the first PIN (kept on this kiosk only). The member,
    without the PIN, goes to the platform's roster (``staff.member_added``)."""
    _real_roster(ctx, supervisor, "add staff")
    if role not in ADDABLE_ROLES:
        raise ValidationError(f"a supervisor at the kiosk adds {' or '.join(ADDABLE_ROLES)} only, not {role!r}",
                              field="role", code="role_not_allowed",
                              hint="supervisors and technicians come with the platform's roster")
    staff_id = staff_id.strip().upper()
    if not STAFF_ID.fullmatch(staff_id):
        raise ValidationError(f"staff number {staff_id!r} is 2 to 16 capital letters and digits, beginning "
                              "with a letter (e.g. S010)", field="staff_id", code="bad_staff_id")
    if not name.strip():
        raise ValidationError("the staff member's name is required", field="name", code="name_required")
    for field, text in (("name", name), ("cert_no", cert_no)):
        # The platform's roster keeps at most this much (county.roster); longer would be refused there.
        if len(text.strip()) > MAX_TEXT:
            raise ValidationError(f"the {field.replace('_', ' ')} is longer than {MAX_TEXT} characters",
                                  field=field, code="too_long")
    if cert_expires < ctx.today():
        raise ValidationError(f"certification {cert_no} expired on {cert_expires.isoformat()}; only certified "
                              "staff work at the kiosk (持证上岗)", field="cert_expires",
                              code="cert_already_expired", hint="enter the renewed certification")
    _check_pin(pin)
    if ctx.store.read("SELECT 1 FROM staff WHERE id = ?", (staff_id,)):
        raise ValidationError(f"staff number {staff_id} is already on the roster", field="staff_id",
                              code="staff_exists", hint="choose another number, or reset that member's PIN")
    with ctx.store.unit_of_work(supervisor.label) as uow:
        add_staff(uow, staff_id, name=name.strip(), role=role, cert_no=cert_no.strip(),
                  cert_expires=cert_expires, pin=pin)
        uow.push(kinds.STAFF_MEMBER_ADDED, staff_id, {
            "staff_id": staff_id, "name": name.strip(), "role": role, "cert_no": cert_no.strip(),
            "cert_expires": cert_expires.isoformat(), "by": supervisor.id})


def reset_pin(ctx: Context, supervisor: Actor, staff_id: str, pin: str) -> None:
    """Give a staff member a new PIN on this kiosk (they forgot it, or were added at another terminal);
    it also clears wrong tries and a lock. Not pushed: see above."""
    _real_roster(ctx, supervisor, "reset a PIN")
    _check_pin(pin)
    _row(ctx.store, staff_id)
    with ctx.store.unit_of_work(supervisor.label) as uow:
        uow.update("staff", {"id": staff_id}, {"pin_hash": hash_pin(pin), "failures": 0, "locked_until": None,
                                               "updated_at": uow.at})
        uow.log("staff.pin_reset", staff_id)


def unlock(ctx: Context, supervisor: Actor, staff_id: str) -> None:
    """End a lock after wrong PINs before its time (the supervisor has seen who is at the counter)."""
    _real_roster(ctx, supervisor, "unlock an account")
    row = _row(ctx.store, staff_id)
    locked = row["locked_until"]
    if not (locked and dt.datetime.fromisoformat(str(locked)) > ctx.now()) and not row["failures"]:
        raise ValidationError(f"staff {staff_id} is not locked and has no wrong PINs to clear",
                              field="staff_id", code="not_locked")
    with ctx.store.unit_of_work(supervisor.label) as uow:
        uow.update("staff", {"id": staff_id}, {"failures": 0, "locked_until": None, "updated_at": uow.at})
        uow.log("staff.unlock", staff_id, {"was_locked_until": locked})


def open_additions(uow: UnitOfWork) -> set[str]:
    """Staff numbers added on this kiosk whose addition the platform has not taken (still pending, or
    refused) and whose number no platform entry has replaced since: such a member may be another
    person than the one the platform's roster gives that number."""
    latest = outbox.latest_states(uow.conn, kinds.STAFF_MEMBER_ADDED)
    found = {str(subject) for subject, state in latest.items() if state != outbox.ACKED}
    if found:
        found -= {str(r[0]) for r in uow.execute("SELECT subject FROM audit WHERE action = ?",
                                                 (REPLACED_BY_ROSTER,))}
    return found


def addition_refused(uow: UnitOfWork, record_id: str, code: str) -> None:
    """A ``staff.member_added`` record went to quarantine: the member it added is no account, so it is
    deactivated here, unless the platform's roster has named that number since (its entry is then the
    account, and the platform decides whether it is active)."""
    record = outbox.kind_and_subject(uow.conn, record_id)
    if record is None or record[0] != kinds.STAFF_MEMBER_ADDED:
        return
    staff_id = record[1]
    if staff_id not in open_additions(uow):
        return
    uow.update("staff", {"id": staff_id}, {"active": 0, "updated_at": uow.at})
    uow.log("staff.addition_refused", staff_id, {"record_id": record_id, "code": code})
