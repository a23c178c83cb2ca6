"""What every technician screen shares: only a signed-in technician sees its body; anyone else sees
why (its ``denied`` line) and nothing else."""

from __future__ import annotations

from kiosk.services.staff import Actor
from ui.qt import QLabel, QWidget
from ui.screens.base import Screen

TECHNICIAN = "technician"
FACTS = " · "  # between the facts of a summary line


def whole_facts(text: str) -> str:
    """A summary line of facts joined by `` · ``, each fact kept whole where the line wraps (the spaces inside
    a fact made non-breaking): "0 / quarantined" at a line's end and start reads as two facts."""
    # The space before the dot non-breaking too: a line never starts with one.
    return "\u00a0· ".join(fact.replace(" ", "\u00a0") for fact in text.split(FACTS))


class TechnicianScreen(Screen):
    """A screen behind the technician credential; subclasses build ``denied`` and ``body``."""

    denied: QLabel
    body: QWidget

    @property
    def technician(self) -> Actor | None:
        actor = self.ctx.actor
        return actor if actor is not None and actor.role == TECHNICIAN else None

    def admit(self) -> bool:
        """The body for a technician, the refusal for anyone else; whether a technician is signed in."""
        allowed = self.technician is not None
        self.denied.setVisible(not allowed)
        self.body.setVisible(allowed)
        return allowed
