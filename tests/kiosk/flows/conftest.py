"""A kiosk with the sample data installed as real (non-training) data, enrolled with a test
platform key, fresh master data, and helpers that bring a unit to each step of its case.

Items "pulled" here are signed with the test platform key and kept in ``approvals`` exactly
as the sync agent keeps them, then applied through the same handlers."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sync.wire import kinds
from kiosk.config import load_config
from kiosk.identity import Enrollment, b64, save_enrollment
from kiosk.masterdata import Buyer, buyers_of_unit
from kiosk.services import acceptance, contracts, handover, inbound, payments, registration
from kiosk.services.context import Context
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.signatures import document_hash, sample_bundle
from kiosk.services.staff import Actor
from kiosk.store import Store, approvals, sync_state
from sync import wire

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc)
INSTALLER = Actor("installer", "system")


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Kiosk:
    ctx: Context
    clock: Clock
    staff: Actor
    supervisor: Actor

    @property
    def store(self) -> Store:
        return self.ctx.store

    platform: wire.KeyPair

    def pull(self, kind: str, subject: str, data: dict[str, Any], *, training: bool = False) -> None:
        """Apply a platform-signed item as the sync agent does after verifying it."""
        item = wire.make_item(self.platform.sign, item_id=uuid.uuid4().hex, kind=kind, subject=subject,
                              issued_at=self.clock().isoformat(),
                              data={**data, **({"training": True} if training else {})})
        with self.store.unit_of_work("system:sync") as uow:
            uow.log("sync.pull", item["item_id"])
            inbound.apply(uow, item)
            approvals.keep(uow, item)

    def buyers(self, unit: str) -> list[Buyer]:
        return buyers_of_unit(self.store, unit)

    def approve_project(self, project_id: str) -> None:
        for n, item in enumerate(acceptance.ITEMS):
            acceptance.record_acceptance(self.ctx, self.staff, project_id, item, document_no=f"DOC-{n}")
        self.pull(kinds.FIRST_REGISTRATION_APPROVED, project_id, {})

    def sign_contract(self, unit: str) -> str:
        contract = contracts.draft(self.ctx, self.staff, unit)
        doc = contracts.get(self.store, contract)["doc_hash"]
        contracts.sign(self.ctx, self.staff, contract, {b.id: sample_bundle(doc, seed=b.id) for b in self.buyers(unit)})
        return contract

    def file_contract(self, unit: str) -> str:
        contract = self.sign_contract(unit)
        self.pull(kinds.CONTRACT_FILED, contract, {"filing_no": "BA-2026-0001"})
        return contract

    def pay(self, unit: str) -> str:
        order = payments.create_order(self.ctx, self.staff, unit)
        for item in self.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ?", (order,)):
            self.pull(kinds.PAYMENT_CONFIRMED, order, {"payee": item["payee"], "amount_fen": item["amount_fen"],
                                                       "channel_serial": f"CH-{item['payee']}",
                                                       "receipt_no": "R1"})
        return order

    def register(self, unit: str, *, serial: str | None = None, number: str = "豫(2026)郏县不动产权第0000101号",
                 entries: dict[str, Any] | None = None) -> None:
        data = {"certificate_no": number, "serial": serial, "e_cert_token": "ECERT-TOKEN-1"}
        self.pull(kinds.REGISTRATION_RECORDED, unit, data if entries is None else {**data, "register": entries})

    def ready(self, unit: str, **register: Any) -> None:
        """Everything the checks need, for ``unit``."""
        project = self.store.read("SELECT project_id FROM units WHERE code = ?", (unit,))[0]["project_id"]
        if not self.store.read("SELECT eligible FROM projects WHERE id = ?", (project,))[0]["eligible"]:
            self.approve_project(project)
        self.file_contract(unit)
        self.pay(unit)
        registration.request_registration(self.ctx, self.staff, unit)
        self.register(unit, **register)
        handover.mark_keys_ready(self.ctx, self.staff, unit)

    def start_all_present(self, unit: str) -> str:
        case = handover.start(self.ctx, self.staff, unit)
        for buyer in self.buyers(unit):
            handover.identify(self.ctx, self.staff, case, method="card", value=buyer.id_number)
        return case

    def sign_papers(self, case: str, signers: list[int] | None = None) -> None:
        row = handover.get(self.store, case)
        papers = handover.documents(self.ctx, row)
        who = signers if signers is not None else sorted(set(row["present"]) | set(row["represented"]))
        handover.sign(self.ctx, self.staff, case, {
            b: {name: sample_bundle(document_hash(text), seed=b) for name, text in papers.items()} for b in who})


@pytest.fixture
def site(store: Store, data_dir: Path) -> Iterator[Kiosk]:
    clock = Clock()
    config = load_config(data_dir)
    ctx = Context(store, config, clock=clock)
    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(config.key_dir, Enrollment(
        device_id="d-test", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at=NOW.isoformat()))
    install_samples(ctx, INSTALLER, load_samples(), training=False)
    with sync_state.transaction(store.conn) as conn:
        sync_state.record_success(conn, sync_state.PULL, NOW.isoformat())
    staff = store.read("SELECT id FROM staff WHERE role = 'staff' ORDER BY id LIMIT 1")[0]["id"]
    supervisor = store.read("SELECT id FROM staff WHERE role = 'supervisor' ORDER BY id LIMIT 1")[0]["id"]
    yield Kiosk(ctx, clock, Actor(staff, "staff"), Actor(supervisor, "supervisor"), platform)


def residential_units(site: Kiosk, holders: int) -> list[str]:
    rows = site.store.read("SELECT u.code FROM units u WHERE u.use = 'residential' AND "
                            "(SELECT count(*) FROM buyers b WHERE b.unit_code = u.code) = ? ORDER BY u.code",
                            (holders,))
    return [r["code"] for r in rows]


@pytest.fixture
def single(site: Kiosk) -> str:
    return residential_units(site, 1)[0]


@pytest.fixture
def couple(site: Kiosk) -> str:
    units = residential_units(site, 2)
    assert units, "the sample data needs units with two holders"
    return units[0]
