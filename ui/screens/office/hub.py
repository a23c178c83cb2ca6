"""The back office's front page (``office``): one button per section the signed-in role may open.

Reached from the counter's queue ("Back office") by a signed-in staff member. ``SECTIONS`` lists
every section of the back office; a button shows when the signed-in actor's role is among the
section's ``roles`` and its screen is registered in this navigator (a part of the back office
not installed shows no dead button). Titles are marked for translation where they are listed
(``QT_TRANSLATE_NOOP`` in the context "OfficeScreen") and translated here.
Without a signed-in staff member the hub shows why and the way to the staff login.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.services.staff import Actor
from ui.context import AppContext
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QGridLayout, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import button, go, navigator_of, wrapped
from ui.screens.office.common import clear_layout

COLUMNS = 3
TILE_HEIGHT = 96  # ux.md: primary actions 96 px high


@dataclass(frozen=True)
class Section:
    """A part of the back office: the screen it opens, its title (marked with QT_TRANSLATE_NOOP in
    the context "OfficeScreen") and the roles that may open it."""

    screen_name: str
    title: str
    roles: frozenset[str]


STAFF = frozenset({"staff", "supervisor"})
SUPERVISOR = frozenset({"supervisor"})

SECTIONS: tuple[Section, ...] = (
    # str(): PySide types the marker as returning object; lupdate reads the call inside.
    Section("office_credit", str(QT_TRANSLATE_NOOP("OfficeScreen", "Credit restrictions")), STAFF),
    Section("office_certificates", str(QT_TRANSLATE_NOOP("OfficeScreen", "Certificates")), STAFF),
    Section("office_staff", str(QT_TRANSLATE_NOOP("OfficeScreen", "Staff roster")), SUPERVISOR),
    Section("office_acceptance", str(QT_TRANSLATE_NOOP("OfficeScreen", "Joint acceptance")), STAFF),
    Section("office_contracts", str(QT_TRANSLATE_NOOP("OfficeScreen", "Contracts")), STAFF),
    Section("office_payments", str(QT_TRANSLATE_NOOP("OfficeScreen", "Payments")), STAFF),
    Section("office_supervision", str(QT_TRANSLATE_NOOP("OfficeScreen", "Supervision ledger")), STAFF),
)


class OfficeScreen(Screen):
    """``office``: enter() takes no arguments."""

    name = "office"
    audience = "staff"
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = wrapped("title")
        self.who = wrapped()
        self.who.setObjectName("office_who")
        self.denied = wrapped(state="warn")
        self.denied.setObjectName("office_denied")
        self.login_button = button("primary")
        self.login_button.setObjectName("office_login")
        self.login_button.clicked.connect(lambda: go(self, "staff_login"))
        self.queue_button = button()
        self.queue_button.setObjectName("office_queue")
        self.queue_button.clicked.connect(lambda: go(self, "queue"))
        self.tiles = QGridLayout()
        self.tiles.setSpacing(16)
        self.buttons: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        # Seven sections in three rows, the title and the way back fit a 1280x800 panel in large text.
        layout.setContentsMargins(24, 8, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.denied)
        layout.addLayout(self.tiles)
        layout.addStretch(1)
        layout.addWidget(self.login_button)
        layout.addWidget(self.queue_button)
        ctx.signed_in.connect(self._signed_in)
        self.retranslate()

    def enter(self, **args: Any) -> None:
        self._fill()

    def _signed_in(self, _actor: Actor | None) -> None:
        self._fill()

    def sections(self) -> list[Section]:
        """The sections this actor may open here, in ``SECTIONS`` order."""
        actor = self.ctx.actor
        if actor is None:
            return []
        nav = navigator_of(self)
        installed = set(nav.names()) if nav is not None else set()
        return [s for s in SECTIONS if actor.role in s.roles and s.screen_name in installed]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Back office"))
        self.queue_button.setText(self.tr("Back to the queue"))
        self.login_button.setText(self.tr("Staff login"))
        self._fill()

    def _fill(self) -> None:
        clear_layout(self.tiles)
        self.buttons = {}
        actor = self.ctx.actor
        sections = self.sections()
        if actor is None:
            self.who.clear()
            self.denied.setText(self.tr("The back office is for signed-in staff. Log in at the counter first."))
        elif not sections:
            self.denied.setText(self.tr("Your role has no back-office work on this kiosk. Ask a supervisor."))
        else:
            self.denied.clear()
        if actor is not None:
            name = self.ctx.actor_name or actor.id
            role = {"staff": self.tr("staff"), "supervisor": self.tr("supervisor"),
                    "technician": self.tr("technician")}.get(actor.role, actor.role)
            self.who.setText(self.tr("Signed in: {name} ({role})").format(name=name, role=role))
        self.who.setVisible(actor is not None)
        self.denied.setVisible(bool(self.denied.text()))
        self.login_button.setVisible(actor is None)
        self.queue_button.setVisible(actor is not None)
        for n, section in enumerate(sections):
            tile = button("primary")
            tile.setObjectName(f"section_{section.screen_name}")
            tile.setMinimumHeight(TILE_HEIGHT)
            tile.setText(QCoreApplication.translate("OfficeScreen", section.title))
            tile.clicked.connect(lambda _=False, name=section.screen_name: go(self, name))
            self.buttons[section.screen_name] = tile
            self.tiles.addWidget(tile, n // COLUMNS, n % COLUMNS)
