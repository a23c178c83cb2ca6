"""A real kiosk with training sample data, cases brought to a state through the real services, and the
buyer screens in a real navigator (offscreen)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import CardReaderDevice, open_devices
from hardware.idcard.simulator import card_of
from kiosk.app import Kiosk, open_kiosk
from kiosk.config import load_config
from kiosk.masterdata import Buyer, buyers_of_unit
from kiosk.rules.certno import CertificateTemplate, format_certificate_number
from kiosk.services import contracts, handover, payments, registration
from kiosk.services.certificates import add_stock
from kiosk.services.signatures import sample_bundle
from kiosk.services.simulate import SIMULATOR, Simulation, _training_actor, apply_training_item
from sync.wire import kinds
from kiosk.services.samples import install_samples, load_samples
from ui.context import AppContext
from ui.navigation import Navigator
from ui.screens.base import Screen
from ui.screens.buyer import SCREENS
from ui.tasks import TaskRunner


class Welcome(Screen):
    """Stands in for the shell's welcome screen (the home of the navigator)."""

    name = "welcome"

    def retranslate(self) -> None:
        pass


@dataclasses.dataclass
class Buyers:
    """The kiosk with training samples and helpers that move a unit through the real services."""

    kiosk: Kiosk
    sim: Simulation

    def unit(self, *, co_owners: int = 1, skip: int = 0) -> str:
        """A residential training unit with ``co_owners`` holders and no case started."""
        rows = self.kiosk.store.read(
            "SELECT u.code FROM units u WHERE u.training = 1 AND u.use = 'residential' "
            "AND (SELECT count(*) FROM buyers b WHERE b.unit_code = u.code) = ? "
            "AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.unit_code = u.code) ORDER BY u.code", (co_owners,))
        return str(rows[skip]["code"])

    def holders(self, unit_code: str) -> list[Buyer]:
        return buyers_of_unit(self.kiosk.store, unit_code)

    def delivered(self, unit_code: str) -> None:
        """The whole handover through the real services (the simulation's scripted steps)."""
        project = self.kiosk.store.read("SELECT project_id FROM units WHERE code = ?", (unit_code,))[0]
        self.sim.prepare_project(str(project["project_id"]))
        stock = self.kiosk.store.read("SELECT count(*) AS n FROM certificate_stock WHERE state = 'on_hand'")[0]
        if not stock["n"]:
            add_stock(self.kiosk.ctx, self.sim.supervisor, ["YL-STOCK-0000001", "YL-STOCK-0000002"])
        self.sim.certificate_seq += 1
        self.sim.run_one(unit_code, self.sim.certificate_seq)

    def registered(self, unit_code: str) -> None:
        """Contract filed, paid, the transfer recorded with its certificate number; no handover yet."""
        ctx, staff = self.kiosk.ctx, self.sim.staff
        project = self.kiosk.store.read("SELECT project_id FROM units WHERE code = ?", (unit_code,))[0]
        self.sim.prepare_project(str(project["project_id"]))
        contract_id = contracts.draft(ctx, staff, unit_code)
        doc = contracts.get(ctx.store, contract_id)["doc_hash"]
        contracts.sign(ctx, staff, contract_id, {b.id: sample_bundle(doc, seed=b.id) for b in self.holders(unit_code)})
        apply_training_item(ctx, kinds.CONTRACT_FILED, contract_id, {"filing_no": "YL-BA-000900"})
        order_id = payments.create_order(ctx, staff, unit_code)
        for item in ctx.store.read("SELECT payee, amount_fen FROM payment_items WHERE order_id = ?", (order_id,)):
            payments.record_confirmation(ctx, staff, order_id, item["payee"], item["amount_fen"], "S1" + item["payee"],
                                         "R1", event_id=f"TRAIN-PAY-{order_id}-{item['payee']}")
        registration.request_registration(ctx, staff, unit_code)
        apply_training_item(ctx, kinds.REGISTRATION_RECORDED, unit_code,
                            {"certificate_no": format_certificate_number(
                                ctx.today().year, 900, template=CertificateTemplate.from_config(ctx.config["certificate"])),
                             "serial": None,
                             "e_cert_token": "TRAINING-ECERT-900"})

    def checked(self, unit_code: str, *, agent: str | None = None) -> str:
        """Registered, keys ready, a handover started by staff, every holder identified, checks passed;
        with ``agent`` (an ID number) the last holder is represented by that authorised agent instead."""
        self.registered(unit_code)
        ctx, staff = self.kiosk.ctx, self.sim.staff
        handover.mark_keys_ready(ctx, staff, unit_code)
        case = handover.start(ctx, staff, unit_code)
        holders = self.holders(unit_code)
        for buyer in holders[:-1] if agent else holders:
            handover.identify(ctx, staff, case, method="card", value=buyer.id_number)
        if agent:
            handover.register_agent(ctx, staff, case, agent_id_number=agent, authorisation_no="(2026)郏证字第88号",
                                    for_buyers=[holders[-1].id])
        handover.check(ctx, staff, case)
        return case

    def place_card(self, ctx: AppContext, holder: Buyer) -> None:
        """Lay ``holder``'s own ID card on the simulated reader (it stays there until another is placed)."""
        slot = ctx.devices.card_reader.card_slot if ctx.devices.card_reader is not None else None
        assert slot is not None
        slot.place(card_of(holder.name, holder.id_number))

    def draft_contract(self, unit_code: str) -> str:
        project = self.kiosk.store.read("SELECT project_id FROM units WHERE code = ?", (unit_code,))[0]
        self.sim.prepare_project(str(project["project_id"]))
        return contracts.draft(self.kiosk.ctx, self.sim.staff, unit_code)


