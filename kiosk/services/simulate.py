"""Scripted handovers through the real services, for training and load.

Everything a simulation creates is training data: its units, buyers and
stock are marked as training, its approvals are made up locally and flagged
as training (they can only touch training rows, so they can never make a real
case deliverable), and its records still go through the outbox, flagged as
training, so that sync can be exercised on an enrolled kiosk.

One handover runs every step a service point does: joint acceptance and
first registration (once per project), contract drafting and signing by every
buyer, contract filing, the payment order and a confirmation per payee, the
transfer registration requested and recorded with its certificate number,
keys ready, then the handover
itself: identification of every holder from card data, the checks, both
papers signed, the certificate bound (printed on stock or scanned from a
pre-printed certificate), the receipt queued, keys handed, delivered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import time
import uuid
from typing import Any

from kiosk.errors import FlowError, KioskError, ValidationError
from kiosk.masterdata import Buyer, buyers_of_unit
from kiosk.rules.certno import CertificateTemplate, format_certificate_number
from kiosk.services import acceptance, certificates, contracts, handover, inbound, payments, registration
from kiosk.services.certificates import add_stock
from kiosk.services.context import Context
from kiosk.services.samples import (SYNTHETIC_PROJECT_ID, Samples, install_samples, load_samples,
                                    synthetic_units)
from kiosk.services.signatures import document_hash, sample_bundle
from kiosk.services.staff import Actor
from kiosk.store import approvals, outbox
from kiosk.store.bookkeeping import bookkeeping
from kiosk.store.failures import store_failure
from sync.wire import kinds

__all__: list[str] = []

SIMULATOR = Actor("simulator", "system", training=True)

# The points a scripted case can stop at, in case order (``stage_sample``): a contract waiting for the
# buyers' signatures; signed and filed, nothing paid; paid and registered, keys not ready; keys ready
# (the counter's queue shows it ready); a handover started with every holder identified and the checks
# passed (the buyers sign the papers next); delivered.
STAGES = ("drafted", "filed", "registered", "keys_ready", "checked", "delivered")


def apply_training_item(ctx: Context, kind: str, subject: str, data: dict[str, Any]) -> str:
    """Apply a locally made-up approval through the same handlers as pulled ones."""
    item = {"item_id": f"TRAIN-{uuid.uuid4().hex}", "kind": kind, "subject": subject,
            "issued_at": ctx.now().isoformat(), "data": {**data, "training": True}}
    with ctx.store.unit_of_work(SIMULATOR.label) as uow:
        inbound.apply(uow, item)
        approvals.keep(uow, item)
    return str(item["item_id"])


@dataclasses.dataclass
class Simulation:
    ctx: Context
    staff: Actor
    supervisor: Actor
    certificate_seq: int = 0
    failures: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def on(cls, ctx: Context) -> "Simulation":
        """A simulation by the kiosk's certified staff member and supervisor (as training actors), its
        certificate numbers following those the kiosk already holds."""
        sim = cls(ctx, _training_actor(ctx, "staff"), _training_actor(ctx, "supervisor"))
        sim.certificate_seq = ctx.store.read("SELECT count(*) AS n FROM certificates")[0]["n"]
        return sim

    def prepare_project(self, project_id: str) -> None:
        row = self.ctx.store.read("SELECT first_registration FROM projects WHERE id = ?", (project_id,))[0]
        if row["first_registration"] == "approved":
            return
        if row["first_registration"] == "open":
            for n, item in enumerate(acceptance.ITEMS, start=1):
                acceptance.record_acceptance(self.ctx, self.staff, project_id, item,
                                             document_no=f"郏演练〔{self.ctx.today().year}〕{n:03d}号")
        apply_training_item(self.ctx, kinds.FIRST_REGISTRATION_APPROVED, project_id, {})

    def run_one(self, unit_code: str, n: int, *, resume: bool = False) -> None:
        self.advance(unit_code, n, until=STAGES[-1], resume=resume)

    def advance(self, unit_code: str, n: int, *, until: str, resume: bool = False) -> str | None:
        """Move a fresh unit through the scripted steps up to and including the stage ``until``.

        With ``resume``, each step looks at the case first and is skipped when done, so a unit a killed
        run left half way goes on where it stopped. Without it every step runs, so two runs that picked
        the same unit meet a conflict rather than finishing each other's case. Returns the handover case
        once one is started (the ``checked`` stage and later), else None.
        """
        last = _stage_index(until)
        ctx = self.ctx
        buyers = buyers_of_unit(ctx.store, unit_code)
        contract = self.latest_contract(unit_code) if resume else None
        if contract is None:
            contract_id = contracts.draft(ctx, self.staff, unit_code)
            contract = {"id": contract_id, "state": "draft",
                        "doc_hash": contracts.get(ctx.store, contract_id)["doc_hash"]}
        if last == STAGES.index("drafted"):
            return None
        if contract["state"] == "draft":
            contracts.sign(ctx, self.staff, contract["id"],
                           {b.id: sample_bundle(contract["doc_hash"], seed=b.id) for b in buyers})
        if contract["state"] in ("draft", "signed"):
            apply_training_item(ctx, kinds.CONTRACT_FILED, contract["id"], {"filing_no": f"YL-BA-{n:06d}"})
        if last == STAGES.index("filed"):
            return None
        self._pay(unit_code, n, resume=resume)
        number, serial = self.register(unit_code, len(buyers), resume=resume)
        if last == STAGES.index("registered"):
            return None
        if not resume or not ctx.store.read("SELECT keys_ready FROM units WHERE code = ?",
                                            (unit_code,))[0]["keys_ready"]:
            handover.mark_keys_ready(ctx, self.staff, unit_code)
        if last == STAGES.index("keys_ready"):
            return None
        case = self._handover(unit_code) if resume else handover.start(ctx, self.staff, unit_code)
        row = handover.get(ctx.store, case)
        for buyer in buyers:
            if buyer.id not in row["present"]:
                handover.identify(ctx, self.staff, case, method="card", value=buyer.id_number)
        if row["state"] == "open":
            handover.check(ctx, self.staff, case)
        if last == STAGES.index("checked"):
            return case
        self._finish(case, buyers, number, serial)
        return case

    def latest_contract(self, unit_code: str) -> dict[str, Any] | None:
        rows = self.ctx.store.read("SELECT id, state, doc_hash FROM contracts WHERE unit_code = ? "
                                   "AND state IN ('draft', 'signed', 'filed') ORDER BY version DESC LIMIT 1",
                                   (unit_code,))
        return rows[0] if rows else None

    def _pay(self, unit_code: str, n: int, *, resume: bool) -> None:
        ctx = self.ctx
        orders = ctx.store.read("SELECT id FROM payment_orders WHERE unit_code = ? AND state IN ('open', 'paid')",
                                (unit_code,)) if resume else []
        order_id = orders[0]["id"] if orders else payments.create_order(ctx, self.staff, unit_code)
        self.confirm_due(order_id, f"{n:06d}")

    def confirm_due(self, order_id: str, tag: str) -> int:
        """Confirm every item of ``order_id`` still due, as each payee's bank would; how many.

        A bank's channel serial names one payment: ``tag`` says who made these up (the run's handover
        number, the demo) and the order's own id keeps them apart from every other order's, so a
        statement reconciled later matches each confirmation to one payment. The event id is the
        order's and the payee's, so a confirmation repeated (a resumed run) is a duplicate."""
        due = self.ctx.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ? "
                                  "AND state = 'due'", (order_id,))
        for item in due:
            payments.record_confirmation(self.ctx, self.staff, order_id, item["payee"], item["amount_fen"],
                                         f"SIM{tag}-{order_id[-8:].upper()}-{item['payee'][:3].upper()}",
                                         f"R{tag}-{order_id[-8:].upper()}",
                                         event_id=f"TRAIN-PAY-{order_id}-{item['payee']}")
        return len(due)

    def register(self, unit_code: str, holders: int, *, resume: bool) -> tuple[str, str | None]:
        """The unit's certificate number and pre-printed serial (None: printed on stock), recorded now
        unless a killed run already did; half the simulated certificates are pre-printed."""
        ctx = self.ctx
        recorded = certificates.recorded(ctx.store, unit_code) if resume else None
        if recorded is not None:
            return str(recorded["certificate_no"]), recorded["serial"]
        if not resume or not ctx.store.read("SELECT registration_requested_at FROM units WHERE code = ?",
                              (unit_code,))[0]["registration_requested_at"]:
            registration.request_registration(ctx, self.staff, unit_code)
        self.certificate_seq += 1
        number = format_certificate_number(ctx.today().year, self.certificate_seq,
                                           template=CertificateTemplate.from_config(ctx.config["certificate"]))
        serial = f"YL-PRE-{uuid.uuid4().hex[:10].upper()}" if self.certificate_seq % 2 == 0 else None
        apply_training_item(ctx, kinds.REGISTRATION_RECORDED, unit_code,
                            {"certificate_no": number, "serial": serial,
                             "e_cert_token": f"TRAINING-ECERT-{uuid.uuid4().hex}",
                             "register": training_register(holders, ctx.today())})
        return number, serial

    def _handover(self, unit_code: str) -> str:
        rows = self.ctx.store.read("SELECT id FROM handovers WHERE unit_code = ? AND state NOT IN "
                                   "('cancelled', 'delivered') ORDER BY started_at DESC LIMIT 1", (unit_code,))
        return str(rows[0]["id"]) if rows else handover.start(self.ctx, self.staff, unit_code)

    def _finish(self, case: str, buyers: list[Buyer], number: str, serial: str | None) -> None:
        """From checks passed to delivered, each step skipped when a killed run already made it."""
        ctx, staff = self.ctx, self.staff
        state = handover.get(ctx.store, case)["state"]
        if state == "checked":
            papers = handover.documents(ctx, handover.get(ctx.store, case))
            handover.sign(ctx, staff, case, {
                b.id: {name: sample_bundle(document_hash(text), seed=b.id) for name, text in papers.items()}
                for b in buyers})
            state = "signed"
        if state == "signed":
            if serial:
                handover.bind_certificate(ctx, staff, case,
                                          scanned=json.dumps({"serial": serial, "certificate_no": number},
                                                             ensure_ascii=False))
            else:
                handover.bind_certificate(ctx, staff, case, print_on_stock=True)
            state = "certificate_bound"
        if state == "certificate_bound":
            handover.issue_receipt(ctx, staff, case)
            state = "receipt_issued"
        if state == "receipt_issued":
            handover.hand_keys(ctx, staff, case)
            state = "keys_handed"
        if state == "keys_handed":
            handover.deliver(ctx, staff, case)


def training_register(holders: int, day: dt.date) -> dict[str, Any]:
    """The register's entries a training registration carries (as the reference gateway records a flat)."""
    return {"right_type": "国有建设用地使用权/房屋所有权", "right_nature": "出让/市场化商品房",
            "use": "城镇住宅用地/住宅", "term": f"{day.year + 70}年12月31日止",
            "ownership": "单独所有" if holders == 1 else "共同共有", "registered_on": day.isoformat()}


