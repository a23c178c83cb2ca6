"""The form of a new certificate mailing request (证书邮寄), in the Certificates section's Mailing tab.

A buyer who cannot come to the handover has the certificate mailed (design.md, flow 4): who asks (a
holder in person, or an agent with the number of the notarised authorisation 授权委托书), the asker's ID
number on the keypad (masked as it is typed), and the recipient, phone and postal address, free text
the shell's Pinyin keyboard types. The screen sends it to ``kiosk.services.mailing.request_mailing``,
which decides everything (a holder of this unit, the authorisation, the phone, the certificate's state);
a refusal stays on the form with the field it names marked, and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from kiosk.app import Kiosk
from kiosk.errors import KioskError, ValidationError
from kiosk.services import mailing
from kiosk.services.staff import Actor
from ui.i18n import Retranslating
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from ui.screens.base import ACROSS, PanelTurning, turn
from ui.screens.counter.common import STAFF_TARGET, button, restyle, wrapped
from ui.screens.office.common import OfficeRefusal
from ui.widgets.keypad import IdKeypad

FIELDS = ("authorisation", "recipient", "phone", "address")
TEXT_LIMIT = 120


def request(kiosk: Kiosk, actor: Actor, unit_code: str, fields: dict[str, Any]) -> str:
    """The request's id (store thread)."""
    return kiosk.run(mailing.request_mailing, actor, unit_code, **fields).value


class MailRefusal(OfficeRefusal):
    """The office's refusal panel with plain words for the mailing services' own refusals."""

    def texts(self) -> tuple[str, str]:
        error = self.error
        if isinstance(error, ValidationError) and error.code == "invalid":
            words = {
                "recipient": (self.tr("The recipient's name is missing."),
                              self.tr("Write the name of the person who receives the certificate.")),
                "phone": (self.tr("The phone number is not right."),
                          self.tr("Type the recipient's phone number again: 7 to 20 digits.")),
                "address": (self.tr("The postal address is too short."),
                            self.tr("Write the full address: province, city, district, street and number.")),
            }.get(error.field or "")
            if words is not None:
                return words
        return super().texts()

    def _known(self) -> dict[str, tuple[str, str]]:
        return {**super()._known(), **{
            "not_a_holder": (self.tr("The ID number typed is not a holder of this unit."),
                             self.tr("Compare it with the ID card, or choose Agent and type the authorisation "
                                     "number.")),
            "no_certificate": (self.tr("This unit's certificate is not recorded yet."),
                               self.tr("Mailing can be asked for once the registration is recorded.")),
            "illegal_transition": (self.tr("This unit's certificate can no longer be mailed: it is bound at a "
                                           "handover, or its mailing was already asked for."),
                                   self.tr("Choose a unit from the list of certificates that may be mailed.")),
        }}


