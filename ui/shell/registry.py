"""Every screen the shell shows, with how to show it on sample data (``kiosk snapshots``).

One ``Entry`` per screen, in the order the snapshots are taken. Adding a screen is one line::

    Entry(CaseScreen, lambda kiosk: {"unit_code": first_unit(kiosk)}),

``prepare`` runs on the store thread with the open kiosk (sample data
installed by ``kiosk simulate``) and returns the screen's ``enter()``
arguments; ``staff_id`` names a sample staff member (resources/samples/staff.json)
signed in first, for staff screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.app import Kiosk
from ui.screens.base import Screen
from ui.screens.buyer import DoneScreen, IdentifyScreen, MyCaseScreen, PayScreen, ReadSignScreen
from ui.screens.counter import HandoverScreen, QueueScreen, StaffLoginScreen
from ui.screens.office import OfficeScreen
from ui.screens.technician import DecommissionScreen, DeviceTestsScreen, DevicesScreen, DiagnosticsScreen, EnrollScreen
from ui.shell.technician import TechnicianScreen
from ui.shell.welcome import WelcomeScreen

HOME = WelcomeScreen.name


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


@dataclass(frozen=True)
class Entry:
    screen: type[Screen]
    prepare: Callable[[Kiosk], dict[str, Any]] = no_arguments
    staff_id: str | None = None


SCREENS: list[Entry] = [
    Entry(WelcomeScreen),
    Entry(IdentifyScreen),
    Entry(MyCaseScreen, buyer_cases),
    Entry(ReadSignScreen, unit_at("drafted", document="contract")),
    Entry(PayScreen, unit_at("filed")),
    Entry(DoneScreen, unit_at("delivered")),
    Entry(TechnicianScreen, staff_id="T001"),
    Entry(DiagnosticsScreen, staff_id="T001"),
    Entry(DevicesScreen, staff_id="T001"),
    Entry(DeviceTestsScreen, staff_id="T001"),
    Entry(EnrollScreen, staff_id="T001"),
    Entry(DecommissionScreen, staff_id="T001"),
    Entry(StaffLoginScreen),
    Entry(QueueScreen, counter_queue, staff_id="S001"),
    Entry(HandoverScreen, counter_handover, staff_id="S001"),
    Entry(OfficeScreen, staff_id="S003"),
]