def _stage_index(stage: str) -> int:
    if stage not in STAGES:
        raise ValidationError(f"unknown sample stage {stage!r}; the stages are {', '.join(STAGES)}",
                              field="stage", hint="pick one of the listed stages")
    return STAGES.index(stage)


def _training_actor(ctx: Context, role: str) -> Actor:
    rows = ctx.store.read("SELECT id FROM staff WHERE role = ? AND active = 1 AND cert_expires >= ? "
                          "ORDER BY id LIMIT 1", (role, ctx.today().isoformat()))
    if not rows:
        raise KioskError(f"no certified {role} on this kiosk to run the simulation")
    return Actor(rows[0]["id"], role, training=True)


def _free_units(ctx: Context) -> list[dict[str, Any]]:
    return ctx.store.read(
        "SELECT u.code, u.project_id FROM units u WHERE u.training = 1 AND u.use = 'residential' "
        "AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.unit_code = u.code) "
        "AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.unit_code = u.code) "
        "AND NOT EXISTS (SELECT 1 FROM payment_orders o WHERE o.unit_code = u.code) "
        "AND NOT EXISTS (SELECT 1 FROM simulation_progress s WHERE s.unit_code = u.code) "
        "ORDER BY u.code")


def simulate(ctx: Context, handovers: int) -> dict[str, Any]:
    """Run ``handovers`` complete scripted handovers; returns the summary `kiosk simulate` prints."""
    samples = load_samples()
    install_samples(ctx, SIMULATOR, samples, training=True)
    free = _free_units(ctx)
    if len(free) < handovers:
        _more_units(ctx, samples, handovers - len(free))
        free = _free_units(ctx)
    sim = Simulation.on(ctx)
    unfinished = ctx.store.read("SELECT count(*) AS n FROM simulation_progress")[0]["n"]
    _stock_for(ctx, sim, handovers + unfinished)
    resumed = _resume_killed(sim)
    for project_id in sorted({u["project_id"] for u in free[:handovers]}):
        sim.prepare_project(project_id)
    delivered = 0
    started = time.perf_counter()
    for n, unit in enumerate(free[:handovers], start=1):
        try:
            _tracked(sim, unit["code"], n)
            delivered += 1
        except KioskError as exc:
            sim.failures.append(f"{unit['code']}: {exc.code}: {exc}")
    elapsed = time.perf_counter() - started
    pending = outbox.counts(ctx.store)[outbox.PENDING]
    return {"handovers": handovers, "delivered": delivered, "failed": handovers - delivered,
            "resumed": resumed,
            "ms_per_handover": round(elapsed * 1000 / handovers, 2) if handovers else 0.0,
            "outbox_pending": pending, "errors": sim.failures[:20]}