@pytest.fixture
def kiosk_ctx(qapp: object, data_dir: Path) -> Iterator[AppContext]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        install_samples(kiosk.ctx, SIMULATOR, load_samples(), training=True)
        # No card on the simulated reader until a test places one (the default sim card is nobody's).
        devices = dataclasses.replace(open_devices(config), card_reader=CardReaderDevice("sim://?card=none"))
        context = AppContext(kiosk, devices, runner, training=True, poll_ms=50)
        yield context
        context.stop_polling()
        runner.shutdown()


@pytest.fixture
def buyers(kiosk_ctx: AppContext) -> Buyers:
    ctx = kiosk_ctx.kiosk.ctx
    return Buyers(kiosk_ctx.kiosk, Simulation(ctx, _training_actor(ctx, "staff"), _training_actor(ctx, "supervisor")))


@pytest.fixture
def nav(kiosk_ctx: AppContext, qtbot: Any) -> Iterator[Navigator]:
    navigator = Navigator(kiosk_ctx)
    qtbot.addWidget(navigator)
    navigator.add(Welcome(kiosk_ctx), home=True)
    for screen in SCREENS:
        navigator.add(screen(kiosk_ctx))
    # Short card-reader rounds, so no test waits 10 s for the reader's bus to come free.
    navigator.screen_named("identify").prompt_seconds = 0.5  # type: ignore[attr-defined]
    card = navigator.screen_named("read_sign").card  # type: ignore[attr-defined]
    card.prompt_seconds, card.retry_ms = 0.5, 300
    navigator.resize(1920, 1080)
    navigator.show()
    yield navigator
    # As the shell does at a time-out: every screen leaves (its device rounds and timers stop).
    navigator.home()


@pytest.fixture
def on_store(kiosk_ctx: AppContext) -> Callable[[Callable[[Kiosk], Any]], Any]:
    """Run ``fn(kiosk)`` on the store thread and wait for its value (what a test sets up between taps)."""
    def run(fn: Callable[[Kiosk], Any]) -> Any:
        box: list[Any] = []
        task = kiosk_ctx.runner.bus("store").submit(lambda k: box.append(fn(k)), kiosk_ctx.kiosk)
        assert task.future is not None
        task.future.result(timeout=60)
        return box[0]
    return run
