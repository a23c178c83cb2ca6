"""Queue: the service point's work list, searchable.

Cases ready for handover (every case gate passes, no handover yet), cases in
a handover, and cases blocked grouped by the first handover gate they fail
(``kiosk.services.gates``, in the gates' order). Delivered cases are only
counted. The gates are judged as the supervision ledger judges them: about
the case, without the people (they are identified at the counter) and
without re-verifying the certificate's signed approval (the handover does
that, and ``CaseOverview`` shows it).

Search by a unit code (or any part of one), a certificate number (or a part
of it) or a buyer's ID number (exact, through the blind index). The queue
lists many people's cases, so it holds masked names and masked ID numbers
only, and echoes an ID number searched for masked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiosk.errors import ValidationError
from kiosk.privacy import mask_id, mask_name
from kiosk.rules.certno import normalize_text
from kiosk.rules.idcard import parse_id_number
from kiosk.services.context import Context
from kiosk.services.gates import BLOCKED_LABELS, CASE_CHECKS, first_case_failure, load_facts

__all__ = ["BlockedGroup", "MIN_PART", "Queue", "QueueRow", "queue"]

MIN_PART = 4
_LOOKS_LIKE_ID = re.compile(r"[0-9]{17}[0-9Xx]|[0-9]{15}")


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One case; ``code``/``reason``/``next_action`` of its first failed gate ('' when none), and
    ``message``/``hint``: that gate's English texts ('' when none), for a UI shown in English."""

    unit_code: str
    project_id: str
    project_name: str
    building: str
    room: str
    training: bool
    holders: tuple[str, ...]
    certificate_no: str | None
    handover_id: str | None
    handover_state: str | None
    code: str
    reason: str
    next_action: str
    message: str = ""
    hint: str = ""


@dataclass(frozen=True, slots=True)
class BlockedGroup:
    check: str
    label: str
    rows: tuple[QueueRow, ...]


@dataclass(frozen=True, slots=True)
class Queue:
    """``search`` echoes the search (an ID number masked); ``matched_by`` names the keys that matched."""

    search: str | None
    matched_by: tuple[str, ...]
    ready: tuple[QueueRow, ...]
    in_handover: tuple[QueueRow, ...]
    blocked: tuple[BlockedGroup, ...]
    delivered: int
    total: int


def _matches(ctx: Context, text: str) -> tuple[set[str], list[str]]:
    """Unit codes matching ``text`` and the keys that matched."""
    store = ctx.store
    found: set[str] = set()
    keys: list[str] = []
    try:
        number = parse_id_number(text, today=ctx.today()).normalized
    except ValidationError:
        number = None
    if number:
        units = {r["unit_code"] for r in store.read("SELECT unit_code FROM buyers WHERE id_index = ?",
                                                    (store.vault.blind_index(number),))}
        if units:
            found |= units
            keys.append("id_number")
    code = unicodedata.normalize("NFKC", text).strip().upper()
    if len(code) >= MIN_PART:
        units = {r["code"] for r in store.read("SELECT code FROM units WHERE instr(code, ?) > 0", (code,))}
        if units:
            found |= units
            keys.append("unit_code")
    cert = normalize_text(text)
    if len(cert) >= MIN_PART:
        units = {r["unit_code"] for r in store.read("SELECT unit_code FROM certificates WHERE "
                                                    "instr(certificate_no, ?) > 0", (cert,))}
        if units:
            found |= units
            keys.append("certificate_no")
    return found, keys


def queue(ctx: Context, search: str | None = None, *, include_training: bool = False) -> Queue:
    """The work list, narrowed to the cases matching ``search`` when given (empty: every case)."""
    store = ctx.store
    text = (search or "").strip()
    wanted: set[str] | None = None
    keys: list[str] = []
    if text:
        wanted, keys = _matches(ctx, text)
    # A few small tables joined in Python: cheaper than three index searches per unit in SQLite.
    projects = {p["id"]: p["name"] for p in store.read("SELECT id, name FROM projects")}
    live = {h["unit_code"]: h for h in store.read("SELECT unit_code, id, state FROM handovers "
                                                  "WHERE state != 'cancelled'")}
    certificates = {c["unit_code"]: c["certificate_no"] for c in store.read(
        "SELECT unit_code, certificate_no FROM certificates")}
    rows = store.read("SELECT code, project_id, building, room, training FROM units WHERE ? OR training = 0 "
                      "ORDER BY code", (int(include_training),))
    if wanted is not None:
        rows = [r for r in rows if r["code"] in wanted]
    codes = [r["code"] for r in rows]
    facts = load_facts(store, ctx.today(), unit_codes=None if wanted is None else codes,
                       include_training=include_training)
    names: dict[str, list[str]] = {}
    vault = store.vault
    for b in store.read("SELECT unit_code, name_enc, id_masked FROM buyers WHERE ? OR training = 0 "
                        "ORDER BY unit_code, position", (int(include_training),)):
        if wanted is None or b["unit_code"] in wanted:
            names.setdefault(b["unit_code"], []).append(
                f"{mask_name(vault.decrypt(b['name_enc'], 'buyers.name'))} {b['id_masked']}")
    ready: list[QueueRow] = []
    busy: list[QueueRow] = []
    blocked: dict[str, list[QueueRow]] = {}
    delivered = 0
    for r in rows:
        handover = live.get(r["code"])
        if handover and handover["state"] == "delivered":
            delivered += 1
            continue
        failed = first_case_failure(facts[r["code"]])
        row = QueueRow(unit_code=r["code"], project_id=r["project_id"], project_name=projects[r["project_id"]],
                       building=r["building"], room=r["room"], training=bool(r["training"]),
                       holders=tuple(names.get(r["code"], ())), certificate_no=certificates.get(r["code"]),
                       handover_id=handover["id"] if handover else None,
                       handover_state=handover["state"] if handover else None,
                       code=failed.code if failed else "", reason=failed.reason if failed else "",
                       next_action=failed.next_action if failed else "",
                       message=failed.message if failed else "", hint=(failed.hint or "") if failed else "")
        if handover:
            busy.append(row)
        elif failed:
            blocked.setdefault(failed.check, []).append(row)
        else:
            ready.append(row)
    echo = None if not text else mask_id(text) if _LOOKS_LIKE_ID.fullmatch(text) else text
    return Queue(search=echo, matched_by=tuple(keys), ready=tuple(ready), in_handover=tuple(busy),
                 blocked=tuple(BlockedGroup(check, BLOCKED_LABELS[check], tuple(blocked[check]))
                               for check in CASE_CHECKS if check in blocked),
                 delivered=delivered, total=len(rows))