def _tracked(sim: Simulation, unit_code: str, n: int, *, resume: bool = False) -> None:
    """One scripted handover, noted in ``simulation_progress`` while it runs: a run killed (or failing)
    half way leaves the note, and the next run finishes that handover first."""
    _note(sim, "INSERT OR IGNORE INTO simulation_progress (unit_code, n, started_at) VALUES (?, ?, ?)",
          (unit_code, n, sim.ctx.now().isoformat()))
    sim.run_one(unit_code, n, resume=resume)
    _note(sim, "DELETE FROM simulation_progress WHERE unit_code = ?", (unit_code,))


def _note(sim: Simulation, sql: str, params: tuple[Any, ...]) -> None:
    try:
        with bookkeeping(sim.ctx.store.conn) as conn:
            conn.execute(sql, params)
    except sqlite3.Error as exc:
        raise store_failure(exc, sim.ctx.store.path, "the simulation's progress note failed") from exc


def _resume_killed(sim: Simulation) -> list[str]:
    """Finish the handovers an earlier run left half way. One that fails again is reported with the
    other errors and its note dropped, so a case the services refuse is not retried by every run."""
    resumed = []
    for row in sim.ctx.store.read("SELECT unit_code, n FROM simulation_progress ORDER BY started_at"):
        if sim.ctx.store.read("SELECT 1 FROM handovers WHERE unit_code = ? AND state = 'delivered'",
                              (row["unit_code"],)):
            # Another run that had taken the same unit finished it.
            _note(sim, "DELETE FROM simulation_progress WHERE unit_code = ?", (row["unit_code"],))
            continue
        try:
            _tracked(sim, row["unit_code"], row["n"], resume=True)
            resumed.append(str(row["unit_code"]))
        except KioskError as exc:
            sim.failures.append(f"{row['unit_code']} (resumed): {exc.code}: {exc}")
            _note(sim, "DELETE FROM simulation_progress WHERE unit_code = ?", (row["unit_code"],))
    return resumed


