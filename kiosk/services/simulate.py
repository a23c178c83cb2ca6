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
import json
import time
import uuid
from typing import Any

from kiosk.errors import KioskError
from kiosk.masterdata import buyers_of_unit
from kiosk.rules.certno import CertificateTemplate, format_certificate_number
from kiosk.services import acceptance, contracts, handover, inbound, payments, registration
from kiosk.services.certificates import add_stock
from kiosk.services.context import Context
from kiosk.services.samples import SYNTHETIC_PROJECT_ID, install_samples, load_samples, synthetic_units
from kiosk.services.signatures import document_hash, sample_bundle
from kiosk.services.staff import Actor
from kiosk.store import approvals, outbox
from sync.wire import kinds

__all__: list[str] = []

SIMULATOR = Actor("simulator", "system", training=True)


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

    def prepare_project(self, project_id: str) -> None:
        row = self.ctx.store.read("SELECT first_registration FROM projects WHERE id = ?", (project_id,))[0]
        if row["first_registration"] == "approved":
            return
        if row["first_registration"] == "open":
            for n, item in enumerate(acceptance.ITEMS, start=1):
                acceptance.record_acceptance(self.ctx, self.staff, project_id, item,
                                             document_no=f"郏演练〔{self.ctx.today().year}〕{n:03d}号")
        apply_training_item(self.ctx, kinds.FIRST_REGISTRATION_APPROVED, project_id, {})

    def run_one(self, unit_code: str, n: int) -> None:
        ctx = self.ctx
        buyers = buyers_of_unit(ctx.store, unit_code)
        contract_id = contracts.draft(ctx, self.staff, unit_code)
        doc = contracts.get(ctx.store, contract_id)["doc_hash"]
        contracts.sign(ctx, self.staff, contract_id,
                       {b.id: sample_bundle(doc, seed=b.id) for b in buyers})
        apply_training_item(ctx, kinds.CONTRACT_FILED, contract_id, {"filing_no": f"YL-BA-{n:06d}"})
        order_id = payments.create_order(ctx, self.staff, unit_code)
        for item in ctx.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ?", (order_id,)):
            payments.record_confirmation(ctx, self.staff, order_id, item["payee"], item["amount_fen"],
                                         f"SIM{n:06d}{item['payee'][:3].upper()}", f"R{n:08d}",
                                         event_id=f"TRAIN-PAY-{order_id}-{item['payee']}")
        registration.request_registration(ctx, self.staff, unit_code)
        self.certificate_seq += 1
        number = format_certificate_number(ctx.today().year, self.certificate_seq,
                                           template=CertificateTemplate.from_config(ctx.config["certificate"]))
        preprinted = n % 2 == 0
        serial = f"YL-PRE-{uuid.uuid4().hex[:10].upper()}" if preprinted else None
        apply_training_item(ctx, kinds.REGISTRATION_RECORDED, unit_code,
                            {"certificate_no": number, "serial": serial,
                             "e_cert_token": f"TRAINING-ECERT-{uuid.uuid4().hex}"})
        handover.mark_keys_ready(ctx, self.staff, unit_code)
        case = handover.start(ctx, self.staff, unit_code)
        for buyer in buyers:
            handover.identify(ctx, self.staff, case, method="card", value=buyer.id_number)
        handover.check(ctx, self.staff, case)
        papers = handover.documents(ctx, handover.get(ctx.store, case))
        handover.sign(ctx, self.staff, case, {
            b.id: {name: sample_bundle(document_hash(text), seed=b.id) for name, text in papers.items()}
            for b in buyers})
        if preprinted:
            handover.bind_certificate(ctx, self.staff, case,
                                      scanned=json.dumps({"serial": serial, "certificate_no": number},
                                                         ensure_ascii=False))
        else:
            handover.bind_certificate(ctx, self.staff, case, print_on_stock=True)
        handover.issue_receipt(ctx, self.staff, case)
        handover.hand_keys(ctx, self.staff, case)
        handover.deliver(ctx, self.staff, case)


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
        "ORDER BY u.code")


def simulate(ctx: Context, handovers: int) -> dict[str, Any]:
    """Run ``handovers`` complete scripted handovers; returns the summary `kiosk simulate` prints."""
    samples = load_samples()
    install_samples(ctx, SIMULATOR, samples, training=True)
    free = _free_units(ctx)
    if len(free) < handovers:
        start = ctx.store.read("SELECT count(*) AS n FROM units WHERE project_id = ?",
                               (SYNTHETIC_PROJECT_ID,))[0]["n"]
        extra = synthetic_units(handovers - len(free), start=start)
        install_samples(ctx, SIMULATOR, dataclasses.replace(samples, units=tuple(extra)), training=True)
        free = _free_units(ctx)
    sim = Simulation(ctx, _training_actor(ctx, "staff"), _training_actor(ctx, "supervisor"))
    sim.certificate_seq = ctx.store.read("SELECT count(*) AS n FROM certificates")[0]["n"]
    _stock_for(ctx, sim, handovers)
    for project_id in sorted({u["project_id"] for u in free[:handovers]}):
        sim.prepare_project(project_id)
    delivered = 0
    started = time.perf_counter()
    for n, unit in enumerate(free[:handovers], start=1):
        try:
            sim.run_one(unit["code"], n)
            delivered += 1
        except KioskError as exc:
            sim.failures.append(f"{unit['code']}: {exc.code}: {exc}")
    elapsed = time.perf_counter() - started
    pending = outbox.counts(ctx.store)[outbox.PENDING]
    return {"handovers": handovers, "delivered": delivered, "failed": handovers - delivered,
            "ms_per_handover": round(elapsed * 1000 / handovers, 2) if handovers else 0.0,
            "outbox_pending": pending, "errors": sim.failures[:20]}


def _stock_for(ctx: Context, sim: Simulation, handovers: int) -> None:
    """Half the simulated certificates are printed on stock: make sure there is paper."""
    on_hand = ctx.store.read("SELECT count(*) AS n FROM certificate_stock WHERE state = 'on_hand'")[0]["n"]
    needed = handovers // 2 + 1 - on_hand
    if needed > 0:
        base = ctx.store.read("SELECT count(*) AS n FROM certificate_stock")[0]["n"]
        add_stock(ctx, sim.supervisor, [f"YL-STOCK-{base + i:07d}" for i in range(needed)])

