"""Every screen the shell shows, with how to show it on sample data (``kiosk snapshots``).

One ``Entry`` per screen, in the order the snapshots are taken. Adding a screen is one line::

    Entry(CaseScreen, lambda kiosk: {"unit_code": first_unit(kiosk)}),

``prepare`` runs on the store thread with the open kiosk (sample data
installed by ``kiosk simulate``) and returns the screen's ``enter()``
arguments; ``staff_id`` names a sample staff member (resources/samples/staff.json)
signed in first, for staff screens; ``step`` names another state of a screen registered above it
(its snapshot ``<screen>_<step>.png``, e.g. the identify screen's keypad): not a screen of its own;
``card`` is what lies on the simulated card reader while the screen is shown (see ``Entry``).

Screens other than the home screen are named by module (``Later``): their modules (the camera's image
library, the QR and PDF code, the kiosk core they call) are imported when the screen is first built,
after the app's first frame.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.context import AppContext
from ui.screens.base import Screen
from ui.shell.welcome import WelcomeScreen

if TYPE_CHECKING:
    from kiosk.app import Kiosk

HOME = WelcomeScreen.name
TECHNICIAN = "technician"  # ui/shell/technician.py: the way into the technician's screens
SHARED_CODE = "0001"  # in the code of every sample unit of a first building, or on a first floor


class Later:
    """A screen class named by ``module:Class``, imported on first use; built like the class itself."""

    def __init__(self, name: str, where: str) -> None:
        self.name = name
        self.where = where

    def load(self) -> type[Screen]:
        module, _, attribute = self.where.partition(":")
        screen = getattr(importlib.import_module(module), attribute)
        if not (isinstance(screen, type) and issubclass(screen, Screen) and screen.name == self.name):
            raise TypeError(f"{self.where} is not the screen named {self.name!r}")
        return screen

    def __call__(self, ctx: AppContext) -> Screen:
        return self.load()(ctx)

    def __repr__(self) -> str:
        return f"Later({self.name!r}, {self.where!r})"


def no_arguments(kiosk: Kiosk) -> dict[str, Any]:
    return {}


def unit_at(stage: str, **more: Any) -> Callable[[Kiosk], dict[str, Any]]:
    """``enter(unit_code=...)`` of a fresh training unit at ``stage`` (``Kiosk.stage_sample``)."""

    def prepare(kiosk: Kiosk) -> dict[str, Any]:
        return {"unit_code": kiosk.stage_sample(stage).value, **more}

    return prepare


def buyer_cases(kiosk: Kiosk) -> dict[str, Any]:
    """``my_case`` as a buyer of a signed contract sees it: payment is the next step."""
    return {"unit_codes": [kiosk.stage_sample("filed").value]}


def counter_queue(kiosk: Kiosk) -> dict[str, Any]:
    """Training cases the counter meets: ready, in a handover, blocked for two reasons.

    Staged only when missing, so repeated snapshots do not use up the sample units.
    """
    queue = kiosk.queue(include_training=True)
    blocked = {group.check for group in queue.blocked}
    wanted = [("keys_ready", not queue.ready), ("checked", not queue.in_handover),
              ("filed", "unpaid" not in blocked), ("registered", "keys_not_ready" not in blocked)]
    for stage, missing in wanted:
        if missing:
            kiosk.stage_sample(stage)
    return {}


def counter_handover(kiosk: Kiosk) -> dict[str, Any]:
    """The wizard on a case ready for handover with two holders to identify (staged when there is none)."""
    queue = kiosk.queue(include_training=True)
    ready = next((row.unit_code for row in queue.ready if len(row.holders) == 2), None)
    return {"unit_code": ready or kiosk.stage_sample("keys_ready", co_owners=2).value}


def supervision_ledger(kiosk: Kiosk) -> dict[str, Any]:
    """A ledger with a bar in every chart: delivered and rated cases, pending ones, and units blocked
    for three reasons (training data; staged only when the ledger lacks them)."""
    # Snapshots only: these services stay out of the app's start.
    from kiosk.services.evaluations import record_evaluation
    from kiosk.services.staff import Actor

    totals = kiosk.supervision(include_training=True).totals
    blocked = dict(totals.blocked)
    wanted = [("delivered", not totals.evaluations_total), ("keys_ready", not totals.pending),
              ("drafted", not blocked["contract_not_filed"]), ("filed", not blocked["unpaid"]),
              ("registered", not blocked["keys_not_ready"])]
    rater = Actor("self-service", "system", training=True)
    for stage, missing in wanted:
        if missing:
            unit = kiosk.stage_sample(stage).value
            if stage == "delivered":
                kiosk.run(record_evaluation, rater, unit, "very_satisfied")
    return {}


def units_found(kiosk: Kiosk) -> dict[str, Any]:
    """``enter(search=...)`` of a unit casework screen: a part of the code that the most units a search
    shows (``MATCH_LIMIT``) share, training units installed first when there are not that many."""
    from kiosk.views.contracts import MATCH_LIMIT

    if len(kiosk.find_units(SHARED_CODE, include_training=True)) < MATCH_LIMIT:
        kiosk.stage_sample("drafted")  # installs the sample's units as training units
    return {"search": SHARED_CODE}


def mailable_unit(kiosk: Kiosk) -> dict[str, Any]:
    """``enter(mail_unit=...)`` of the certificates section: the mailing form on a unit whose certificate
    may be mailed (a training unit registered for it when there is none)."""
    mailable = kiosk.certificates(include_training=True).mailable
    return {"mail_unit": mailable[0].unit_code if mailable else kiosk.stage_sample("registered").value}


def identify_way(way: str) -> Callable[[Kiosk], dict[str, Any]]:
    """``enter(way=...)`` of the identify screen: another way than the card shown first."""

    def prepare(kiosk: Kiosk) -> dict[str, Any]:
        return {"way": way}

    return prepare


# A sample card (hardware.idcard.simulator) of nobody in resources/samples: no case anywhere.
STRANGER = "zhao"


def stranger_card(kiosk: Kiosk) -> dict[str, Any]:
    """The card step after a read of ``STRANGER``'s card: a person with no home purchase at this kiosk."""
    from hardware.idcard.simulator import SAMPLE_CARDS

    if kiosk.cases_for_buyer(SAMPLE_CARDS[STRANGER].id_number):
        raise ValueError(f"the sample card {STRANGER!r} has a case on the sample kiosk: it is no stranger")
    return {}