def _more_units(ctx: Context, samples: Samples, n: int) -> None:
    """``n`` more synthetic training units (``synthetic_units``), after those already installed."""
    start = ctx.store.read("SELECT count(*) AS n FROM units WHERE project_id = ?",
                           (SYNTHETIC_PROJECT_ID,))[0]["n"]
    extra = synthetic_units(n, start=start)
    install_samples(ctx, SIMULATOR, dataclasses.replace(samples, units=tuple(extra)), training=True)


def _free_with(ctx: Context, co_owners: int) -> list[dict[str, Any]]:
    return [u for u in _free_units(ctx)
            if ctx.store.read("SELECT count(*) AS n FROM buyers WHERE unit_code = ?", (u["code"],))[0]["n"]
            == co_owners]


# Synthetic units give every third one a co-owner: three more always hold one of each kind.
SYNTHETIC_KINDS = 3


def stage_sample(ctx: Context, stage: str, *, co_owners: int = 1) -> str:
    """A fresh training unit with ``co_owners`` holders, moved to ``stage`` (one of ``STAGES``).

    For the app's snapshots and the demo: each call takes the next untouched sample unit, so the
    cases it makes never share a unit. Training data throughout, like ``simulate``. When the
    sample's units are used up (snapshots taken again and again on one data directory), more
    synthetic training units are installed, as ``simulate`` does.
    """
    _stage_index(stage)
    samples = load_samples()
    install_samples(ctx, SIMULATOR, samples, training=True)
    free = _free_with(ctx, co_owners)
    if not free and co_owners in (1, 2):
        _more_units(ctx, samples, SYNTHETIC_KINDS)
        free = _free_with(ctx, co_owners)
    if not free:
        raise KioskError(f"no untouched training unit with {co_owners} holder(s) is left for a {stage} sample",
                         code="no_sample_unit", hint="sample units have one or two holders; ask for one of those")
    unit = free[0]
    sim = Simulation.on(ctx)
    _stock_for(ctx, sim, 2)
    sim.prepare_project(unit["project_id"])
    sim.advance(unit["code"], sim.certificate_seq + 1, until=stage)
    return str(unit["code"])