class MailForm(Retranslating, PanelTurning, QWidget):
    """Who asks, the asker's ID number, the authorisation, the recipient, phone and address, and the
    services' refusal (``show_refusal``); ``send_button`` and ``cancel_button`` are the screen's to connect.
    Personal data: everything typed (``clear``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mail_form")
        self.unit_code = ""
        self.agent = False
        self._marked = ""  # the field the last refusal named
        self.about = ""  # where the unit is, from the screen's view
        # Body text, not a heading: the form fits a 1280x800 panel in large text.
        self.unit_line = wrapped()
        self.unit_line.setObjectName("mail_unit")
        self.in_person_button = button()
        self.in_person_button.setObjectName("mail_in_person")
        self.agent_button = button()
        self.agent_button.setObjectName("mail_agent")
        for choice, agent in ((self.in_person_button, False), (self.agent_button, True)):
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, a=agent: self.choose(a))
        # The number masked as it is typed (ux.md): the keypad's own feedback says whether it checks out.
        # Six keys a row, delete as narrow as a digit: the fields beside the keypad keep the width an address needs.
        self.id_keypad = IdKeypad(masked=True, rows=("123456", "7890X<"), key_px=STAFF_TARGET, delete_sign=True)
        self.id_keypad.setObjectName("mail_id")
        self.id_keypad.display.setMinimumHeight(0)
        keypad_layout = self.id_keypad.layout()
        if keypad_layout is not None:
            keypad_layout.setContentsMargins(0, 0, 0, 0)
        self.id_keypad.status_changed.connect(lambda _: self.update_hint())
        for key in (*self.id_keypad.keys.values(), self.id_keypad.clear_button):
            key.clicked.connect(self._typed_id)
        # Under the keypad, where the hint was: beside the fields, the form and a refusal fit a 1280x800 panel
        # in large text. Brief: the code alone in its staff line.
        self.refusal = MailRefusal()
        self.refusal.setObjectName("mail_refusal")
        self.refusal.set_brief(True)
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for row, name in enumerate(FIELDS):
            label = wrapped()
            field = QLineEdit()  # free text: the Pinyin keyboard (its digits for the phone)
            field.setObjectName(f"mail_{name}")
            field.setMinimumHeight(STAFF_TARGET)
            field.setMaxLength(TEXT_LIMIT)
            field.textChanged.connect(lambda _=None, f=field: self._edited(f))
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self.labels[name] = label
            self.fields[name] = field
        grid.setColumnStretch(1, 1)
        self.hint = wrapped("hint")
        self.hint.setObjectName("mail_hint")
        self.cancel_button = button()
        self.cancel_button.setObjectName("mail_cancel")
        self.send_button = button("primary")
        self.send_button.setObjectName("mail_send")

        # Their own 64 px without padding above and below: the fields of an agent's request and the buttons
        # fit beside the keypad on a 1280x800 panel in large text.
        for b in (self.in_person_button, self.agent_button, self.cancel_button, self.send_button):
            b.setProperty("compact", "stacked")
        who = QHBoxLayout()
        who.setSpacing(16)
        who.addWidget(self.in_person_button)
        who.addWidget(self.agent_button)
        who.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.id_keypad)
        left.addWidget(self.refusal)
        left.addWidget(self.hint)
        left.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(32)  # cancel apart from send
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.send_button, 1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(who)
        right.addLayout(grid)
        right.addStretch(1)
        right.addLayout(actions)
        # The keypad beside the fields, or above them on a portrait panel (too narrow for both).
        self.columns = QBoxLayout(ACROSS)
        self.columns.setSpacing(24)
        self.columns.addLayout(left)
        self.columns.addLayout(right, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.unit_line)
        column.addLayout(self.columns, 1)
        self.choose(False)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.columns,))
        self.columns.setSpacing(16 if portrait else 24)

    # -- filling -----------------------------------------------------------------------------

    def start(self, unit_code: str) -> None:
        """An empty form for ``unit_code``: a holder in person first, the most common asker."""
        self.clear()
        self.unit_code = unit_code
        self.choose(False)

    def set_about(self, about: str) -> None:
        self.about = about
        self.retranslate()

    def clear(self) -> None:
        self.unit_code = ""
        self.about = ""
        self.id_keypad.clear()
        for field in self.fields.values():
            field.clear()
        self.show_refusal(None)

    def choose(self, agent: bool) -> None:
        self.agent = agent
        self.in_person_button.setChecked(not agent)
        self.agent_button.setChecked(agent)
        self.labels["authorisation"].setVisible(agent)
        self.fields["authorisation"].setVisible(agent)
        self.retranslate()

    def show_refusal(self, error: BaseException | None) -> None:
        """The services' refusal in place of the hint and the keypad's feedback (it says what to do), the
        field it names marked; None clears it."""
        if error is None:
            self.refusal.clear()
            self.mark("")
        else:
            self.refusal.show_error(error)
            if isinstance(error, ValidationError) and error.field in ("recipient", "phone", "address"):
                self.mark(error.field)
            elif isinstance(error, KioskError) and error.code == "no_authorisation":
                self.mark("authorisation")
            else:
                self.mark("")
        self.hint.setVisible(error is None)
        self.id_keypad.feedback.setVisible(error is None)

    def _typed_id(self) -> None:
        # The next action on the number clears a refusal: the keypad's feedback is what helps then.
        if self.refusal.isVisible():
            self.show_refusal(None)

    def mark(self, name: str) -> None:
        """Mark the field a refusal names (by the border and the label's ▶, not by colour alone)."""
        for key, field in self.fields.items():
            restyle(field, state="error" if key == name else "")
        self._marked = name
        self._label()

    def _edited(self, field: QLineEdit) -> None:
        if field.property("state") == "error":
            self.mark("")
        self.update_hint()

    def values(self) -> dict[str, Any] | None:
        """``request_mailing``'s keyword arguments, None while the ID number is not complete and valid."""
        number = self.id_keypad.number()
        if number is None:
            return None
        text = {name: field.text().strip() for name, field in self.fields.items()}
        return {"requester_id_number": number, "identified_by": "agent" if self.agent else "in_person",
                "recipient": text["recipient"], "phone": text["phone"], "address": text["address"],
                "authorisation_no": text["authorisation"] if self.agent else None}

    def missing(self) -> str:
        """What to fill in next, in words ('' when everything is there); the services judge what is typed."""
        if self.id_keypad.number() is None:
            return self.tr("Type the agent's ID number on the keypad.") if self.agent else \
                self.tr("Type the holder's ID number on the keypad.")
        if self.agent and not self.fields["authorisation"].text().strip():
            return self.tr("Write the number of the agent's authorisation (授权委托书).")
        for name, words in (("recipient", self.tr("Write the recipient's name.")),
                            ("phone", self.tr("Type the recipient's phone number.")),
                            ("address", self.tr("Write the postal address."))):
            if not self.fields[name].text().strip():
                return words
        return ""

    def update_hint(self) -> None:
        todo = self.missing()
        self.hint.setText(todo or self.tr("Tap Send: the request goes to the platform and the mailing slip "
                                          "is printed."))
        self.send_button.setEnabled(self.id_keypad.number() is not None)

    # -- words -------------------------------------------------------------------------------

    def _label(self) -> None:
        names = {"authorisation": self.tr("Authorisation no."), "recipient": self.tr("Recipient"),
                 "phone": self.tr("Phone"), "address": self.tr("Postal address")}
        for name, label in self.labels.items():
            label.setText(("▶ " if name == self._marked else "") + names[name])

    def retranslate(self) -> None:
        heading = self.tr("Mail the certificate of unit {unit}").format(unit=self.unit_code)
        self.unit_line.setText(f"{heading}  {self.about}" if self.about else heading)
        self.in_person_button.setText(self.tr("Holder in person"))
        self.agent_button.setText(self.tr("Agent"))
        self.fields["authorisation"].setPlaceholderText(self.tr("As on the paper"))
        self.fields["recipient"].setPlaceholderText(self.tr("Name"))
        self.fields["phone"].setPlaceholderText(self.tr("Mobile number"))
        self.fields["address"].setPlaceholderText(self.tr("Province, city, street, no."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.send_button.setText(self.tr("Send"))
        self._label()
        self.update_hint()
