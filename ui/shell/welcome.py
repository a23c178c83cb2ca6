"""The welcome screen: what this terminal does, and one way in.

Language and large text are offered here as big, self-describing switches
(EN 301 549: usable without needing them: each language is named in itself,
大字模式 is shown large), in place of the header's (``own_switches``: each switch
is on screen once). 开始办理 is the one primary action; 工作人员 is a small entry
for staff.
"""

from __future__ import annotations

from typing import Any

from ui.i18n import current_language
from ui.qt import QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal
from ui.screens.base import Screen
from ui.shell.header import LANGUAGE_NAMES, other_language
from ui.widgets.guard import GuardedButton

START_SCREEN = "identify"
STAFF_SCREEN = "staff_login"


def navigator_of(widget: QWidget) -> Any:
    """The Navigator holding ``widget`` (screens go to other screens through it)."""
    from ui.navigation import Navigator

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Navigator):
        parent = parent.parentWidget()
    return parent


class WelcomeScreen(Screen):
    """Home of the kiosk. ``enter()`` takes no arguments."""

    name = "welcome"
    audience = "buyer"
    language_requested = Signal(str)
    large_text_requested = Signal(bool)
    own_switches = True
    # Said by 重听 only: the home screen waits quietly.
    voice_prompt = "welcome.intro"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = QLabel()
        self.title.setObjectName("welcome_title")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what = QLabel()
        self.what.setObjectName("welcome_what")
        self.what.setWordWrap(True)
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bring = QLabel()
        self.bring.setObjectName("welcome_bring")
        self.bring.setWordWrap(True)
        self.bring.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = GuardedButton()
        self.start_button.setObjectName("welcome_start")
        self.start_button.setProperty("role", "primary")
        self.start_button.setMinimumSize(480, 120)
        self.language_button = GuardedButton()
        self.language_button.setObjectName("welcome_language")
        self.language_button.setMinimumSize(240, 96)
        self.large_button = GuardedButton()
        self.large_button.setObjectName("welcome_large_text")
        self.large_button.setCheckable(True)
        self.large_button.setMinimumSize(240, 96)
        self.staff_button = GuardedButton()
        self.staff_button.setObjectName("welcome_staff")

        start = QHBoxLayout()
        start.addStretch(1)
        start.addWidget(self.start_button)
        start.addStretch(1)
        # The switches bottom left, the staff entry bottom right: apart from the one primary action.
        bottom = QHBoxLayout()
        bottom.setSpacing(32)
        bottom.addWidget(self.language_button)
        bottom.addWidget(self.large_button)
        bottom.addStretch(1)
        bottom.addWidget(self.staff_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.bring)
        layout.addSpacing(16)
        layout.addLayout(start)
        layout.addStretch(1)
        layout.addLayout(bottom)

        self.start_button.clicked.connect(lambda: self._go(START_SCREEN))
        self.staff_button.clicked.connect(lambda: self._go(STAFF_SCREEN))
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit(other_language(current_language() or "zh_CN")))
        self.large_button.toggled.connect(self.large_text_requested)
        self.retranslate()

    def _go(self, name: str) -> None:
        navigator = navigator_of(self)
        if navigator is not None:
            navigator.go(name)

    def set_large_text(self, on: bool) -> None:
        self.large_button.blockSignals(True)
        self.large_button.setChecked(on)
        self.large_button.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Keys and certificate together"))
        self.what.setText(self.tr(
            "At this terminal you sign for your new home, pay the fees, and collect "
            "your keys together with your property certificate."))
        self.bring.setText(self.tr("Please have your ID card ready."))
        self.start_button.setText(self.tr("Start"))
        self.language_button.setText(LANGUAGE_NAMES[other_language(current_language() or "zh_CN")])
        # "A+" needs no reading: it is the sign for bigger text in every language.
        self.large_button.setText(self.tr("A+ Large text"))
        self.staff_button.setText(self.tr("Staff"))
