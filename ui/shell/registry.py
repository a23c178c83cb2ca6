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
from ui.shell.technician import TechnicianScreen
from ui.shell.welcome import WelcomeScreen

HOME = WelcomeScreen.name


def no_arguments(kiosk: Kiosk) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Entry:
    screen: type[Screen]
    prepare: Callable[[Kiosk], dict[str, Any]] = no_arguments
    staff_id: str | None = None


SCREENS: list[Entry] = [
    Entry(WelcomeScreen),
    Entry(TechnicianScreen, staff_id="T001"),
]