def platform_step(ctx: Context, unit_code: str) -> str:
    """For the demo: what the platform, the buyer's bank app or the developer does next for a training case.

    The demo's practice records never reach the county, so nobody outside would ever file a
    contract signed at the kiosk, confirm a payment made with its code, record the registration
    or mark the keys ready: without this a person walking a buyer would wait on the pay screen
    for ever. One call makes the one next outside step, through the same handlers as the real
    ones (training approvals only touch training rows), and returns its name: ``contract_filed``,
    ``payment_confirmed``, ``registered`` or ``keys_ready``, in case order.
    The buyers' and the counter's own steps are left to them: the refusal's code says which comes
    first (``buyers_sign_first``, ``buyer_pays_first``, ``counter_step``).
    """
    units = ctx.store.read("SELECT training, keys_ready FROM units WHERE code = ?", (unit_code,))
    if not units:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit")
    unit = units[0]
    if not unit["training"]:
        raise FlowError(f"unit {unit_code} is real: only training cases are moved on by the demo",
                        code="training_unit", hint="practise on the demo's training cases")
    sim = Simulation.on(ctx)
    contract = sim.latest_contract(unit_code)
    if contract is None or contract["state"] == "draft":
        raise FlowError(f"the contract of unit {unit_code} waits for the buyers' signatures",
                        code="buyers_sign_first", hint="the buyers read and sign the contract at the kiosk first")
    if contract["state"] == "signed":
        # Numbered by the filings this kiosk holds: two contracts filed before any registration differ.
        filed = ctx.store.read("SELECT count(*) AS n FROM contracts WHERE filing_no IS NOT NULL")[0]["n"]
        apply_training_item(ctx, kinds.CONTRACT_FILED, contract["id"], {"filing_no": f"YL-BA-D{filed + 1:06d}"})
        return "contract_filed"
    orders = ctx.store.read("SELECT id, state FROM payment_orders WHERE unit_code = ? AND state != 'void' "
                            "ORDER BY created_at DESC LIMIT 1", (unit_code,))
    if not orders:
        raise FlowError(f"unit {unit_code} has no payment order yet", code="buyer_pays_first",
                        hint="open the payment code on the kiosk's pay screen first")
    if sim.confirm_due(str(orders[0]["id"]), "PAY"):
        return "payment_confirmed"
    if certificates.recorded(ctx.store, unit_code) is None:
        sim.register(unit_code, len(buyers_of_unit(ctx.store, unit_code)), resume=True)
        return "registered"
    if not unit["keys_ready"]:
        handover.mark_keys_ready(ctx, sim.staff, unit_code)
        return "keys_ready"
    raise FlowError(f"unit {unit_code} waits for the counter's handover, not for the platform",
                    code="counter_step", hint="hand the case over at the counter (staff sign-in)")


def _stock_for(ctx: Context, sim: Simulation, handovers: int) -> None:
    """Half the simulated certificates are printed on stock: make sure there is paper."""
    on_hand = ctx.store.read("SELECT count(*) AS n FROM certificate_stock WHERE state = 'on_hand'")[0]["n"]
    needed = handovers // 2 + 1 - on_hand
    if needed > 0:
        base = ctx.store.read("SELECT count(*) AS n FROM certificate_stock")[0]["n"]
        add_stock(ctx, sim.supervisor, [f"YL-STOCK-{base + i:07d}" for i in range(needed)])