@dataclass(frozen=True)
class Entry:
    """``card``: the sample card (``hardware.idcard.simulator.SAMPLE_CARDS``) on the simulated reader while
    the screen is shown, ``""`` for an empty reader: a screen waiting for a card is shown waiting, as a
    buyer finds it (that wait is the buyer's move, and the snapshot does not wait for it); None leaves
    the reader as the kiosk's ``[devices]`` has it."""

    screen: type[Screen] | Later
    prepare: Callable[[Kiosk], dict[str, Any]] = no_arguments
    staff_id: str | None = None
    step: str = ""
    card: str | None = None

    @property
    def name(self) -> str:
        """The snapshot's name: the screen's, with the step's after it."""
        return f"{self.screen.name}_{self.step}" if self.step else self.screen.name


SCREENS: list[Entry] = [
    Entry(WelcomeScreen),
    Entry(Later("identify", "ui.screens.buyer.identify:IdentifyScreen"), card=""),
    Entry(Later("identify", "ui.screens.buyer.identify:IdentifyScreen"), identify_way("keypad"), step="keypad",
          card=""),
    Entry(Later("identify", "ui.screens.buyer.identify:IdentifyScreen"), stranger_card, step="not_found",
          card=STRANGER),
    Entry(Later("my_case", "ui.screens.buyer.my_case:MyCaseScreen"), buyer_cases),
    Entry(Later("read_sign", "ui.screens.buyer.read_sign:ReadSignScreen"), unit_at("drafted", document="contract")),
    Entry(Later("pay", "ui.screens.buyer.pay:PayScreen"), unit_at("filed")),
    Entry(Later("done", "ui.screens.buyer.done:DoneScreen"), unit_at("delivered")),
    Entry(Later(TECHNICIAN, "ui.shell.technician:TechnicianScreen"), staff_id="T001"),
    Entry(Later("technician_diagnostics", "ui.screens.technician.diagnostics:DiagnosticsScreen"), staff_id="T001"),
    Entry(Later("technician_devices", "ui.screens.technician.devices:DevicesScreen"), staff_id="T001"),
    Entry(Later("technician_device_tests", "ui.screens.technician.device_tests:DeviceTestsScreen"), staff_id="T001"),
    Entry(Later("technician_enroll", "ui.screens.technician.enroll:EnrollScreen"), staff_id="T001"),
    Entry(Later("technician_decommission", "ui.screens.technician.decommission:DecommissionScreen"), staff_id="T001"),
    Entry(Later("staff_login", "ui.screens.counter.login:StaffLoginScreen")),
    Entry(Later("queue", "ui.screens.counter.queue:QueueScreen"), counter_queue, staff_id="S001"),
    Entry(Later("handover", "ui.screens.counter.handover:HandoverScreen"), counter_handover, staff_id="S001"),
    Entry(Later("office", "ui.screens.office.hub:OfficeScreen"), staff_id="S003"),
    Entry(Later("office_staff", "ui.screens.office.staff:StaffRosterScreen"), staff_id="S003"),
    Entry(Later("office_credit", "ui.screens.office.credit:CreditScreen"), staff_id="S003"),
    Entry(Later("office_certificates", "ui.screens.office.certificates:CertificatesScreen"), staff_id="S003"),
    Entry(Later("office_certificates", "ui.screens.office.certificates:CertificatesScreen"), mailable_unit,
          staff_id="S001", step="mail"),
    Entry(Later("office_acceptance", "ui.screens.office.acceptance:AcceptanceScreen"), staff_id="S001"),
    Entry(Later("office_contracts", "ui.screens.office.contracts:ContractsScreen"), unit_at("filed"), staff_id="S001"),
    Entry(Later("office_contracts", "ui.screens.office.contracts:ContractsScreen"), units_found, staff_id="S001",
          step="matches"),
    Entry(Later("office_payments", "ui.screens.office.payments:PaymentsScreen"), unit_at("registered"), staff_id="S001"),
    Entry(Later("office_payments", "ui.screens.office.payments:PaymentsScreen"), units_found, staff_id="S001",
          step="matches"),
    Entry(Later("office_supervision", "ui.screens.office.supervision:SupervisionScreen"), supervision_ledger,
          staff_id="S001"),
]
